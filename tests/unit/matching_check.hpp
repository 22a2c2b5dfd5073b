#pragma once
// Checks shared by the matcher tests: partitions, sizes and pair counts computed from scratch.

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "matching/matcher.hpp"

namespace matching_check {

using namespace ensemble::matching;

inline std::vector<Person> people(int n, int organisations = 0) {
    std::vector<Person> out;
    for (int i = 1; i <= n; ++i)
        out.push_back({i, organisations ? "org" + std::to_string(i % organisations) : "", {}});
    return out;
}

// Everyone present seated exactly once, nobody else.
inline bool is_partition(const std::vector<Table>& tables, const std::vector<Person>& present) {
    std::multiset<PersonId> seated;
    for (const auto& table : tables) seated.insert(table.begin(), table.end());
    std::multiset<PersonId> expected;
    for (const auto& person : present) expected.insert(person.id);
    return seated == expected;
}

inline bool sizes_within(const std::vector<Table>& tables, int min, int max) {
    return std::all_of(tables.begin(), tables.end(), [&](const Table& t) {
        return static_cast<int>(t.size()) >= min && static_cast<int>(t.size()) <= max;
    });
}

// Sum over pairs of max(0, times met - 1) across the given rounds.
inline int repeats(const std::vector<std::vector<Table>>& rounds) {
    std::map<std::pair<PersonId, PersonId>, int> met;
    for (const auto& round : rounds)
        for (const auto& table : round)
            for (std::size_t i = 0; i < table.size(); ++i)
                for (std::size_t j = i + 1; j < table.size(); ++j)
                    ++met[{std::min(table[i], table[j]), std::max(table[i], table[j])}];
    int total = 0;
    for (const auto& [pair, times] : met) total += std::max(0, times - 1);
    return total;
}

inline bool together(const std::vector<Table>& tables, PersonId a, PersonId b) {
    return std::any_of(tables.begin(), tables.end(), [&](const Table& t) {
        return std::count(t.begin(), t.end(), a) && std::count(t.begin(), t.end(), b);
    });
}

}  // namespace matching_check
