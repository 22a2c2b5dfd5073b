#pragma once
// Rounds of tables of 3 in which no pair ever meets twice, up to the round limit: Kirkman triple systems
// KTS(v) ((v − 1)/2 rounds, v ≡ 3 mod 6) and nearly Kirkman triple systems NKTS(v) (v/2 − 1 rounds,
// v ≡ 0 mod 6, v ≥ 18), from constructions of design theory and, for the orders those miss, systems found
// offline by a search over cyclic designs (cyclic_triples.hpp, kirkman_data.hpp) and kept as data. Which
// construction covers which v: kirkman.cpp and bench/MATCHER.md.

#include <vector>

#include "matching/cyclic_triples.hpp"

namespace ensemble::matching {

// The whole system on v points 0..v−1, or none when this code has no construction for v (or none exists).
// Built once per v and kept.
const Rounds& triple_system(int v);

// The systems built by constructions alone (kirkman.cpp), without the stored ones (kirkman_data.hpp).
Rounds constructed_triple_system(int v);

// Every round a partition of 0..v−1 into triples and no pair in two triples (the checker of the tests,
// also run on each system before it is kept).
bool is_resolvable_triple_system(int v, const Rounds& rounds);

}  // namespace ensemble::matching
