#pragma once
// Rounds from the Hermitian unital: the q³ + 1 points x of the projective plane over GF(q²) with
// x₀^(q+1) + x₁^(q+1) + x₂^(q+1) = 0, where every line meets it in 1 or q + 1 points, those q + 1 a table.
// For a point a of it and each point P ≠ a of its tangent line, one round: the lines through P that cut
// the unital in q + 1 points, and the q + 1 points where the other lines through P touch it (P's polar
// line, through a). The q² rounds meet every pair once: 65 people in tables of 5 (q = 4), 126 in tables
// of 6 (q = 5), 344 in tables of 8 (q = 7), besides 9 and 28 that other constructions give too.

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The design on v = q³ + 1 points 0..v−1 in tables of k = q + 1 for a prime power q, or none.
Rounds unital_design(int v, int k);

}  // namespace ensemble::matching
