#pragma once
// A series of events reviewed as one: the same graph and figures over all its events (people who gave
// the same email are one person), their trend from one event to the next, and who never met whom.

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "review/event_graph.hpp"

namespace ensemble::review {

// The series as read from storage. The person keys (domain::person_key of an email) only say who is the
// same person; they never leave the server.
struct SeriesGraphs {
    std::string series_id;
    std::string title;
    std::vector<EventGraph> events;  // oldest first
    // Per event: person id -> key. Someone without one (no email, or erased) is a person of that event alone.
    std::vector<std::unordered_map<PersonId, std::string>> person_keys;
};

// Where one event's rounds are in the merged graph: rounds first_round .. first_round + rounds - 1.
struct SeriesEvent {
    std::string id;
    std::string title;
    std::string phase;
    std::optional<TimeMs> ended_at;
    int first_round = 1;
    int rounds = 0;
};

struct MergedSeries {
    // One person per key (ids from 1, in order of first appearance), named as in their latest event; rounds
    // numbered on from one event to the next.
    EventGraph graph;
    std::vector<SeriesEvent> events;
    std::vector<int> events_attended;               // per graph.people
    std::vector<std::vector<PersonId>> merged_ids;  // per event, per its people: the merged person's id
};

MergedSeries merge_series(const SeriesGraphs& series);

// One event's figures, next to the last one's.
struct TrendPoint {
    std::string event_id;
    std::string title;
    int attendees = 0;         // seated in at least one round
    int returning = 0;         // of them, seated in an earlier event of the series
    int pairs = 0;             // different pairs who shared a table
    int pairs_met_before = 0;  // of them, pairs who had already met in an earlier event of the series
    std::optional<double> met_median;
    std::optional<double> talked_both;
    int mutual_keep_in_touch = 0;
    std::optional<double> cross_organisation_share;
    int isolated = 0;
    std::optional<double> usefulness_mean;
};

std::vector<TrendPoint> series_trend(const SeriesGraphs& series, const MergedSeries& merged);

// Pairs of seated, named people of the series who never shared a table in any of its events.
struct NeverMet {
    int people = 0;
    long long pairs = 0;  // people × (people − 1) / 2
    long long met = 0;
};

struct Analysis;
// `analysis` is analyse(merged.graph).
NeverMet never_met(const MergedSeries& merged, const Analysis& analysis);

}  // namespace ensemble::review
