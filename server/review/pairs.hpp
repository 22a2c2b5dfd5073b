#pragma once
// The edges of the meeting graph: one per pair who shared a table, with what each side said of the other.
// The one place an encounter list becomes pairs; the exports (and the graph JSON) read these.

#include <vector>

#include "review/event_graph.hpp"

namespace ensemble::review {

// How many of the two said yes.
enum class Both { none, one, both };

const char* to_string(Both both);  // "none", "one", "both"

struct Pair {
    PersonId a = 0;  // a < b
    PersonId b = 0;
    int rounds = 0;               // rounds at the same table: the edge's weight
    std::vector<int> round_list;  // those rounds, in order
    bool a_talked = false;        // a answered "Nous avons échangé" about b in at least one round
    bool b_talked = false;
    bool a_keeps = false;  // a wishes to keep in touch with b
    bool b_keeps = false;

    Both talked() const;
    Both keep_in_touch() const;
};

// Pairs ordered by (a, b). Answers and wishes between people who never shared a table make no pair.
std::vector<Pair> pairs_of(const EventGraph& graph);

}  // namespace ensemble::review
