#pragma once
// What the constructed designs share: rounds of blocks, the shifts of a base round by a field's additive
// group, the check that a design never seats a pair twice, and the relabelling by seed.

#include <cstdint>
#include <vector>

namespace ensemble::matching {

class FiniteField;

using Rounds = std::vector<std::vector<std::vector<int>>>;  // [round][table] -> point

// The shifts of one base round by every element of GF(q), one round each (points (x, c) numbered c·q + x,
// the points from copies·q on fixed), then the shifts of each single block, one round each.
Rounds field_shifts(const FiniteField& field, int copies, const std::vector<std::vector<int>>& base,
                    const std::vector<std::vector<int>>& single_blocks);

// Every round a partition of 0..v−1 into blocks of k, and no pair in two blocks.
bool is_resolvable_design(int v, int k, const Rounds& rounds);

// Up to `rounds` rounds of a design on 0..v−1, its points relabelled by a permutation drawn from seed.
Rounds relabelled(const Rounds& design, int rounds, std::uint64_t seed);

}  // namespace ensemble::matching
