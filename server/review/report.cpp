#include "review/report.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "matching/needs.hpp"
#include "matching/organisation.hpp"

namespace ensemble::review {
namespace {

constexpr std::size_t top_count = 10;

template <typename T>
std::optional<double> median_of(std::vector<T> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    std::size_t mid = values.size() / 2;
    if (values.size() % 2) return static_cast<double>(values[mid]);
    return (static_cast<double>(values[mid - 1]) + static_cast<double>(values[mid])) / 2;
}

std::optional<double> share(int part, int whole) {
    return whole == 0 ? std::nullopt : std::optional<double>(static_cast<double>(part) / whole);
}

// The `top_count` highest values above 0, highest first, ties by id.
std::vector<Ranked> top_of(std::vector<Ranked> all) {
    std::erase_if(all, [](const Ranked& r) { return r.value <= 0; });
    std::sort(all.begin(), all.end(), [](const Ranked& x, const Ranked& y) {
        return x.value != y.value ? x.value > y.value : x.id < y.id;
    });
    if (all.size() > top_count) all.resize(top_count);
    return all;
}

}  // namespace

bool same_organisation(const std::string& x, const std::string& y) {
    return matching::organisation_key(x) == matching::organisation_key(y);
}

Report make_report(const EventGraph& graph, const Analysis& analysis) {
    Report r;
    const auto& people = graph.people;
    std::unordered_map<PersonId, std::size_t> index;
    for (std::size_t i = 0; i < people.size(); ++i) index.emplace(people[i].id, i);

    std::map<int, std::set<PersonId>> per_round;
    for (int round = 1; round <= graph.rounds; ++round) per_round[round];
    for (const auto& e : graph.encounters) per_round[e.round].insert({e.a, e.b});
    for (const auto& [round, seated] : per_round)
        r.seated_per_round.emplace_back(round, static_cast<int>(seated.size()));

    // Per attendee: people met, presence.
    std::vector<int> met;
    std::vector<double> visible_shares;
    std::map<int, int> distribution;
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto& p = people[i];
        r.chat_sent += p.chat_sent;
        r.video_opened += p.video_opened;
        if (!seated(p, analysis.figures[i])) continue;
        met.push_back(analysis.figures[i].met);
        ++distribution[analysis.figures[i].met];
        std::int64_t seated_ms = static_cast<std::int64_t>(p.rounds_seated) * graph.round_ms;
        if (seated_ms > 0)
            visible_shares.push_back(
                std::min(1.0, static_cast<double>(p.visible_ms) / static_cast<double>(seated_ms)));
    }
    r.met_distribution.assign(distribution.begin(), distribution.end());
    r.met_median = median_of(met);
    if (!met.empty()) r.met_minimum = *std::min_element(met.begin(), met.end());
    r.median_visible_share = median_of(visible_shares);

    // Per pair.
    int across = 0, known = 0, at_least_one = 0, both = 0, across_departements = 0, known_departements = 0;
    std::set<PersonId> talked_with_someone;
    std::set<PersonId> helped;  // sat at least once with someone who offered what they sought
    for (const auto& p : analysis.pairs) {
        ++r.pairs;
        if (p.rounds.size() > 1) ++r.repeats;
        if (p.keep_in_touch == Sides::both) ++r.mutual_keep_in_touch;
        if (p.talked != Sides::none) talked_with_someone.insert({p.a, p.b});
        if (p.answered) {
            ++r.answered_pairs;
            at_least_one += p.talked != Sides::none;
            both += p.talked == Sides::both;
        }
        auto a = index.find(p.a), b = index.find(p.b);
        if (a == index.end() || b == index.end()) continue;
        const auto &pa = people[a->second], &pb = people[b->second];
        if (matching::topic_offered(pb.offers, pa.needs)) helped.insert(pa.id);
        if (matching::topic_offered(pa.offers, pb.needs)) helped.insert(pb.id);
        if (pa.erased || pb.erased) continue;
        ++known;
        across += !same_organisation(pa.organisation, pb.organisation);
        if (!pa.departement.empty() && !pb.departement.empty()) {
            ++known_departements;
            across_departements += pa.departement != pb.departement;
        }
    }
    r.cross_departement_share = share(across_departements, known_departements);
    r.cross_organisation_share = share(across, known);
    if (known > 0) r.ei_index = static_cast<double>(across - (known - across)) / known;
    r.talked_at_least_one = share(at_least_one, r.answered_pairs);
    r.talked_both = share(both, r.answered_pairs);

    const bool anyone_answered = !graph.talked.empty();
    for (std::size_t i = 0; i < people.size(); ++i) {
        const auto& f = analysis.figures[i];
        if (!seated(people[i], f)) continue;
        if (f.met == 0 || (anyone_answered && !talked_with_someone.count(people[i].id)))
            r.isolated.push_back(people[i].id);
        if (people[i].needs.empty()) continue;
        ++r.seeking_help;
        if (!helped.count(people[i].id)) r.needs_unmet.push_back(people[i].id);
    }

    for (const auto& rating : graph.ratings) {
        if (rating.score < 1 || rating.score > 5) continue;
        ++r.usefulness_answers;
        ++r.usefulness[rating.score - 1];
    }
    if (r.usefulness_answers > 0) {
        int sum = 0;
        for (int s = 1; s <= 5; ++s) sum += s * r.usefulness[s - 1];
        r.usefulness_mean = static_cast<double>(sum) / r.usefulness_answers;
    }

    r.components = analysis.components;
    r.largest_component = analysis.largest_component;
    std::vector<Ranked> betweenness, wishes;
    for (std::size_t i = 0; i < people.size(); ++i) {
        betweenness.push_back({people[i].id, analysis.figures[i].betweenness});
        wishes.push_back({people[i].id, static_cast<double>(analysis.figures[i].wishes_received)});
    }
    r.brokers = top_of(std::move(betweenness));
    r.go_to_people = top_of(std::move(wishes));
    return r;
}

}  // namespace ensemble::review
