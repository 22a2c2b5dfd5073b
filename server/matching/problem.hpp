#pragma once
// The dense form of a request that the search works on: people as 0..n-1, costs as integers.

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matching/matcher.hpp"
#include "matching/pair_cell.hpp"

namespace ensemble::matching {

struct Problem {
    int n = 0;
    std::vector<PersonId> ids;
    std::unordered_map<PersonId, int> index;
    std::vector<int> organisation;               // -1: none
    std::vector<std::vector<int>> groups;        // kept together, each fits a table
    std::vector<char> movable;                   // not part of a group
    std::vector<std::pair<int, int>> never;      // never at the same table
    std::int64_t repeat_cost = 0;                // a pair meeting once more than once
    std::int64_t organisation_cost = 0;          // two of one organisation at a table
    std::array<std::int64_t, 256> class_cost{};  // by pair cost class, see pair_cell.hpp
};

// Cost of a broken hard constraint: above any sum of soft costs the search meets.
constexpr std::int64_t hard_cost = 1'000'000'000;
// Same-organisation pairs kept apart: hard, yet below never_together.
constexpr std::int64_t apart_cost = 10'000'000;

// Duplicates, oversized groups and contradictions go to problems in words.
Problem make_problem(const std::vector<Person>& people, const Constraints& constraints,
                     const Preferences& preferences, int largest_table, std::vector<std::string>& problems);

// The cost class of a pair that last met in last_round, seen from round.
std::uint32_t recency_class(int round, int last_round);

// Tables of dense indices back to ids.
std::vector<Table> to_ids(const Problem& problem, const std::vector<std::vector<int>>& tables);

// Each person of the problem once, in index order.
std::vector<Person> unique_people(const Problem& problem, const std::vector<Person>& people);

}  // namespace ensemble::matching
