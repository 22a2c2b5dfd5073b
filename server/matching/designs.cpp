#include "matching/designs.hpp"

#include <numeric>

#include "matching/affine_seed.hpp"
#include "matching/cyclic_frame.hpp"
#include "matching/cyclotomic.hpp"
#include "matching/inflation.hpp"
#include "matching/kirkman.hpp"
#include "matching/maximal_arc.hpp"
#include "matching/packings.hpp"
#include "matching/quadruples.hpp"
#include "matching/rotational.hpp"
#include "matching/transversal.hpp"
#include "matching/unital.hpp"

namespace ensemble::matching {
namespace {

Rounds build(int v, int k) {
    if (k < 2 || v < k) return {};
    if (v == k) {  // one round, everyone at one table: the smallest factor of a product
        std::vector<int> table(k);
        std::iota(table.begin(), table.end(), 0);
        return {{table}};
    }
    const int limit = (v - 1) / (k - 1);
    if (auto geometry = affine_rounds(v, k, limit, 0); static_cast<int>(geometry.size()) == limit)
        return geometry;
    if (k == 3)
        if (const Rounds& system = triple_system(v); !system.empty()) return system;
    if (k == 4)
        if (const Rounds& system = quadruple_system(v); !system.empty()) return system;
    if (auto cyclotomic = cyclotomic_design(v, k); !cyclotomic.empty()) return cyclotomic;
    if (auto packing = packing_design(v, k); !packing.empty()) return packing;
    if (auto rotational = rotational_design(v, k); !rotational.empty()) return rotational;
    if (auto frame = frame_design(v, k); !frame.empty()) return frame;
    if (auto unital = unital_design(v, k); !unital.empty()) return unital;
    if (auto arc = maximal_arc_design(v, k); !arc.empty()) return arc;
    // A product of two smaller designs, each with every pair (for tables of 3, nearly Kirkman systems
    // are products of kirkman.cpp's own).
    for (int u = k; u * k <= v; ++u) {
        const int w = v / u;
        if (v % u || (u - 1) % (k - 1) || (w - 1) % (k - 1)) continue;
        const Rounds& outer = resolvable_design(u, k);
        const Rounds& inner = resolvable_design(w, k);
        if (outer.empty() || inner.empty()) continue;
        if (auto rounds = product_design(outer, u, inner, w, k); !rounds.empty()) return rounds;
    }
    return inflated_design(v, k, [k](int w) -> const Rounds& { return resolvable_design(w, k); });
}

}  // namespace

const Rounds& resolvable_design(int v, int k) {
    return kept_design(v, k, [k](int n) { return build(n, k); });
}

Rounds design_rounds(int n, int k, int rounds, std::uint64_t seed) {
    if (rounds <= 0) return {};
    if (auto geometry = affine_rounds(n, k, rounds, seed); !geometry.empty()) return geometry;
    if (k < 2 || static_cast<std::int64_t>(n) * ((n - 1) / (k - 1)) > most_design_seats) return {};
    return relabelled(resolvable_design(n, k), rounds, seed);
}

}  // namespace ensemble::matching
