#pragma once
// Pairwise balanced designs (PBDs): blocks of points 0..n−1, every pair in exactly one block. Inflation
// (inflation.hpp) turns one whose block sizes m each have a resolvable ((k − 1)m + 1, k, 1) design into a
// resolvable design on (k − 1)n + 1 points.

#include <vector>

namespace ensemble::matching {

using Blocks = std::vector<std::vector<int>>;

// A resolvable TD(g, q) (transversal.hpp) with its g groups as blocks too, each with the point g·q when
// `pointed`: a PBD on g·q (+ 1) points with blocks of g and q (+ 1). None when there is no such TD.
Blocks transversal_pbd(int g, int q, bool pointed);

// A PBD on n points with blocks of 4 and 7, for KTS(2n + 1) from KTS(9) and KTS(15). Beth, Jungnickel and
// Lenz (Design Theory, 1999, IX.4.5) prove one exists for every n ≡ 1 (mod 3) but 10, 19 and 31; here are
// the parts of their proof that reach the orders kirkman.cpp misses up to 300 — n = 106, 115 and 142 for
// KTS 213, 231 and 285 — and the smaller PBDs those need. None when these do not reach n.
Blocks pbd_four_seven(int n);

}  // namespace ensemble::matching
