#pragma once
// Rounds of tables of 4 in which no pair ever meets twice, up to the round limit (v − 1)/3: resolvable
// (v, 4, 1) designs for v = 3q + 1, q ≡ 1 (mod 4) a prime power (28, 40, 52, 76, 88, 112, 124, 148, 160,
// 184, …), by a cyclotomic construction (quadruples.cpp). Powers of 4 come from finite geometry instead
// (affine_seed.hpp), and other orders from smaller designs or stored ones (designs.hpp).

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The whole design on v points 0..v−1, or none when v is not of that form. Built once per v and kept.
const Rounds& quadruple_system(int v);

}  // namespace ensemble::matching
