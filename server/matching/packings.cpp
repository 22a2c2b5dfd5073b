#include "matching/packings.hpp"

#include <algorithm>

#include "matching/projective.hpp"

namespace ensemble::matching {

const std::vector<BaseSpreads>& stored_packings() {
    // clang-format off
    static const std::vector<BaseSpreads> packings = {
        {4, 9, {0,13,1,56,2,69,3,39,4,23,5,35,6,28,7,31,8,21,9,25,10,29,11,22,12,34,17,30,18,27,19,36,20,24,0,57,1,23,2,37,3,70,4,7,5,32,6,33,8,22,9,26,11,29,12,21,13,25,14,36,15,24,18,30,19,34,20,28,0,9,1,40,2,70,3,23,4,56,5,27,6,21,7,29,8,35,13,33,14,28,15,31,16,24,17,26,18,22,19,32,20,34}},
        {5, 4, {0,76,1,108,2,34,3,135,4,85,5,6,7,48,8,44,9,36,10,33,11,54,12,32,13,38,14,42,16,50,17,51,18,35,20,39,21,31,22,49,24,45,25,55,26,52,28,46,29,43,30,37}},
    };
    // clang-format on
    return packings;
}

Rounds develop(const BaseSpreads& base) {
    const ProjectiveSpace space(base.q);
    const std::vector<int> sigma = space.sigma(base.power);
    std::vector<int> power = sigma;  // σ^order = identity
    int order = 1;
    for (; std::any_of(power.begin(), power.end(), [&, p = 0](int image) mutable { return image != p++; });
         ++order)
        for (int& image : power) image = sigma[image];
    const std::size_t spread = 2 * (base.q * base.q + 1);  // the two ends of each of its lines
    Rounds rounds;
    for (std::size_t first = 0; first + spread <= base.lines.size(); first += spread) {
        std::vector<int> ends(base.lines.begin() + first, base.lines.begin() + first + spread);
        for (int i = 0; i < order; ++i) {
            rounds.emplace_back();
            for (std::size_t j = 0; j < ends.size(); j += 2)
                rounds.back().push_back(space.line(ends[j], ends[j + 1]));
            for (int& p : ends) p = sigma[p];
        }
    }
    return rounds;
}

Rounds packing_design(int v, int k) {
    const int q = k - 1;
    for (const auto& base : stored_packings())
        if (base.q == q && v == ((q + 1) * q + 1) * q + 1) return develop(base);
    return {};
}

}  // namespace ensemble::matching
