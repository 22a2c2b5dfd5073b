#include "matching/maximal_arc.hpp"

#include <map>
#include <utility>

#include "matching/finite_field.hpp"

namespace ensemble::matching {

Rounds maximal_arc_design(int v, int k) {
    if (k < 2 || (k & (k - 1)) || (v - k) % (k - 1)) return {};
    const int q = (v - k) / (k - 1);
    int h = 0;
    if (q < k || prime_power_base(q, h) != 2) return {};
    const FiniteField field(2, h);
    auto quadratic = [&](int beta, int x, int y) {
        return field.add(field.add(field.multiply(x, x), field.multiply(beta, field.multiply(x, y))),
                         field.multiply(y, y));
    };
    auto irreducible = [&](int beta) {  // t² + βt + 1 has no root: the form is 0 only at (0, 0)
        for (int t = 0; t < q; ++t)
            if (quadratic(beta, t, 1) == 0) return false;
        return true;
    };
    int beta = 1;
    while (beta < q && !irreducible(beta)) ++beta;
    if (beta == q) return {};
    // A = {0, …, k − 1}: the elements whose base-2 digits lie in the m lowest places (k = 2^m), closed under
    // addition, a digit-wise sum modulo 2.
    std::vector<std::pair<int, int>> arc;
    for (int x = 0; x < q; ++x)
        for (int y = 0; y < q; ++y)
            if (quadratic(beta, x, y) < k) arc.push_back({x, y});
    if (static_cast<int>(arc.size()) != v) return {};
    Rounds rounds;
    for (int slope = 0; slope <= q; ++slope) {  // lines y = slope·x + c, and x = c for slope q
        std::map<int, std::vector<int>> by_line;
        for (int i = 0; i < v; ++i) {
            const auto [x, y] = arc[i];
            by_line[slope == q ? x : field.add(y, field.multiply(slope, x))].push_back(i);
        }
        auto& round = rounds.emplace_back();
        for (auto& [line, met] : by_line) round.push_back(std::move(met));
    }
    return rounds;
}

}  // namespace ensemble::matching
