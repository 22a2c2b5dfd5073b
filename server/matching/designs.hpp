#pragma once
// One entry point to the rounds that never seat a pair twice, up to the round limit (v − 1)/(k − 1):
// finite geometry (affine_seed.hpp), Kirkman and nearly Kirkman triple systems for tables of 3
// (kirkman.hpp), the cyclotomic designs for tables of 4 (quadruples.hpp) and of any odd size
// (cyclotomic.hpp), packings of projective space (packings.hpp), stored shifted base rounds (rotational.hpp),
// Hermitian unitals (unital.hpp), maximal arcs (maximal_arc.hpp) and, for any table size, products
// (transversal.hpp) and inflations (inflation.hpp) of smaller designs.
// Which construction covers which size: bench/MATCHER.md.

#include <cstdint>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The whole design on v points 0..v−1 in tables of k, or none when no construction here fits. Kept once
// built.
const Rounds& resolvable_design(int v, int k);

// Up to `rounds` rounds for people 0..n−1 in tables of k, relabelled by seed, or none: the design, or else
// as many rounds as a partial spread of finite geometry gives (affine_seed.hpp).
Rounds design_rounds(int n, int k, int rounds, std::uint64_t seed);

}  // namespace ensemble::matching
