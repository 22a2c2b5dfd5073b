#include "matching/quadruples.hpp"

#include "matching/finite_field.hpp"

namespace ensemble::matching {
namespace {

// Points (x, c) = c·q + x of GF(q) × {0, 1, 2}, and ∞ = 3q. With ω primitive, C₀ the squares (−1 is one,
// as q ≡ 1 mod 4) and S = {ω^(2i) : i < (q − 1)/4}, so that S ∪ −S = C₀: the base round holds
// {∞, (0,0), (0,1), (0,2)} and, for x in S and each copy c, {(x, c), (−x, c), (αx, c + 1), (−αx, c + 1)},
// with α a non-square such that α − 1 and α + 1 are one a square and the other not. Each copy then holds
// C₀ and αC₀ (every non-zero element once); the pure differences ±2x and ±2αx make every non-zero element
// once in each copy; the mixed ones ±(α − 1)x and ±(α + 1)x make (α − 1)C₀ ∪ (α + 1)C₀, every non-zero
// element once, and {∞, …} the zero: the q shifts of the base round meet every pair once.
Rounds build(int v) {
    if (v < 16 || (v - 1) % 3 != 0) return {};
    const int q = (v - 1) / 3;
    int m = 0;
    const int p = prime_power_base(q, m);
    if (p == 0 || q % 4 != 1) return {};
    FiniteField field(p, m);
    auto square = [&](int x) { return field.log(x) % 2 == 0; };
    int alpha = -1;
    for (int e = 1; e < q - 1 && alpha < 0; e += 2) {
        const int a = field.exp(e);
        const int below = field.add(a, field.negate(1)), above = field.add(a, 1);
        if (below != 0 && above != 0 && square(below) != square(above)) alpha = a;
    }
    if (alpha < 0) return {};
    std::vector<std::vector<int>> base{{3 * q, 0, q, 2 * q}};
    for (int i = 0; i < (q - 1) / 4; ++i) {
        const int x = field.exp(2 * i), ax = field.multiply(alpha, x);
        for (int c = 0; c < 3; ++c) {
            const int next = (c + 1) % 3;
            base.push_back({c * q + x, c * q + field.negate(x), next * q + ax, next * q + field.negate(ax)});
        }
    }
    return field_shifts(field, 3, base, {});
}

}  // namespace

const Rounds& quadruple_system(int v) {
    return kept_design(v, 4, [](int n) { return build(n); });
}

}  // namespace ensemble::matching
