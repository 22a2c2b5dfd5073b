#include "matching/cyclic_frame.hpp"

#include <algorithm>

#include "matching/designs.hpp"

namespace ensemble::matching {

const std::vector<FrameBase>& stored_frame_bases() {
    // `build/release/kirkman_search --frame 232 4 121`: 31.3 s (x ↦ 121x is of order 3 on Z_228); `… --frame
    // 265 5 61`: 606.6 s (x ↦ 61x is of order 3 on Z_260), with two other runs on the machine's two cores.
    // clang-format off
    static const std::vector<FrameBase> bases = {
        {232, 4, {1,32,168,196,2,37,157,164,3,50,182,216,4,36,121,224,5,12,78,113,6,60,99,205,7,21,101,219,8,14,73,145,9,91,191,193,10,27,150,195,11,109,127,213,13,63,66,204,15,115,117,161,16,44,77,108,17,65,132,174,18,102,172,223,20,71,94,178,22,93,141,208,23,129,158,212,24,28,49,200,25,143,159,173,26,96,147,170,29,40,118,199,30,64,79,126,31,55,110,130,33,51,137,163,34,54,183,207,35,62,222,227,39,41,85,167,42,123,181,192,43,86,103,226,45,148,156,188,46,58,59,68,47,105,116,194,48,100,104,125,52,89,139,142,53,82,136,175,56,98,169,217,61,87,185,203,67,83,97,177,69,160,166,225,70,75,111,138,72,80,112,197,74,119,162,179,81,88,154,189,84,90,149,221,92,120,153,184,106,140,155,202,107,131,186,206,122,134,135,144,124,176,180,201,128,165,215,218,146,151,187,214,198,210,211,220}},
        {265, 5, {1,17,136,150,217,2,44,90,102,159,3,58,124,153,246,4,100,110,141,228,5,176,203,235,259,6,20,87,131,147,7,75,204,227,249,8,40,64,70,241,9,32,54,72,140,10,139,162,184,202,11,98,134,230,240,12,16,31,92,125,14,19,57,177,225,15,49,86,185,193,18,164,166,173,243,21,120,128,210,244,22,66,82,201,215,23,116,133,188,254,24,158,183,186,233,25,37,94,197,239,27,60,207,211,226,28,53,56,103,154,29,132,174,220,232,30,79,84,122,242,33,69,165,175,206,34,36,43,113,148,35,45,76,163,199,38,89,223,248,251,41,42,62,115,126,46,73,105,129,135,47,95,144,149,187,48,83,229,231,238,50,61,236,237,257,51,68,123,189,218,55,63,145,179,216,59,88,181,198,253,67,109,155,167,224,71,85,152,196,212,74,97,119,137,205,77,81,96,157,190,80,114,151,250,258,93,118,121,168,219,99,101,108,178,213,106,107,127,180,191,111,138,170,194,200,112,160,209,214,252,142,146,161,222,255,171,172,192,245,256}},
    };
    // clang-format on
    return bases;
}

Rounds develop(const FrameBase& base) {
    const int k = base.k, n = base.v - k;
    if (k < 2 || n <= 0 || n % (k * (k - 1))) return {};
    const int u = n / (k * (k - 1)), t = k * u;
    const Rounds& plane = resolvable_design(k * k, k);  // AG(2, k): k + 1 classes of k lines
    if (static_cast<int>(plane.size()) != k + 1) return {};
    // The plane's first line becomes W (points n..n + k − 1); its other points, in order, a hole's places.
    const std::vector<int>& w = plane.front().front();
    std::vector<int> place(k * k);
    for (int p = 0, next = 0; p < k * k; ++p) {
        const auto in_w = std::find(w.begin(), w.end(), p);
        place[p] = in_w != w.end() ? n + static_cast<int>(in_w - w.begin()) : -1 - next++;
    }
    auto in_hole = [&](int p, int hole) { return place[p] >= 0 ? place[p] : hole + u * (-1 - place[p]); };
    auto add_lines = [&](const std::vector<std::vector<int>>& lines, int hole,
                         std::vector<std::vector<int>>& round) {
        for (const auto& line : lines) {
            if (&line == &w) continue;
            round.emplace_back();
            for (int p : line) round.back().push_back(in_hole(p, hole));
        }
    };
    Rounds rounds(t + 1);
    for (int s = 0; s < t; ++s) {  // shift s leaves out the hole s mod u
        for (std::size_t i = 0; i < base.blocks.size(); i += k) {
            rounds[s].emplace_back();
            for (int j = 0; j < k; ++j) rounds[s].back().push_back((base.blocks[i + j] + s) % n);
        }
        add_lines(plane[1 + s / u], s % u, rounds[s]);
    }
    rounds[t].push_back(w);
    for (int& p : rounds[t].back()) p = place[p];
    for (int hole = 0; hole < u; ++hole) add_lines(plane.front(), hole, rounds[t]);
    return rounds;
}

Rounds frame_design(int v, int k) {
    for (const auto& base : stored_frame_bases())
        if (base.v == v && base.k == k) return develop(base);
    return {};
}

}  // namespace ensemble::matching
