// Seating a topic round: the choosers' tables first, then everyone else by topic, repeats and organisation.
#include <algorithm>
#include <unordered_map>

#include "domain/seating.hpp"
#include "matching/organisation.hpp"
#include "matching/pair_cost.hpp"

namespace ensemble::domain {
namespace {

constexpr std::chrono::milliseconds extra_tables_budget{100};

struct Seating {
    const SeatingJob& job;
    matching::PairCost cost = matching::PairCost::from(job.shape.preferences);
    std::unordered_map<matching::PersonId, const matching::Person*> people;
    std::unordered_map<matching::PersonId, std::string> organisation;  // its key: case and accents ignored

    explicit Seating(const SeatingJob& j) : job(j) {
        for (const auto& person : job.people) {
            people.emplace(person.id, &person);
            organisation.emplace(person.id, matching::organisation_key(person.organisation));
        }
    }

    // What seating `id` with these people costs, in the matcher's own model.
    std::int64_t cost_at(matching::PersonId id, const matching::Table& table) const {
        std::int64_t sum = 0;
        for (auto other : table) {
            int times = job.history.times_met(id, other);
            auto cost_class =
                matching::pair_class_of(job.round, times, job.history.last_round_met(id, other), false);
            const auto& a = organisation.at(id);
            sum += cost.meet(static_cast<std::uint32_t>(times), cost_class,
                             !a.empty() && a == organisation.at(other));
        }
        return sum;
    }

    // The table is on a topic this person seeks or offers.
    bool fits(matching::PersonId id, const TopicTable& table) const {
        if (table.topic.empty()) return false;
        const auto& p = *people.at(id);
        return std::count(p.needs.begin(), p.needs.end(), table.topic) ||
               std::count(p.offers.begin(), p.offers.end(), table.topic);
    }
};

}  // namespace

SeatingResult seat_topic_round(const SeatingJob& job) {
    Seating seating(job);
    const auto& size = job.shape.size;
    std::vector<const TopicTable*> kept;
    for (const auto& table : job.topic_tables) kept.push_back(&table);
    // Who chose an open table sits there; a choice over the cap (the limits changed) counts as none.
    auto choosers_of = [&](int id) {
        matching::Table table;
        for (const auto& person : job.people)
            if (auto c = job.topic_choices.find(person.id);
                c != job.topic_choices.end() && c->second == id && static_cast<int>(table.size()) < size.max)
                table.push_back(person.id);
        return table;
    };
    // Tables the free people cannot bring to their minimum go first, fewest choosers first, so that the
    // passes below rarely run more than once (200 tables and 30 people would otherwise mean 190 passes).
    std::vector<std::size_t> chose(kept.size());
    std::size_t choosing = 0;
    for (std::size_t t = 0; t < kept.size(); ++t) choosing += chose[t] = choosers_of(kept[t]->id).size();
    for (;;) {
        std::size_t missing = 0, fewest = kept.size();
        for (std::size_t t = 0; t < kept.size(); ++t) {
            missing += static_cast<std::size_t>(std::max(0, size.min - static_cast<int>(chose[t])));
            if (fewest == kept.size() || chose[t] <= chose[fewest]) fewest = t;
        }
        if (kept.empty() || missing <= job.people.size() - choosing) break;
        choosing -= chose[fewest];
        kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(fewest));
        chose.erase(chose.begin() + static_cast<std::ptrdiff_t>(fewest));
    }
    std::vector<matching::Table> groups;
    std::vector<matching::PersonId> left_over;
    // Each pass seats everyone; a table still short of its minimum is merged away and the pass runs again.
    for (;;) {
        groups.clear();
        std::unordered_map<matching::PersonId, bool> seated;
        for (const auto* table : kept) {
            groups.push_back(choosers_of(table->id));
            for (auto id : groups.back()) seated[id] = true;
        }
        std::vector<matching::PersonId> free;
        for (const auto& person : job.people)
            if (!seated.count(person.id)) free.push_back(person.id);
        // Those with fewer fitting tables choose first, so a topic's few seats go to who needs them.
        auto fitting = [&](matching::PersonId id) {
            return std::count_if(kept.begin(), kept.end(),
                                 [&](const TopicTable* t) { return seating.fits(id, *t); });
        };
        std::vector<std::pair<long, matching::PersonId>> order;
        for (auto id : free) {
            long n = fitting(id);
            order.emplace_back(n == 0 ? static_cast<long>(kept.size()) + 1 : n, id);
        }
        std::sort(order.begin(), order.end());
        left_over.clear();
        for (const auto& [n, id] : order) {
            std::size_t best = kept.size();
            std::tuple<int, int, int, std::int64_t> best_key{};
            for (std::size_t t = 0; t < kept.size(); ++t) {
                int seats = static_cast<int>(groups[t].size());
                if (seats >= size.max) continue;
                std::tuple<int, int, int, std::int64_t> key{
                    seating.fits(id, *kept[t]) ? 0 : 1, seats < size.min ? 0 : 1, seats < size.target ? 0 : 1,
                    seating.cost_at(id, groups[t])};
                if (best == kept.size() || key < best_key) best = t, best_key = key;
            }
            if (best == kept.size())
                left_over.push_back(id);
            else
                groups[best].push_back(id);
        }
        // The emptiest short table goes (the latest opened among equals); its people are seated again.
        std::size_t shortest = kept.size();
        for (std::size_t t = 0; t < kept.size(); ++t)
            if (static_cast<int>(groups[t].size()) < size.min &&
                (shortest == kept.size() || groups[t].size() <= groups[shortest].size()))
                shortest = t;
        if (shortest == kept.size()) break;
        kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(shortest));
    }
    // Too few left for a table of their own: seats come back from the tables above their minimum (only
    // from who chose none); failing that, they sit at the smallest tables, over the cap rather than alone.
    if (!left_over.empty() && static_cast<int>(left_over.size()) < size.min) {
        for (std::size_t t = 0; t < groups.size() && static_cast<int>(left_over.size()) < size.min; ++t)
            while (static_cast<int>(groups[t].size()) > size.min &&
                   static_cast<int>(left_over.size()) < size.min &&
                   !job.topic_choices.count(groups[t].back())) {
                left_over.push_back(groups[t].back());
                groups[t].pop_back();
            }
    }
    if (!groups.empty() && static_cast<int>(left_over.size()) < size.min) {
        for (auto id : left_over)
            std::min_element(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
                return a.size() < b.size();
            })->push_back(id);
        left_over.clear();
    }
    SeatingResult result;
    for (std::size_t t = 0; t < kept.size(); ++t) {
        result.tables.push_back(std::move(groups[t]));
        result.topic_tables.push_back(kept[t]->id);
    }
    if (left_over.empty()) return result;
    matching::RoundRequest request;
    for (auto id : left_over) request.people.push_back(*seating.people.at(id));
    request.history = &job.history;
    request.size = size;
    request.preferences = job.shape.preferences;
    request.round = job.round;
    request.seed = job.seed;
    request.budget = extra_tables_budget;
    for (auto& table : matching::next_round(request).tables) {
        result.tables.push_back(std::move(table));
        result.topic_tables.push_back(0);
    }
    return result;
}

}  // namespace ensemble::domain
