#pragma once
// Rounds of tables of k from a 1-rotational resolvable design: points Z_{v−1} ∪ {∞ = v − 1}; the base round
// is its own shift by q = (v − 1)/(k − 1) (so ∞ sits with 0, q, 2q, …), and its shifts by 0..q − 1 are the
// q rounds. The base rounds come from a SAT solver (`kirkman_search --rotational V K [multiplier]`,
// bench/kirkman_search.cpp) and are kept as data: 100, 172 and 280 people in tables of 4, where the
// cyclotomic construction needs a prime power (quadruples.hpp) and no smaller designs combine (designs.hpp).

#include <vector>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

struct RotationalBase {
    int v = 0, k = 0;
    std::vector<int> blocks;  // the base round, k points a table
};

const std::vector<RotationalBase>& stored_rotational_bases();

// The q shifts of the base round.
Rounds develop(const RotationalBase& base);

// The stored design for v people in tables of k, or none.
Rounds rotational_design(int v, int k);

}  // namespace ensemble::matching
