#include "matching/transversal.hpp"

#include "matching/finite_field.hpp"

namespace ensemble::matching {
namespace {

// Resolvable TD(3, w) for w = 14 and 18 (twice an odd number: no field gives them, GF(2) being too small),
// from TD(4, w) by a quasi-difference matrix over Z_{w−1} ∪ {∞} (as in the constructions of orthogonal latin
// squares of the Handbook of Combinatorial Designs): w + 1 rows (a, b, s, c), row i < 4 with ∞ (−1 below) in
// column i and the others finite, such that in any two columns the differences of the rows finite in both
// make Z_{w−1} once. Their shifts by Z_{w−1} (∞ fixed) and (∞, ∞, ∞, ∞) are the blocks of TD(4, w); c names
// the class. Found by `build/release/quasi_difference_search 14 2` and `… 18 1` (annealing, 4.2 s and
// 4.6 s); the unit tests check both. TD(3, 14) fills NKTS(198)'s frame; TD(3, 18) makes NKTS(270) =
// KTS(15) × NKTS(18).
using QuasiDifferences = std::vector<int>;  // the rows one after another, 4 entries each

// clang-format off
const std::vector<QuasiDifferences> quasi_differences = {
    {-1,11,10,9,2,-1,6,12,0,5,-1,9,8,7,5,-1,12,10,7,5,2,10,11,6,5,11,6,3,7,4,6,6,7,10,0,7,9,10,3,4,12,12,4,0,7,1,10,1,4,0,4,6,8,12,6,11,4,6,6,9},  // w = 14
    {-1,7,16,16,9,-1,5,2,0,4,-1,5,0,1,5,-1,16,1,3,11,12,10,10,8,3,13,12,0,15,10,6,1,10,10,11,12,0,13,11,1,16,13,6,8,6,9,12,5,2,9,14,6,0,5,2,8,16,8,15,14,6,12,3,6,13,4,16,3,16,15,9,5,15,9,15,9},  // w = 18
};
// clang-format on

int order(const QuasiDifferences& matrix) { return static_cast<int>(matrix.size()) / 4 - 1; }  // w + 1 rows

Transversals developed(const QuasiDifferences& matrix) {
    const int w = order(matrix), infinity = w - 1;  // Z_{w−1} and ∞
    auto entry = [&](int r, int c) { return matrix[4 * r + c] < 0 ? infinity : matrix[4 * r + c]; };
    auto shift = [&](int x, int k) { return x == infinity ? x : (x + k) % infinity; };
    Transversals td(w, std::vector<std::vector<int>>(w));
    td[infinity][infinity] = {infinity, infinity};
    for (int r = 0; r <= w; ++r)
        for (int k = 0; k < infinity; ++k)
            td[shift(entry(r, 3), k)][shift(entry(r, 0), k)] = {shift(entry(r, 1), k), shift(entry(r, 2), k)};
    return td;
}

}  // namespace

// Over the product of the fields GF(q_i) of w's prime powers (MacNeish), each with q_i ≥ k: the block of
// class c with first coordinate a has coordinate a + c·e_j on side j, e_j = (j, j, …) read in each field
// (distinct non-zero elements, so two sides' equations have one solution). For 14 and 18 and tables of 3,
// the quasi-difference matrices above; none for the other w with a prime power below k.
Transversals resolvable_transversal_design(int k, int w) {
    for (const auto& matrix : quasi_differences)
        if (k == 3 && order(matrix) == w) return developed(matrix);
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

namespace {

// The outer rounds from `first` on, each inflated by every class of the TD, then each round of the inner
// design inside every group: inner point i is copy i % w of the group's (i / w)-th point.
Rounds product(const Rounds& outer, std::size_t first, const std::vector<std::vector<int>>& groups,
               const Rounds& inner, int w, int k) {
    Transversals td = resolvable_transversal_design(k, w);
    if (td.empty()) return {};
    Rounds rounds;
    for (std::size_t r = first; r < outer.size(); ++r)
        for (int c = 0; c < w; ++c) {
            rounds.emplace_back();
            for (const auto& block : outer[r]) inflate(block, td, c, rounds.back());
        }
    for (const auto& round : inner) {
        rounds.emplace_back();
        for (const auto& group : groups)
            for (const auto& block : round) {
                rounds.back().emplace_back();
                for (int p : block) rounds.back().back().push_back(group[p / w] * w + p % w);
            }
    }
    return rounds;
}

}  // namespace

Rounds product_design(const Rounds& outer, int u, const Rounds& inner, int w, int k) {
    std::vector<std::vector<int>> points(u);
    for (int x = 0; x < u; ++x) points[x] = {x};
    return product(outer, 0, points, inner, w, k);
}

Rounds grouped_product_design(const Rounds& outer, const Rounds& inner, int w, int k) {
    if (outer.empty()) return {};
    return product(outer, 1, outer.front(), inner, w, k);
}

}  // namespace ensemble::matching
