#include "matching/cyclotomic.hpp"

#include <algorithm>

#include "matching/finite_field.hpp"

namespace ensemble::matching {
namespace {

// Picks exponents i in [0, m) whose sets {i + s : s in shifts} (mod m) partition Z_m (an exact cover).
bool cover(int m, const std::vector<int>& shifts, std::vector<char>& covered, std::vector<int>& chosen) {
    const auto first = std::find(covered.begin(), covered.end(), 0);
    if (first == covered.end()) return true;
    const int c = static_cast<int>(first - covered.begin());
    for (int s : shifts) {
        const int i = ((c - s) % m + m) % m;
        if (std::any_of(shifts.begin(), shifts.end(), [&](int e) { return covered[(i + e) % m]; })) continue;
        for (int e : shifts) covered[(i + e) % m] = 1;
        chosen.push_back(i);
        if (cover(m, shifts, covered, chosen)) return true;
        for (int e : shifts) covered[(i + e) % m] = 0;
        chosen.pop_back();
    }
    return false;
}

}  // namespace

// Ray-Chaudhuri and Wilson's KTS(3q) (1971, Theorem 5; Stinson 1991, Construction 1.2), for any odd k.
// Points GF(q) × {0..k−1} (numbered c·q + x), a primitive, n = q − 1, μ_k = ⟨a^(n/k)⟩ the k-th roots of
// unity, ε = a^(n/k); A_i = {(a^i·ε^c, c) : c < k}. The base round holds {(0, c) : c < k}, the
// cosets a^i·μ_k in every copy for i in a set I, and the A_i whose points those cosets leave; each other
// A_i gives a round by its shifts. The A_i meet every pair of different copies once (a^i·(ε^c′ − ε^c) runs
// over GF(q)* with i). A coset a^i·μ_k meets the differences a^i·μ_2k·(ε^d − 1), d = 1..(k − 1)/2, so
// each copy meets every difference once when the classes i + log(ε^d − 1) modulo n/2k partition
// Z_(n/2k): I is that exact cover (for k = 3 any n/6 consecutive i; for larger k it may not exist).
Rounds cyclotomic_design(int v, int k) {
    if (k < 3 || k % 2 == 0 || v % k) return {};
    const int q = v / k;
    int e = 0;
    const int p = q > 1 ? prime_power_base(q, e) : 0;
    if (p == 0 || (q - 1) % (k * (k - 1))) return {};
    FiniteField field(p, e);
    const int n = q - 1, step = n / k, classes = n / (2 * k);
    std::vector<int> shifts;  // log(ε^d − 1) modulo n/2k, ε = a^step
    for (int d = 1; d <= (k - 1) / 2; ++d)
        shifts.push_back(field.log(field.add(field.exp(d * step), field.negate(1))) % classes);
    std::vector<int> distinct = shifts;
    std::sort(distinct.begin(), distinct.end());
    std::vector<char> covered(classes, 0);
    std::vector<int> chosen;
    if (std::adjacent_find(distinct.begin(), distinct.end()) != distinct.end() ||
        !cover(classes, shifts, covered, chosen))
        return {};
    std::sort(chosen.begin(), chosen.end());
    std::vector<char> in_coset(step, 0);  // i mod step in I: a^i lies in a chosen coset
    for (int i : chosen) in_coset[i] = 1;
    std::vector<std::vector<int>> base(1), single;
    for (int c = 0; c < k; ++c) base[0].push_back(c * q);
    for (int c = 0; c < k; ++c)
        for (int i : chosen) {
            base.emplace_back();
            for (int j = 0; j < k; ++j) base.back().push_back(c * q + field.exp(i + j * step));
        }
    for (int i = 0; i < n; ++i) {
        std::vector<int> block;
        for (int c = 0; c < k; ++c) block.push_back(c * q + field.exp(i + c * step));
        (in_coset[i % step] ? single : base).push_back(block);
    }
    return field_shifts(field, k, base, single);
}

}  // namespace ensemble::matching
