#include "review/series.hpp"

#include <algorithm>
#include <set>

#include "review/analysis.hpp"
#include "review/report.hpp"

namespace ensemble::review {
namespace {

using PairKey = std::pair<PersonId, PersonId>;

PairKey ordered(PersonId a, PersonId b) { return a < b ? PairKey{a, b} : PairKey{b, a}; }

// The series' phase: ended once every event has; otherwise the latest event's that has not.
std::string series_phase(const std::vector<EventGraph>& events) {
    for (auto it = events.rbegin(); it != events.rend(); ++it)
        if (it->phase != "ended") return it->phase;
    return "ended";
}

void add_person(Person& into, const Person& entry) {
    // The latest named entry names the person; an erased entry only adds to the counts.
    if (!entry.erased) {
        into.name = entry.name;
        into.organisation = entry.organisation;
        into.role = entry.role;
        into.departement = entry.departement;
        into.needs = entry.needs;  // what they sought most recently
        into.offers = entry.offers;
        into.erased = false;
        into.left = entry.left;
    }
    into.visible_ms += entry.visible_ms;
    into.chat_sent += entry.chat_sent;
    into.rounds_seated += entry.rounds_seated;
    into.video_opened += entry.video_opened;
}

}  // namespace

MergedSeries merge_series(const SeriesGraphs& series) {
    MergedSeries merged;
    auto& graph = merged.graph;
    graph.event_id = series.series_id;
    graph.title = series.title;
    graph.phase = series_phase(series.events);
    std::unordered_map<std::string, PersonId> by_key;
    std::set<PairKey> wishes;
    std::int64_t planned_ms = 0;
    for (std::size_t k = 0; k < series.events.size(); ++k) {
        const auto& event = series.events[k];
        const auto* keys = k < series.person_keys.size() ? &series.person_keys[k] : nullptr;
        const int offset = graph.rounds;
        merged.events.push_back(
            {event.event_id, event.title, event.phase, event.ended_at, offset + 1, event.rounds});
        auto& ids = merged.merged_ids.emplace_back();
        std::unordered_map<PersonId, PersonId> to_merged;
        for (const auto& person : event.people) {
            const std::string* key = nullptr;
            if (keys && !person.erased)
                if (auto found = keys->find(person.id); found != keys->end() && !found->second.empty())
                    key = &found->second;
            PersonId id = 0;
            if (key)
                if (auto known = by_key.find(*key); known != by_key.end()) id = known->second;
            if (id == 0) {
                id = static_cast<PersonId>(graph.people.size()) + 1;
                Person fresh;
                fresh.id = id;
                fresh.erased = true;  // until a named entry says who they are
                graph.people.push_back(fresh);
                merged.events_attended.push_back(0);
                if (key) by_key.emplace(*key, id);
            }
            add_person(graph.people[static_cast<std::size_t>(id - 1)], person);
            if (person.rounds_seated > 0) ++merged.events_attended[static_cast<std::size_t>(id - 1)];
            to_merged.emplace(person.id, id);
            ids.push_back(id);
        }
        auto map = [&](PersonId id) {
            auto found = to_merged.find(id);
            return found == to_merged.end() ? PersonId{0} : found->second;
        };
        for (const auto& e : event.encounters) {
            PersonId a = map(e.a), b = map(e.b);
            if (a == 0 || b == 0 || a == b) continue;  // one person entered twice in one event
            auto [x, y] = ordered(a, b);
            graph.encounters.push_back({offset + e.round, e.table, x, y});
        }
        for (const auto& t : event.talked)
            if (PersonId from = map(t.from), about = map(t.about); from && about && from != about)
                graph.talked.push_back({offset + t.round, from, about, t.talked});
        for (const auto& w : event.wishes)
            if (PersonId from = map(w.from), about = map(w.about); from && about && from != about)
                wishes.insert({from, about});
        for (const auto& r : event.ratings)
            if (PersonId from = map(r.from))
                graph.ratings.push_back({offset + r.round, r.table, from, r.score});
        graph.rounds += event.rounds;
        planned_ms += event.round_ms * event.rounds;
        if (event.ended_at) graph.ended_at = std::max(graph.ended_at.value_or(0), *event.ended_at);
    }
    if (graph.phase != "ended") graph.ended_at.reset();
    // Seated time is rounds seated × a round's length: the series' mean round.
    graph.round_ms = graph.rounds > 0 ? planned_ms / graph.rounds : 0;
    // A wish made in two events counts once; answers stay as given, one per round.
    for (const auto& [from, about] : wishes) graph.wishes.push_back({from, about});
    std::sort(graph.encounters.begin(), graph.encounters.end(), [](const Encounter& x, const Encounter& y) {
        return std::tie(x.round, x.a, x.b) < std::tie(y.round, y.a, y.b);
    });
    return merged;
}

std::vector<TrendPoint> series_trend(const SeriesGraphs& series, const MergedSeries& merged) {
    std::vector<TrendPoint> trend;
    std::set<PairKey> met_before;
    std::set<PersonId> seated_before;
    for (std::size_t k = 0; k < series.events.size(); ++k) {
        const auto& event = series.events[k];
        const auto& ids = merged.merged_ids[k];
        auto analysis = analyse(event);
        auto report = make_report(event, analysis);
        TrendPoint point;
        point.event_id = event.event_id;
        point.title = event.title;
        std::unordered_map<PersonId, PersonId> to_merged;
        for (std::size_t i = 0; i < event.people.size(); ++i) to_merged.emplace(event.people[i].id, ids[i]);
        std::vector<PersonId> seated_now;
        for (std::size_t i = 0; i < event.people.size(); ++i)
            if (seated(event.people[i], analysis.figures[i])) {
                ++point.attendees;
                if (seated_before.count(ids[i])) ++point.returning;
                seated_now.push_back(ids[i]);
            }
        std::vector<PairKey> pairs_now;
        for (const auto& pair : analysis.pairs) {
            auto key = ordered(to_merged.at(pair.a), to_merged.at(pair.b));
            if (key.first == key.second) continue;
            ++point.pairs;
            if (met_before.count(key)) ++point.pairs_met_before;
            pairs_now.push_back(key);
        }
        point.met_median = report.met_median;
        point.talked_both = report.talked_both;
        point.mutual_keep_in_touch = report.mutual_keep_in_touch;
        point.cross_organisation_share = report.cross_organisation_share;
        point.isolated = static_cast<int>(report.isolated.size());
        point.usefulness_mean = report.usefulness_mean;
        trend.push_back(std::move(point));
        met_before.insert(pairs_now.begin(), pairs_now.end());
        seated_before.insert(seated_now.begin(), seated_now.end());
    }
    return trend;
}

NeverMet never_met(const MergedSeries& merged, const Analysis& analysis) {
    const auto& people = merged.graph.people;
    std::vector<bool> counted(people.size() + 1, false);
    NeverMet result;
    for (std::size_t i = 0; i < people.size(); ++i)
        if (!people[i].erased && seated(people[i], analysis.figures[i])) {
            counted[static_cast<std::size_t>(people[i].id)] = true;
            ++result.people;
        }
    result.pairs = static_cast<long long>(result.people) * (result.people - 1) / 2;
    for (const auto& pair : analysis.pairs)
        if (counted[static_cast<std::size_t>(pair.a)] && counted[static_cast<std::size_t>(pair.b)])
            ++result.met;
    return result;
}

}  // namespace ensemble::review
