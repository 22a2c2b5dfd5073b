#pragma once
// Rounds of tables of k from a base round and its shifts, q = (v − 1)/(k − 1) rounds. The points but
// ∞ = v − 1 form `cycles` cycles of equal length, and round g shifts each by g:
// - one cycle, Z_{v−1}: a 1-rotational design, its base round its own shift by q (∞ sits with 0, q, 2q, …);
// - k − 1 cycles, one copy of Z_q each (point c·q + x): ∞ sits with the first point of every copy.
// The base rounds come from a SAT solver (`kirkman_search --rotational V K [multiplier]` and `--copies …`,
// bench/kirkman_search.cpp) and are kept as data: 100, 172 and 280 people in tables of 4, where the
// cyclotomic construction needs a prime power (quadruples.hpp) and no smaller designs combine (designs.hpp),
// and 165, 245 and 285 in tables of 5.

#include <vector>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

struct RotationalBase {
    int v = 0, k = 0;
    int cycles = 1;           // 1 or k − 1
    std::vector<int> blocks;  // the base round, k points a table
};

const std::vector<RotationalBase>& stored_rotational_bases();

// Point p of a design on v points in `cycles` cycles, shifted by g along its cycle (∞ = v − 1 stays).
int shifted(int v, int cycles, int p, int g);

// The q shifts of the base round.
Rounds develop(const RotationalBase& base);

// The stored design for v people in tables of k, or none.
Rounds rotational_design(int v, int k);

}  // namespace ensemble::matching
