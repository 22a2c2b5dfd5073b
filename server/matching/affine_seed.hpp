#pragma once
// Rounds from finite geometry: for n = p^m people (p prime) and tables of p^d, the cosets of
// d-dimensional subspaces of GF(p)^m that share only the origin never seat a pair twice.

#include <cstdint>
#include <vector>

namespace ensemble::matching {

// Up to `rounds` rounds of tables (people 0..n-1, relabelled by seed), or none when n and the table
// size are not such powers. Fewer rounds than asked when the subspaces run out.
std::vector<std::vector<std::vector<int>>> affine_rounds(int n, int table_size, int rounds,
                                                         std::uint64_t seed);

}  // namespace ensemble::matching
