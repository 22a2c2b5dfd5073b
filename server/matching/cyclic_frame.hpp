#pragma once
// Resolvable designs on v = k(k − 1)u + k points in tables of k from a cyclic frame. The points Z_n,
// n = k(k − 1)u, fall into u holes, the cosets of uZ_n (k(k − 1) points each); the frame's rounds are the t =
// ku shifts of a base round that seats everyone but the hole uZ_n, is its own shift by t, and never seats two
// people of one hole together, so each hole is left out by k rounds. k new points W fill the holes: each
// hole with W holds a copy of AG(2, k) in which W is a line, whose k other parallel classes complete the
// hole's k rounds, and one last round holds W and, in every hole, the other lines of W's class. (Filling
// the holes of a frame: Stinson, "Frames for Kirkman triple systems", 1987.) The base rounds come from a
// SAT solver (`kirkman_search --frame V K [multiplier]`, bench/kirkman_search.cpp) and are kept as data.

#include <vector>

#include "matching/resolvable.hpp"

namespace ensemble::matching {

struct FrameBase {
    int v = 0, k = 0;
    std::vector<int> blocks;  // the base round, k points a table
};

const std::vector<FrameBase>& stored_frame_bases();

// The frame's t rounds, filled, and the last round: the whole design. Empty when the base does not fit v and
// k or there is no AG(2, k).
Rounds develop(const FrameBase& base);

// The stored design for v people in tables of k, or none.
Rounds frame_design(int v, int k);

}  // namespace ensemble::matching
