#include "matching/affine_seed.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include "matching/finite_field.hpp"

namespace ensemble::matching {
namespace {

// A complete spread when d divides m: GF(p^m) is a vector space over its subfield GF(p^d), whose
// one-dimensional subspaces x·GF(p^d) meet only at 0 and number (p^m − 1)/(p^d − 1), the round limit.
std::vector<std::vector<int>> field_spread(const FiniteField& field, int subfield_size) {
    std::vector<int> subfield;
    for (int x = 0; x < field.size(); ++x)
        if (field.power(x, subfield_size) == x) subfield.push_back(x);
    std::vector<char> used(field.size(), 0);
    std::vector<std::vector<int>> spread;
    for (int x = 1; x < field.size(); ++x) {
        if (used[x]) continue;
        std::vector<int> line;
        for (int c : subfield) line.push_back(field.multiply(x, c));
        for (int v : line) used[v] = 1;
        std::sort(line.begin(), line.end());
        spread.push_back(std::move(line));
    }
    return spread;
}

// The span of some vectors of GF(p)^m, or empty when they are dependent.
std::vector<int> span(const FiniteField& field, const std::vector<int>& basis, int expected) {
    std::vector<int> points{0};
    for (int v : basis) {
        std::vector<int> next;
        for (int c = 0; c < field.prime(); ++c)
            for (int point : points) next.push_back(field.add(point, field.multiply(v, c)));
        std::sort(next.begin(), next.end());
        next.erase(std::unique(next.begin(), next.end()), next.end());
        points = std::move(next);
    }
    if (static_cast<int>(points.size()) != expected) return {};
    return points;
}

// When d does not divide m no spread exists (32 people, tables of 4): random greedy partial spreads,
// from a fixed seed so that the start never depends on the caller's luck.
std::vector<std::vector<int>> partial_spread(const FiniteField& field, int table_size, int d, int rounds) {
    const int n = field.size();
    std::mt19937_64 rng(0x5EED);
    std::vector<std::vector<int>> best;
    for (int attempt = 0; attempt < 2000 && static_cast<int>(best.size()) < rounds; ++attempt) {
        std::vector<char> used(n, 0);
        std::vector<std::vector<int>> chosen;
        for (int tries = 0; tries < 40 * rounds && static_cast<int>(chosen.size()) < rounds; ++tries) {
            std::vector<int> basis(d);
            for (int& v : basis) v = 1 + static_cast<int>(rng() % (n - 1));
            auto subspace = span(field, basis, table_size);
            if (subspace.empty()) continue;
            if (std::any_of(subspace.begin() + 1, subspace.end(), [&](int v) { return used[v]; })) continue;
            for (int v : subspace) used[v] = 1;
            chosen.push_back(std::move(subspace));
        }
        if (chosen.size() > best.size()) best = std::move(chosen);
    }
    return best;
}

}  // namespace

std::vector<std::vector<std::vector<int>>> affine_rounds(int n, int table_size, int rounds,
                                                         std::uint64_t seed) {
    int m = 0, d = 0;
    int p = prime_power_base(n, m);
    if (p == 0 || table_size < 2 || prime_power_base(table_size, d) != p || d >= m || rounds <= 0) return {};
    FiniteField field(p, m);
    auto spread = m % d == 0 ? field_spread(field, table_size) : partial_spread(field, table_size, d, rounds);
    if (static_cast<int>(spread.size()) > rounds) spread.resize(rounds);

    // Each round is the cosets y + S of one subspace S; the seed only relabels people.
    std::vector<int> label(n);
    std::iota(label.begin(), label.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(label.begin(), label.end(), rng);
    std::vector<std::vector<std::vector<int>>> out;
    for (const auto& subspace : spread) {
        std::vector<char> seated(n, 0);
        std::vector<std::vector<int>> tables;
        for (int x = 0; x < n; ++x) {
            if (seated[x]) continue;
            tables.emplace_back();
            for (int v : subspace) {
                int y = field.add(x, v);
                seated[y] = 1;
                tables.back().push_back(label[y]);
            }
        }
        out.push_back(std::move(tables));
    }
    return out;
}

}  // namespace ensemble::matching
