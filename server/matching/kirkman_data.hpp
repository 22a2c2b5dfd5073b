#pragma once
// Triple systems found offline, kept as data: server/matching/kirkman_data.cpp is written by
// `build/release/kirkman_search > server/matching/kirkman_data.cpp` (bench/kirkman_search.cpp), and the
// unit tests check that every one is a resolvable system reaching the round limit.

#include <vector>

#include "matching/cyclic_triples.hpp"

namespace ensemble::matching {

// Bases of cyclic systems, for the orders no construction of kirkman.cpp covers.
const std::vector<CyclicBase>& stored_cyclic_bases();

// Whole systems with no cyclic base found (NKTS(18)): v, then the triples round after round, flat.
struct StoredSystem {
    int v = 0;
    std::vector<int> triples;
};
const std::vector<StoredSystem>& stored_systems();

}  // namespace ensemble::matching
