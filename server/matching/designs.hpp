#pragma once
// One entry point to the rounds that never seat a pair twice, up to the round limit (v − 1)/(k − 1):
// finite geometry (affine_seed.hpp), Kirkman and nearly Kirkman triple systems for tables of 3
// (kirkman.hpp), the cyclotomic designs for tables of 4 (quadruples.hpp) and of any odd size
// (cyclotomic.hpp), packings of projective space (packings.hpp), stored shifted base rounds (rotational.hpp),
// stored cyclic frames filled with affine planes (cyclic_frame.hpp), Hermitian unitals (unital.hpp), maximal
// arcs (maximal_arc.hpp) and, for any table size, products
// (transversal.hpp) and inflations (inflation.hpp) of smaller designs.
// Which construction covers which size: bench/MATCHER.md.

#include <cstdint>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The whole design on v points 0..v−1 in tables of k, or none when no construction here fits. Kept once
// built.
const Rounds& resolvable_design(int v, int k);

// A design is built whole, every round up to the limit, and kept: past this many seats (n times the round
// limit; 4,999 rounds of 9,999 people took 4.4 s and 1.4 GB) it is not built, as the few rounds an event
// asks of so many people reach zero repeats by search alone.
constexpr std::int64_t most_design_seats = 4'000'000;

// Up to `rounds` rounds for people 0..n−1 in tables of k, relabelled by seed, or none: as many rounds as a
// partial spread of finite geometry gives (affine_seed.hpp), or else the design up to most_design_seats.
Rounds design_rounds(int n, int k, int rounds, std::uint64_t seed);

}  // namespace ensemble::matching
