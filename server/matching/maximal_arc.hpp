#pragma once
// Rounds from Denniston's maximal arcs (Denniston, Some maximal arcs in finite projective planes, 1969): in
// the affine plane over GF(q), q = 2^h, the points (x, y) with x² + βxy + y² in an additive subgroup A of
// order n = 2^m ≤ q (t² + βt + 1 irreducible) are nq − q + n points that every line meets in 0 or n. So the
// lines of one direction that meet them cut them into tables of n, one round per direction, and every pair
// meets once over the q + 1 directions: 120 people in tables of 8 (q = 16) and 232 (q = 32), besides the
// sizes of tables of 4 (28, 52, 100, 196) that other constructions give too.

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The design on v = nq − q + n points 0..v−1 in tables of k = n, both powers of 2 (2 ≤ n ≤ q), or none.
Rounds maximal_arc_design(int v, int k);

}  // namespace ensemble::matching
