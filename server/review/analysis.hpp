#pragma once
// The meeting graph of an event, worked out from its EventGraph: one pair per two people who shared a
// table, what each said of the other, and where each person stands in the network (Boost.Graph).

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <optional>
#include <vector>

#include "review/event_graph.hpp"

namespace ensemble::review {

// What the two people of a pair said: nobody, one of them, or both.
enum class Sides { none, one, both };
const char* to_string(Sides sides);

struct Pair {
    PersonId a = 0;  // a < b
    PersonId b = 0;
    std::vector<int> rounds;  // ascending
    std::vector<int> tables;  // tables[i] in rounds[i]
    Sides talked = Sides::none;
    Sides keep_in_touch = Sides::none;
    bool answered = false;  // either of them answered "talked" (yes or no) about the other
};

struct PersonFigures {
    int met = 0;                   // different people met
    double betweenness = 0;        // normalised, 0..1
    std::optional<int> component;  // from 1, largest first; none for someone never seated
    int wishes_received = 0;
};

struct Analysis {
    std::vector<Pair> pairs;             // by a, then b
    std::vector<PersonFigures> figures;  // figures[i] is the graph's people[i]
    int components = 0;
    int largest_component = 0;
};

// Seated: with a seat in at least one round, or met someone (rounds_seated may lag in a live event).
bool seated(const Person& person, const PersonFigures& figures);

// Betweenness is exact (Boost.Graph's Brandes) up to this many seated people; above, it is estimated
// from `betweenness_sources` sources drawn with a fixed seed (shared/protocol.md, Staff review).
constexpr std::size_t exact_betweenness_up_to = 500;
constexpr std::size_t betweenness_sources = 500;

Analysis analyse(const EventGraph& graph);

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
// Normalised betweenness from these sources only, scaled up (exact when every vertex is one).
std::vector<double> sampled_betweenness(const Graph& g, const std::vector<std::size_t>& sources);

}  // namespace ensemble::review
