#pragma once
// Resolvable transversal designs RTD(k, w) and the product of resolvable designs they make: from resolvable
// designs on u and on w points in tables of k, one on u·w points (e.g. Stinson, "A survey of Kirkman triple
// systems and related designs", 1991, section 2; for nearly Kirkman systems, the inner groups in every copy).

#include <vector>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// An RTD(k, w): for each of w classes c and each a in 0..w−1, the other k − 1 coordinates of the block whose
// first is a, td[c][a], such that two coordinates on different sides lie in one block and each class meets
// every side once. Empty when this code has none.
using Transversals = std::vector<std::vector<std::vector<int>>>;
Transversals resolvable_transversal_design(int k, int w);

// Class c of the TD over the block {x₀, …, x_{k−1}}: its w blocks {(x₀, a), (x₁, td[c][a][0]), …}, points
// (x, a) numbered x·w + a, added to the round.
void inflate(const std::vector<int>& block, const Transversals& td, int c,
             std::vector<std::vector<int>>& round);

// Each round of the outer design and each class of the TD gives the round of the inflated blocks; each round
// of the inner design gives the round of its blocks inside every x × {0..w−1}. Empty when no RTD(k, w).
Rounds product_design(const Rounds& outer, int u, const Rounds& inner, int w, int k);

// The same with the outer design's first round left out, its tables becoming groups of k·w points each
// holding the inner design (on k·w points): the outer design less a round is a resolvable group divisible
// design with groups of k, which the TD inflates to groups of k·w. For tables of 3, NKTS(3uw) from a KTS(u),
// a resolvable TD(3, w) and an NKTS(3w): NKTS(294) from KTS(21), TD(3, 14) and NKTS(42).
Rounds grouped_product_design(const Rounds& outer, const Rounds& inner, int w, int k);

}  // namespace ensemble::matching
