#include "matching/rotational.hpp"

namespace ensemble::matching {

const std::vector<RotationalBase>& stored_rotational_bases() {
    // clang-format off
    static const std::vector<RotationalBase> bases = {
        {100, 4, {0,33,66,99,1,36,41,48,2,16,62,91,3,8,15,67,4,77,83,92,5,18,56,87,6,10,42,86,7,57,78,79,9,53,72,76,11,17,26,37,12,13,40,90,14,30,32,88,19,27,61,64,20,39,43,75,21,38,51,89,22,47,63,65,23,54,71,84,24,45,46,73,25,35,49,95,28,31,85,93,29,58,68,82,34,69,74,81,44,50,59,70,52,60,94,97,55,80,96,98}},
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
