#pragma once
// Resolvable (v, k, 1) designs built from smaller ones: a pairwise balanced design (PBD) on n points,
// every pair in exactly one block, whose block sizes m each have a resolvable ((k − 1)m + 1, k, 1) design,
// gives one on v = (k − 1)n + 1 points (Hanani, Ray-Chaudhuri and Wilson, "On resolvable designs", 1972;
// for triples, Beth, Jungnickel and Lenz, Design Theory, IX.6.4). The PBDs (pbd.hpp) are transversal
// designs with their groups as blocks and, for triples, PBDs with blocks of 4 and 7.

#include <functional>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

// The resolvable design this code builds for w points, tables of k (empty when none): the smaller designs.
using DesignOf = std::function<const Rounds&(int w)>;

// The design on v points, or none when no PBD here gives n = (v − 1)/(k − 1) with block sizes whose
// designs `design` has.
Rounds inflated_design(int v, int k, const DesignOf& design);

}  // namespace ensemble::matching
