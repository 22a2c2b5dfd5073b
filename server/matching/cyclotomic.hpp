#pragma once
// Resolvable (kq, k, 1) designs for odd k and a prime power q ≡ 1 (mod k(k − 1)), by cyclotomy: KTS(3q)
// (tables of 3, q = 7, 13, 19, …), 205 in tables of 5 (q = 41). How: cyclotomic.cpp.

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The design on v = kq points 0..v−1, or none when v is not of that form or the cyclotomic condition fails.
Rounds cyclotomic_design(int v, int k);

}  // namespace ensemble::matching
