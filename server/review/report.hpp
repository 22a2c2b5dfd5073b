#pragma once
// The impact report of an event: the figures staff read the day after (shared/protocol.md, Staff review).
// A figure that cannot be computed (no pair, no answer yet) is empty.

#include <array>
#include <optional>
#include <vector>

#include "review/analysis.hpp"
#include "review/event_graph.hpp"

namespace ensemble::review {

struct Ranked {
    PersonId id = 0;
    double value = 0;  // betweenness, or wishes received
};

struct Report {
    std::vector<std::pair<int, int>> seated_per_round;  // (round, seated)
    std::vector<std::pair<int, int>> met_distribution;  // (met, attendees), ascending met
    std::optional<double> met_median;
    std::optional<int> met_minimum;
    int repeats = 0;
    std::optional<double> cross_organisation_share;
    std::optional<double> cross_departement_share;  // of the pairs where both gave their département
    int seeking_help = 0;                           // people seated who sought help on a topic
    std::vector<PersonId> needs_unmet;  // of them, those no tablemate ever offered it (matching/needs.hpp)
    std::vector<PersonId> isolated;
    int pairs = 0;
    int answered_pairs = 0;
    std::optional<double> talked_at_least_one;
    std::optional<double> talked_both;
    int mutual_keep_in_touch = 0;
    int usefulness_answers = 0;
    std::optional<double> usefulness_mean;
    std::array<int, 5> usefulness{};  // how many gave 1..5
    std::optional<double> median_visible_share;
    int chat_sent = 0;
    int video_opened = 0;
    int components = 0;
    int largest_component = 0;
    std::vector<Ranked> brokers;       // at most 10
    std::vector<Ranked> go_to_people;  // at most 10
    std::optional<double> ei_index;
};

Report make_report(const EventGraph& graph, const Analysis& analysis);

// Two organisations are the same as the matcher sees them (matching::organisation_key: case, accents
// and spaces ignored).
bool same_organisation(const std::string& x, const std::string& y);

}  // namespace ensemble::review
