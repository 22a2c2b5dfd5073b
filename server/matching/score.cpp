#include "matching/score.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "matching/needs.hpp"
#include "matching/organisation.hpp"
#include "matching/pair_cost.hpp"

namespace ensemble::matching {
namespace {

using PairCount = std::unordered_map<PairKey, int, PairKeyHash>;
PairKey ordered(PersonId a, PersonId b) { return pair_key(a, b); }

void add_once(std::vector<std::string>& problems, const std::string& problem) {
    if (std::find(problems.begin(), problems.end(), problem) == problems.end()) problems.push_back(problem);
}

}  // namespace

void score(const ScoreInput& input, const std::vector<std::vector<Table>>& rounds, Report& report) {
    const History* history = input.history;
    const Constraints& constraints = input.constraints;
    const TableSize& size = input.size;
    // The people present, each with their organisation as the search sees it (organisation_key): a table's
    // pairs then read them through its seats, not with hash searches of their own.
    std::unordered_map<PersonId, const Person*> person_of;
    std::vector<std::string> organisation(input.people.size());
    person_of.reserve(input.people.size());
    for (std::size_t i = 0; i < input.people.size(); ++i) {
        organisation[i] = organisation_key(input.people[i].organisation);
        person_of.emplace(input.people[i].id, &input.people[i]);
    }
    auto present = [&](PersonId id) -> const Person* {
        auto it = person_of.find(id);
        return it == person_of.end() ? nullptr : it->second;
    };
    auto organisation_of = [&](const Person* person) -> const std::string& {
        return organisation[static_cast<std::size_t>(person - input.people.data())];
    };
    std::unordered_set<PairKey, PairKeyHash> never;
    for (const auto& [a, b] : constraints.never_together)
        if (a != b) never.insert(ordered(a, b));
    const PairCost model = PairCost::from(input.preferences);

    // Each meeting priced in order, as the search prices it: times met before, history's recency, never.
    PairCount fresh;
    std::size_t pairs = 0;
    for (const auto& round : rounds)
        for (const auto& table : round) pairs += table.size() * (table.size() - 1) / 2;  // 0 for none
    fresh.reserve(pairs);
    report.same_organisation_pairs = 0;
    report.cost = 0;
    std::vector<const Person*> seats;
    for (std::size_t r = 0; r < rounds.size(); ++r)
        for (std::size_t t = 0; t < rounds[r].size(); ++t) {
            const auto& table = rounds[r][t];
            seats.clear();
            for (PersonId id : table) seats.push_back(present(id));
            for (std::size_t i = 0; i < table.size(); ++i) {
                for (std::size_t j = i + 1; j < table.size(); ++j) {
                    auto key = ordered(table[i], table[j]);
                    int& seen = fresh[key];
                    bool known = seats[i] && seats[j];
                    bool same = known && !organisation_of(seats[i]).empty() &&
                                organisation_of(seats[i]) == organisation_of(seats[j]);
                    report.same_organisation_pairs += same;
                    const auto* met = history ? history->find(key.first, key.second) : nullptr;
                    int before = met ? met->times : 0;
                    int last = before > 0 ? met->last_round : 0;
                    auto cost_class = pair_class_of(input.first_round, before, last, never.count(key) > 0);
                    auto apart = known ? distance(*seats[i], *seats[j]) : Distance::same_or_unknown;
                    report.cost += model.meet(static_cast<std::uint32_t>(std::min(before, 1000) + seen),
                                              cost_class, same, apart);
                    ++seen;
                }
            }
        }

    // Repeats: each pair seated here against its history, then the pairs present that had met more than
    // once before and are not seated together again.
    report.repeated_pairs = report.new_repeated_pairs = 0;
    for (const auto& [pair, added] : fresh) {
        const auto* met = history ? history->find(pair.first, pair.second) : nullptr;
        int before = met ? met->times : 0;
        if (before > 0 && (!present(pair.first) || !present(pair.second))) continue;
        int now = std::max(0, before + added - 1);
        report.repeated_pairs += now;
        report.new_repeated_pairs += now - std::max(0, before - 1);
    }
    if (history)
        history->for_each([&](PersonId a, PersonId b, const History::Meeting& meeting) {
            if (meeting.times < 2 || !present(a) || !present(b)) return;
            if (!fresh.count(ordered(a, b))) report.repeated_pairs += meeting.times - 1;
        });
    report.proven_optimal = report.new_repeated_pairs == 0;

    if (!rounds.empty()) {
        auto needs = count_needs_met(rounds.back(), person_of);
        report.needs = needs.needs;
        report.needs_met = needs.met;
    }
    report.table_sizes.clear();
    if (!rounds.empty())
        for (const auto& table : rounds.back()) report.table_sizes.push_back(static_cast<int>(table.size()));
    for (const auto& round : rounds)
        for (const auto& table : round)
            if (static_cast<int>(table.size()) < size.min || static_cast<int>(table.size()) > size.max)
                add_once(report.problems, "a table of " + std::to_string(table.size()) + " is outside " +
                                              std::to_string(size.min) + " to " + std::to_string(size.max));
    for (const auto& [a, b] : constraints.never_together) {
        if (a == b) continue;
        auto it = fresh.find(ordered(a, b));
        if (it != fresh.end())
            add_once(report.problems, "person " + std::to_string(a) + " and person " + std::to_string(b) +
                                          " are seated together although they must never be");
    }
    for (const auto& round : rounds) {
        std::unordered_map<PersonId, std::size_t> table_of;
        for (std::size_t t = 0; t < round.size(); ++t)
            for (PersonId id : round[t]) table_of[id] = t;
        for (const auto& group : constraints.keep_together) {
            std::unordered_set<std::size_t> tables;
            for (PersonId id : group) {
                auto it = table_of.find(id);
                if (it != table_of.end()) tables.insert(it->second);
            }
            if (tables.size() > 1)
                add_once(report.problems, "a group to keep together (person " +
                                              std::to_string(group.front()) +
                                              " and others) is split across tables");
        }
    }
}

void note_organisations_apart(const Preferences& preferences, Report& report) {
    if (preferences.keep_organisations_apart && report.same_organisation_pairs > 0)
        report.problems.push_back(std::to_string(report.same_organisation_pairs) +
                                  " pairs of the same organisation share a table: an organisation has more "
                                  "people than there are tables, or other constraints prevent it");
}

}  // namespace ensemble::matching
