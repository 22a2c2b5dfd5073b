#include "matching/pbd.hpp"

#include <algorithm>
#include <map>
#include <numeric>

#include "matching/designs.hpp"
#include "matching/kirkman.hpp"
#include "matching/transversal.hpp"

namespace ensemble::matching {
namespace {

// A group divisible design: every pair of points 0..n−1 in one group or in one block, never both.
struct Gdd {
    int n = 0;
    Blocks groups, blocks;
};

Blocks all_tables(const Rounds& rounds) {
    Blocks blocks;
    for (const auto& round : rounds) blocks.insert(blocks.end(), round.begin(), round.end());
    return blocks;
}

// A PBD less one point: the blocks through it, less it, become the groups; the points after it move down.
Gdd without(const Blocks& pbd, int n, int point) {
    Gdd gdd{n - 1, {}, {}};
    for (auto block : pbd) {
        const bool through = std::find(block.begin(), block.end(), point) != block.end();
        block.erase(std::remove(block.begin(), block.end(), point), block.end());
        for (int& p : block) p -= p > point;
        (through ? gdd.groups : gdd.blocks).push_back(std::move(block));
    }
    return gdd;
}

// A GDD of type 3^s with blocks of 4 (and 7), its groups renumbered {3j, 3j + 1, 3j + 2}: for s = 4 a
// TD(4, 3) over Z_3, for s = 5 AG(2, 4) less a point, for s = 7 the PBD(22) below less a point of its
// KTS(15).
Gdd threes(int s) {
    Gdd gdd;
    if (s == 4) {
        gdd.n = 12;
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 3; ++b)
                gdd.blocks.push_back({a, 3 + b, 6 + (a + b) % 3, 9 + (a + 2 * b) % 3});
        return gdd;
    }
    if (s == 5) gdd = without(all_tables(resolvable_design(16, 4)), 16, 15);
    if (s == 7) gdd = without(pbd_four_seven(22), 22, 0);
    if (static_cast<int>(gdd.groups.size()) != s) return {};
    std::vector<int> label(gdd.n);
    for (int j = 0; j < s; ++j)
        for (int r = 0; r < 3; ++r) label[gdd.groups[j][r]] = 3 * j + r;
    for (auto& block : gdd.blocks)
        for (int& p : block) p = label[p];
    return gdd;
}

// Beth, Jungnickel and Lenz, IX.3.11: a GDD with blocks of 4, 5 or 7 gives a PBD(3n + 1, {4, 7}). Each point
// x becomes 3x, 3x + 1, 3x + 2 and ∞ = 3n is added; each block of s carries a GDD of type 3^s on its points'
// copies, and each group of g, with ∞, a PBD(3g + 1, {4, 7}).
Blocks tripled(const Gdd& gdd) {
    const int infinity = 3 * gdd.n;
    // Each filling made once per size: the PBDs of the groups first (cheap to miss), then the blocks' GDDs.
    std::map<int, Blocks> fillers;
    for (const auto& group : gdd.groups)
        if (const int g = static_cast<int>(group.size()); !fillers.count(g))
            if ((fillers[g] = pbd_four_seven(3 * g + 1)).empty()) return {};
    std::map<int, Gdd> carried;
    for (const auto& block : gdd.blocks)
        if (const int s = static_cast<int>(block.size()); !carried.count(s))
            if ((carried[s] = threes(s)).blocks.empty()) return {};
    Blocks pbd;
    for (const auto& block : gdd.blocks)
        for (const auto& b : carried[static_cast<int>(block.size())].blocks) {
            auto& out = pbd.emplace_back();
            for (int p : b) out.push_back(3 * block[p / 3] + p % 3);
        }
    for (const auto& group : gdd.groups) {
        const int g = static_cast<int>(group.size());
        for (const auto& b : fillers[g]) {
            auto& out = pbd.emplace_back();
            for (int p : b) out.push_back(p == 3 * g ? infinity : 3 * group[p / 3] + p % 3);
        }
    }
    return pbd;
}

// The blocks of a TD(g, q) given in its resolvable form: each class inflating the block {0, …, g − 1}
// (transversal.hpp), points (i, x) numbered i·q + x.
Blocks transversal_blocks(const Transversals& td, int g, int q) {
    std::vector<int> sides(g);
    std::iota(sides.begin(), sides.end(), 0);
    Blocks blocks;
    for (int c = 0; c < q; ++c) inflate(sides, td, c, blocks);
    return blocks;
}

// IX.4.5 m: a TD(5, g) with its last group cut to u points (blocks of 4 and 5, groups of g and u), tripled.
Blocks truncated_transversal(int g, int u) {
    const Transversals td = resolvable_transversal_design(5, g);
    if (td.empty()) return {};
    Gdd gdd{4 * g + u, {}, {}};
    for (int i = 0; i <= 4; ++i) {
        auto& group = gdd.groups.emplace_back();
        for (int x = 0; x < (i < 4 ? g : u); ++x) group.push_back(i * g + x);
    }
    if (u == 0) gdd.groups.pop_back();
    for (auto block : transversal_blocks(td, 5, g)) {
        block.erase(std::remove_if(block.begin(), block.end(), [&](int p) { return p >= gdd.n; }),
                    block.end());
        gdd.blocks.push_back(std::move(block));
    }
    return tripled(gdd);
}

// IX.4.5 o: a resolvable (w, 4, 1) design with t new points, one added to every block of a class each (blocks
// of 5 there), the new points a block of their own (t = 4 or 7) or else a group, tripled.
Blocks extended_classes(int w, int t) {
    const Rounds& design = resolvable_design(w, 4);
    if (static_cast<int>(design.size()) < t) return {};
    Gdd gdd{w + t, {}, {}};
    for (int c = 0; c < static_cast<int>(design.size()); ++c)
        for (auto block : design[c]) {
            if (c < t) block.push_back(w + c);
            gdd.blocks.push_back(std::move(block));
        }
    std::vector<int> added(t);
    std::iota(added.begin(), added.end(), w);
    const bool block = t == 4 || t == 7;
    (block ? gdd.blocks : gdd.groups).push_back(added);
    for (int x = 0; x < (block ? w + t : w); ++x) gdd.groups.push_back({x});  // every other point alone
    return tripled(gdd);
}

}  // namespace

