#pragma once
// A first seating for one round, built greedily, which the search then improves.

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "matching/pair_costs.hpp"

namespace ensemble::matching {

// Seats groups first, then whoever a starting seating places, then everyone else at the table with room
// where they add the least cost. Records the round's meetings in the pair store.
template <class Pairs>
std::vector<std::vector<int>> seat_round(const Problem& problem, PairCosts<Pairs>& costs,
                                         const std::vector<int>& sizes, std::vector<std::vector<int>> start,
                                         std::mt19937_64& rng, std::vector<std::string>& problems) {
    const int table_count = static_cast<int>(sizes.size());
    std::vector<std::vector<int>> tables(table_count);
    std::vector<char> seated(problem.n, 0);
    auto room = [&](int t) { return sizes[t] - static_cast<int>(tables[t].size()); };
    auto sit = [&](int person, int t) {
        for (int other : tables[t]) costs.pairs().bump(person, other);
        tables[t].push_back(person);
        seated[person] = 1;
    };

    std::vector<int> group_order(problem.groups.size());
    for (std::size_t g = 0; g < group_order.size(); ++g) group_order[g] = static_cast<int>(g);
    std::shuffle(group_order.begin(), group_order.end(), rng);
    for (int g : group_order) {
        const auto& group = problem.groups[g];
        int best = -1;
        for (int t = 0; t < table_count; ++t)
            if (room(t) >= static_cast<int>(group.size()) && (best < 0 || room(t) > room(best))) best = t;
        if (best < 0) {
            problems.push_back("tables too full to keep a group of " + std::to_string(group.size()) +
                               " together: seated apart");
            continue;
        }
        for (int p : group) sit(p, best);
    }

    // A start seating's tables map onto the new ones largest first, as sizes are sorted that way.
    std::stable_sort(start.begin(), start.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (int t = 0; t < std::min(table_count, static_cast<int>(start.size())); ++t)
        for (int p : start[t])
            if (p >= 0 && p < problem.n && !seated[p] && problem.movable[p] && room(t) > 0) sit(p, t);

    std::vector<int> order;
    for (int p = 0; p < problem.n; ++p)
        if (!seated[p]) order.push_back(p);
    std::shuffle(order.begin(), order.end(), rng);
    std::uniform_int_distribution<int> pick_table(0, std::max(0, table_count - 1));
    for (int p : order) {
        int best = -1;
        std::int64_t best_cost = 0;
        int offset = pick_table(rng);
        for (int j = 0; j < table_count; ++j) {
            int t = (offset + j) % table_count;
            if (room(t) <= 0) continue;
            std::int64_t cost = 0;
            for (int other : tables[t]) cost += costs.join(p, other);
            if (best < 0 || cost < best_cost) best = t, best_cost = cost;
            if (cost == 0) break;
        }
        if (best < 0) best = 0;  // sizes always seat everyone; kept as a guard
        sit(p, best);
    }
    return tables;
}

}  // namespace ensemble::matching
