#pragma once
// The edges of the meeting graph: one per pair who shared a table, with what each side said of the other.
// The analysis (review/analysis.hpp) and the exports read these.

#include <vector>

#include "review/event_graph.hpp"

namespace ensemble::review {

// What the two people of a pair said: nobody, one of them, or both.
enum class Sides { none, one, both };
const char* to_string(Sides sides);  // "none", "one", "both"

struct Pair {
    PersonId a = 0;  // a < b
    PersonId b = 0;
    std::vector<int> rounds;            // ascending: the edge's weight is their count
    std::vector<int> tables;            // tables[i] in rounds[i]
    Sides talked = Sides::none;         // said "Nous avons échangé" (yes) about the other, in any round
    Sides keep_in_touch = Sides::none;  // wish to keep in touch with the other
    bool answered = false;              // either answered "talked" (yes or no) about the other
};

// Pairs ordered by (a, b). Answers and wishes between people who never shared a table make no pair.
std::vector<Pair> pairs_of(const EventGraph& graph);

}  // namespace ensemble::review