Blocks transversal_pbd(int g, int q, bool pointed) {
    const Transversals td = resolvable_transversal_design(g, q);
    if (td.empty()) return {};
    Blocks blocks = transversal_blocks(td, g, q);
    for (int i = 0; i < g; ++i) {
        blocks.emplace_back();
        for (int x = 0; x < q; ++x) blocks.back().push_back(i * q + x);
        if (pointed) blocks.back().push_back(g * q);
    }
    return blocks;
}

Blocks pbd_four_seven(int n) {
    if (n == 4 || n == 7) {
        std::vector<int> block(n);
        std::iota(block.begin(), block.end(), 0);
        return {block};
    }
    if (n == 22) {  // IX.4.5 b: each round of KTS(15) with a point of its own, those 7 points a block
        const Rounds& kts = triple_system(15);
        if (kts.size() != 7) return {};
        Blocks pbd;
        for (int c = 0; c < 7; ++c)
            for (auto block : kts[c]) {
                block.push_back(15 + c);
                pbd.push_back(std::move(block));
            }
        pbd.push_back({15, 16, 17, 18, 19, 20, 21});
        return pbd;
    }
    if ((n - 1) % 3 || n < 4) return {};
    if ((n - 4) % 12 == 0)  // a resolvable design in tables of 4: its blocks
        if (const Rounds& design = resolvable_design(n, 4); !design.empty()) return all_tables(design);
    const int m = (n - 1) / 3;  // the tripled GDD's points
    for (int g = (m + 4) / 5; 4 * g <= m; ++g)
        if (auto pbd = truncated_transversal(g, m - 4 * g); !pbd.empty()) return pbd;
    for (int t = 1; t < m - 4; ++t)
        if ((m - t - 4) % 12 == 0)
            if (auto pbd = extended_classes(m - t, t); !pbd.empty()) return pbd;
    return {};
}

}  // namespace ensemble::matching
