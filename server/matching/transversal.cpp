#include "matching/transversal.hpp"

#include "matching/finite_field.hpp"

namespace ensemble::matching {
namespace {

// TD(4, 14), the rows (a, b, s, c) of the resolvable TD(3, 14): the rows below and their shifts by Z_13, ∞
// (13) fixed, with (∞, ∞, ∞, ∞). Row i < 4 has ∞ in column i, the others none, and in any two columns the
// differences of the rows finite in both make Z_13 once: a quasi-difference matrix (as in the
// constructions of orthogonal latin squares of the Handbook of Combinatorial Designs), found by annealing its
// 56 finite entries (seed 1, 1.6·10⁸ moves, 16 s); the unit tests check the design. It fills NKTS(198)'s
// frame (w = 14).
Transversals transversal_design_3_14() {
    constexpr int infinity = 13;
    static constexpr int rows[15][4] = {{infinity, 2, 9, 12}, {0, infinity, 6, 7}, {11, 10, infinity, 6},
                                        {3, 0, 8, infinity},  {8, 6, 5, 10},       {6, 9, 2, 12},
                                        {2, 4, 5, 5},         {6, 10, 6, 4},       {0, 6, 8, 12},
                                        {2, 7, 4, 6},         {9, 3, 8, 1},        {9, 10, 10, 5},
                                        {9, 5, 3, 10},        {5, 0, 3, 2},        {11, 11, 2, 11}};
    auto shift = [](int x, int k) { return x == infinity ? x : (x + k) % infinity; };
    Transversals td(14, std::vector<std::vector<int>>(14));
    td[infinity][infinity] = {infinity, infinity};
    for (const auto& r : rows)
        for (int k = 0; k < infinity; ++k)
            td[shift(r[3], k)][shift(r[0], k)] = {shift(r[1], k), shift(r[2], k)};
    return td;
}

}  // namespace

// Over the product of the fields GF(q_i) of w's prime powers (MacNeish), each with q_i ≥ k: the block of
// class c with first coordinate a has coordinate a + c·e_j on side j, e_j = (j, j, …) read in each field
// (distinct non-zero elements, so two sides' equations have one solution). For 14 and tables of 3, the
// quasi-difference matrix above; none for the other w with a prime power below k.
Transversals resolvable_transversal_design(int k, int w) {
    if (k == 3 && w == 14) return transversal_design_3_14();
    std::vector<FiniteField> fields;
    for (int rest = w, p = 2; rest > 1; ++p) {
        int q = 1, e = 0;
        for (; rest % p == 0; rest /= p) q *= p, ++e;
        if (e == 0) continue;
        if (q < k) return {};
        fields.emplace_back(p, e);
    }
    // Mixed radix: x ↔ its residues in each field, each field's own elements as numbers 0..q−1.
    auto plus_times = [&](int a, int c, int j) {
        int out = 0, place = 1;
        for (const auto& field : fields) {
            const int q = field.size();
            out += field.add(a % q, field.multiply(c % q, j)) * place;
            a /= q, c /= q, place *= q;
        }
        return out;
    };
    Transversals td(w, std::vector<std::vector<int>>(w));
    for (int c = 0; c < w; ++c)
        for (int a = 0; a < w; ++a)
            for (int j = 1; j < k; ++j) td[c][a].push_back(plus_times(a, c, j));
    return td;
}

void inflate(const std::vector<int>& block, const Transversals& td, int c,
             std::vector<std::vector<int>>& round) {
    const int w = static_cast<int>(td.size());
    for (int a = 0; a < w; ++a) {
        round.push_back({block[0] * w + a});
        for (std::size_t j = 1; j < block.size(); ++j) round.back().push_back(block[j] * w + td[c][a][j - 1]);
    }
}

Rounds product_design(const Rounds& outer, int u, const Rounds& inner, int w, int k) {
    Transversals td = resolvable_transversal_design(k, w);
    if (td.empty()) return {};
    Rounds rounds;
    for (const auto& round : outer)
        for (int c = 0; c < w; ++c) {
            rounds.emplace_back();
            for (const auto& block : round) inflate(block, td, c, rounds.back());
        }
    for (const auto& round : inner) {
        rounds.emplace_back();
        for (int x = 0; x < u; ++x)
            for (const auto& block : round) {
                rounds.back().emplace_back();
                for (int p : block) rounds.back().back().push_back(x * w + p);
            }
    }
    return rounds;
}

}  // namespace ensemble::matching
