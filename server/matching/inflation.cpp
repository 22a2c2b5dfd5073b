#include "matching/inflation.hpp"

#include <algorithm>

#include "matching/transversal.hpp"

namespace ensemble::matching {
namespace {

using Blocks = std::vector<std::vector<int>>;

// A resolvable TD(g, q) (transversal.hpp): points (i, x) = i·q + x for i < g, its blocks, and its g groups
// {(i, x) : x} as blocks too, each with the point g·q when `pointed`: two points in different groups lie in
// one block, two in one group in that group, a PBD on g·q (+ 1) points. None when there is no such TD.
Blocks transversal_pbd(int g, int q, bool pointed) {
    const Transversals td = resolvable_transversal_design(g, q);
    if (td.empty()) return {};
    Blocks blocks;
    for (const auto& round : td)
        for (int a = 0; a < q; ++a) {
            blocks.push_back({a});
            for (int i = 1; i < g; ++i) blocks.back().push_back(i * q + round[a][i - 1]);
        }
    for (int i = 0; i < g; ++i) {
        blocks.emplace_back();
        for (int x = 0; x < q; ++x) blocks.back().push_back(i * q + x);
        if (pointed) blocks.back().push_back(g * q);
    }
    return blocks;
}

// Each point x of the PBD becomes the c = k − 1 points c·x..c·x + c − 1, and ∞ = c·n is added; round x
// holds {∞, x's points} and, for every block B through x, the round of B's design in which its ∞ sits with
// x's points. Each pair across two points of the PBD meets in the design of their one block, each pair
// inside x's points and ∞ in {∞, x's points}; the blocks through x cover every other point once, so each
// round seats everyone.
Rounds inflate(int n, int k, const Blocks& pbd, const DesignOf& design) {
    const int c = k - 1, infinity = c * n;
    Rounds rounds(n);
    for (int x = 0; x < n; ++x) {
        rounds[x].emplace_back(1, infinity);
        for (int j = 0; j < c; ++j) rounds[x].back().push_back(c * x + j);
    }
    for (const auto& block : pbd) {
        const int m = static_cast<int>(block.size());
        const Rounds& small = design(c * m + 1);
        if (static_cast<int>(small.size()) != m) return {};
        // The small design's last point plays ∞; its table in round i holds the points of block[i].
        const int small_infinity = c * m;
        std::vector<int> label(c * m + 1, infinity);
        auto holds_infinity = [&](const std::vector<int>& table) {
            return std::find(table.begin(), table.end(), small_infinity) != table.end();
        };
        for (int i = 0; i < m; ++i) {
            auto table = std::find_if(small[i].begin(), small[i].end(), holds_infinity);
            int j = 0;
            for (int p : *table)
                if (p != small_infinity) label[p] = c * block[i] + j++;
        }
        for (int i = 0; i < m; ++i)
            for (const auto& table : small[i]) {
                if (holds_infinity(table)) continue;
                rounds[block[i]].emplace_back();
                for (int p : table) rounds[block[i]].back().push_back(label[p]);
            }
    }
    return rounds;
}

}  // namespace

Rounds inflated_design(int v, int k, const DesignOf& design) {
    if (k < 3 || v < k || (v - 1) % (k - 1) != 0) return {};
    const int n = (v - 1) / (k - 1);
    auto has = [&](int m) { return !design((k - 1) * m + 1).empty(); };
    for (int q = k; q * k <= n; ++q)
        for (int g = k; g <= q; ++g) {
            const bool pointed = n == g * q + 1;
            if ((n != g * q && !pointed) || !has(g) || !has(pointed ? q + 1 : q)) continue;
            const Blocks pbd = transversal_pbd(g, q, pointed);
            if (pbd.empty()) continue;
            if (auto rounds = inflate(n, k, pbd, design); !rounds.empty()) return rounds;
        }
    return {};
}

}  // namespace ensemble::matching
