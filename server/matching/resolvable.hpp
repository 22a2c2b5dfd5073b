#pragma once
// What the constructed designs share: rounds of blocks, the shifts of a base round by a field's additive
// group, the check that a design never seats a pair twice, and the relabelling by seed.

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
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

// The design build(v) gives, kept per v and k once checked (none when it fails the check): built outside
// the lock, as a construction may ask for smaller designs first. One cache per `Build` type (a lambda).
template <class Build>
const Rounds& kept_design(int v, int k, Build build) {
    static std::mutex mutex;
    static std::map<std::pair<int, int>, Rounds> built;
    {
        std::lock_guard lock(mutex);
        if (auto it = built.find({v, k}); it != built.end()) return it->second;
    }
    Rounds rounds = build(v);
    if (!is_resolvable_design(v, k, rounds)) rounds.clear();
    std::lock_guard lock(mutex);
    return built.emplace(std::pair{v, k}, std::move(rounds)).first->second;
}

}  // namespace ensemble::matching
