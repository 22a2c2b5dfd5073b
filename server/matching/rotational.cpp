#include "matching/rotational.hpp"

namespace ensemble::matching {

const std::vector<RotationalBase>& stored_rotational_bases() {
    // clang-format off
    static const std::vector<RotationalBase> bases = {
        {100, 4, {0,33,66,99,1,36,41,48,2,16,62,91,3,8,15,67,4,77,83,92,5,18,56,87,6,10,42,86,7,57,78,79,9,53,72,76,11,17,26,37,12,13,40,90,14,30,32,88,19,27,61,64,20,39,43,75,21,38,51,89,22,47,63,65,23,54,71,84,24,45,46,73,25,35,49,95,28,31,85,93,29,58,68,82,34,69,74,81,44,50,59,70,52,60,94,97,55,80,96,98}},
        {172, 4, {0,57,114,171,1,2,79,86,3,13,84,158,4,9,111,151,5,56,129,157,6,36,85,88,7,32,40,128,8,51,74,112,10,12,147,161,11,20,38,83,14,64,89,97,15,43,62,113,16,48,92,107,17,55,122,165,18,80,135,148,19,30,153,159,21,34,75,137,22,29,115,116,23,78,91,132,24,139,156,160,25,42,46,81,26,125,134,152,27,101,117,127,28,31,120,150,33,47,67,69,35,50,130,162,37,61,66,168,39,45,76,87,41,53,106,166,44,60,70,141,49,109,155,167,52,98,110,163,54,94,118,123,58,59,136,143,63,93,142,145,65,108,131,169,68,77,95,140,71,121,146,154,72,100,119,170,73,105,149,164,82,99,103,138,90,104,124,126,96,102,133,144}},
    };
    // clang-format on
    return bases;
}

Rounds develop(const RotationalBase& base) {
    const int n = base.v - 1, q = n / (base.k - 1);
    Rounds rounds(q);
    for (int g = 0; g < q; ++g)
        for (std::size_t i = 0; i < base.blocks.size(); i += base.k) {
            rounds[g].emplace_back();
            for (int j = 0; j < base.k; ++j) {
                const int p = base.blocks[i + j];
                rounds[g].back().push_back(p == n ? n : (p + g) % n);
            }
        }
    return rounds;
}

Rounds rotational_design(int v, int k) {
    for (const auto& base : stored_rotational_bases())
        if (base.v == v && base.k == k) return develop(base);
    return {};
}

}  // namespace ensemble::matching
