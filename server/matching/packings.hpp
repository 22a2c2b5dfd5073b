#pragma once
// Rounds of tables of q + 1 from a packing of PG(3, q) (projective.hpp): each round a spread, lines that
// partition the q³ + q² + q + 1 points, and every line in one round, so no pair meets twice: 85 people in
// tables of 5 (q = 4) and 156 in tables of 6 (q = 5) up to their round limits. The rounds are the images of
// a few base spreads by the powers of σ; the base spreads come from a SAT solver (`kirkman_search
// --packing Q POWER`, bench/kirkman_search.cpp) and are kept below as data.

#include <vector>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

struct BaseSpreads {
    int q = 0, power = 0;    // PG(3, q) and σ, as ProjectiveSpace::sigma(power)
    std::vector<int> lines;  // each base line as its two first points, the base spreads one after another
};

const std::vector<BaseSpreads>& stored_packings();

// Every image σ^i(S) of every base spread S, one round each, until σ^i is the identity.
Rounds develop(const BaseSpreads& base);

// The stored packing's rounds for v people in tables of k, or none.
Rounds packing_design(int v, int k);

}  // namespace ensemble::matching
