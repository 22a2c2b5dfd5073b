#include "matching/inflation.hpp"

#include <algorithm>

#include "matching/pbd.hpp"

namespace ensemble::matching {
namespace {

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
    if (n > 7 && has(4) && has(7))  // for tables of 3, KTS(9) and KTS(15); smaller n would be its own block
        if (const Blocks pbd = pbd_four_seven(n); !pbd.empty()) return inflate(n, k, pbd, design);
    return {};
}

}  // namespace ensemble::matching
