#pragma once
// The dense form of a request that the search works on: people as 0..n-1, costs as integers.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matching/matcher.hpp"
#include "matching/pair_cost.hpp"

namespace ensemble::matching {

struct Problem {
    int n = 0;
    std::vector<PersonId> ids;
    std::unordered_map<PersonId, int> index;
    std::vector<int> organisation;           // by organisation_key; -1: none
    std::vector<std::vector<int>> groups;    // kept together, each fits a table
    std::vector<char> movable;               // not part of a group
    std::vector<std::pair<int, int>> never;  // never at the same table
    PairCost cost;                           // the one cost model, see pair_cost.hpp
    // Only when the cost model weighs distance: each person's place, and how far each place is from another.
    std::vector<int> place;                             // -1: unknown
    std::vector<std::vector<Distance>> place_distance;  // [place][place]

    Distance apart(int a, int b) const {
        if (place.empty() || place[a] < 0 || place[b] < 0) return Distance::same_or_unknown;
        return place_distance[place[a]][place[b]];
    }
};

// Duplicates, oversized groups and contradictions go to problems in words.
Problem make_problem(const std::vector<Person>& people, const Constraints& constraints,
                     const Preferences& preferences, int largest_table, std::vector<std::string>& problems);

// Tables of dense indices back to ids.
std::vector<Table> to_ids(const Problem& problem, const std::vector<std::vector<int>>& tables);

// Each person of the problem once, in index order.
std::vector<Person> unique_people(const Problem& problem, const std::vector<Person>& people);

}  // namespace ensemble::matching
