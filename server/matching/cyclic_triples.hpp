#pragma once
// Resolvable triple systems with a cyclic automorphism, found by a small search: the points are
// Z_q × {copies} plus up to two fixed points, and one "base" round, shifted by every g in Z_q, gives q
// rounds. The search only has to cover each orbit of pairs under Z_q once, which is small enough to
// backtrack over (about q blocks instead of the whole design).

#include <cstdint>
#include <vector>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The shapes searched (v the number of points):
//  - kts_two_copies:   KTS(v), Z_q × 2 ∪ {∞}, q = (v − 1)/2 odd (Ray-Chaudhuri and Wilson's shape).
//  - kts_three_copies: KTS(v), Z_q × 3, q = v/3 (odd), with the base round holding {(0,0),(0,1),(0,2)} and
//                      (q − 1)/2 more rounds, each the orbit of one block across the three copies.
//  - nkts_two_copies:  NKTS(v), Z_q × 2 ∪ {∞₁, ∞₂}, q = v/2 − 1; the pairs never seated together are
//                      {∞₁, ∞₂} and {(x,0),(x,1)} (q odd) or {(x,c),(x+q/2,c)} (q even).
//  - nkts_three_copies: NKTS(v), Z_q × 3, q = v/3 (even); {(x,c),(x+q/2,c)} never meet, and q/2 − 1 more
//                      rounds are orbits of one block across the three copies.
//  - kts_one_rotational: KTS(v), Z_q ∪ {∞}, q = v − 1 (1-rotational, after Buratti): the base round holds
//                      {∞, 0, q/2} and each of its other blocks shifted by q/2 too, so its first q/2 shifts
//                      are the rounds. Found by annealing rather than backtracking (KTS(177)).
//  - nkts_one_rotational: NKTS(v), Z_q ∪ {∞₀, ∞₁}, q = v − 2, v a multiple of 24 (q/2 odd, which the
//                      parity of the differences needs): odd shifts swap ∞₀ and ∞₁, and the base round holds
//                      {∞₀, 0, b} and {∞₁, q/2, b + q/2}, each other block shifted by q/2 too; {∞₀, ∞₁} and
//                      {x, x + q/2} never meet. Annealed likewise (NKTS(192)).
enum class CyclicShape {
    kts_two_copies,
    kts_three_copies,
    nkts_two_copies,
    nkts_three_copies,
    kts_one_rotational,
    nkts_one_rotational
};

// What the search finds: the base round and the blocks whose shifts are a round each, points numbered
// c·q + x for (x, c) and copies·q + i for the fixed points.
struct CyclicBase {
    CyclicShape shape = CyclicShape::kts_two_copies;
    int v = 0;
    std::vector<int> base;     // triples, flat
    std::vector<int> singles;  // triples, flat
};

// Whether a shape is searched by annealing (the 1-rotational ones) rather than by backtracking.
bool annealed(CyclicShape shape);

// A base for a system on v points, or false when the shape does not fit v or the search ran out of its
// budget (in points scanned when backtracking; in moves for the 1-rotational shapes, which are annealed:
// about a second per 10⁹ points, per 10⁸ moves, on the build machine). Deterministic: the search's random
// order comes from fixed seeds, and its budget is work, not time.
bool find_cyclic_base(CyclicShape shape, int v, std::int64_t budget, CyclicBase& found);

// For the shapes whose base round alone makes the system (kts_two_copies, nkts_two_copies), the orbit of
// each pair of points, at a·v + b, or −1 where the pair never meets: a base round is a partition of the
// points into triples holding one pair of every orbit, which a SAT solver can look for
// (bench/kirkman_search.cpp). Empty for the other shapes, or when the shape does not fit v.
std::vector<int> pair_orbits(CyclicShape shape, int v);

// The rounds of the system a base gives (every shift of the base round, then one round per single block),
// or none when the base does not fit its shape.
Rounds develop(const CyclicBase& base);

}  // namespace ensemble::matching
