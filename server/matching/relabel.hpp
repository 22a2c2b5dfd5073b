#pragma once
// A constructed start (finite geometry, Kirkman triple systems) seats no pair twice whoever sits where, so
// its people can be relabelled freely: swapping two people's places across every round keeps it free of
// repeats while it lowers the model's other costs (same organisation, never together, earlier meetings).

#include <cstdint>
#include <random>
#include <vector>

#include "matching/pair_costs.hpp"

namespace ensemble::matching {

// Rounds of tables of people 0..n-1; swaps two people everywhere while that lowers the sum of join costs
// of the pairs seated together (each pair meets at most once in such a start).
template <class Pairs>
void relabel_start(int n, const PairCosts<Pairs>& costs, std::vector<std::vector<std::vector<int>>>& rounds,
                   std::uint64_t seed) {
    std::vector<std::vector<int>> neighbours(n);
    for (const auto& round : rounds)
        for (const auto& table : round)
            for (int a : table)
                for (int b : table)
                    if (a != b && a >= 0 && a < n && b >= 0 && b < n) neighbours[a].push_back(b);
    // label[x]: who sits at place x.
    std::vector<int> label(n);
    for (int x = 0; x < n; ++x) label[x] = x;
    auto place_cost = [&](int x, int who, int skip) {
        std::int64_t sum = 0;
        for (int z : neighbours[x])
            if (z != skip) sum += costs.join(who, label[z]);
        return sum;
    };
    std::int64_t total = 0;
    for (int x = 0; x < n; ++x) total += place_cost(x, label[x], -1);
    if (total == 0 || n < 2) return;
    std::mt19937_64 rng(seed);
    // Tries in proportion to the people; each costs two places' neighbours.
    for (int tries = 0; tries < 40 * n; ++tries) {
        int x = static_cast<int>(rng() % n), y = static_cast<int>(rng() % n);
        if (x == y) continue;
        std::int64_t before = place_cost(x, label[x], y) + place_cost(y, label[y], x);
        std::int64_t after = place_cost(x, label[y], y) + place_cost(y, label[x], x);
        if (after < before) std::swap(label[x], label[y]);
    }
    for (auto& round : rounds)
        for (auto& table : round)
            for (int& p : table)
                if (p >= 0 && p < n) p = label[p];
}

}  // namespace ensemble::matching
