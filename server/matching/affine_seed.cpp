#include "matching/affine_seed.hpp"

#include <algorithm>
#include <numeric>
#include <random>

namespace ensemble::matching {
namespace {

// Vectors of GF(p)^m are stored as base-p integers.
struct Space {
    int p = 0, m = 0, size = 1;
    int add(int a, int b) const {
        int sum = 0;
        for (int place = 1, i = 0; i < m; ++i, place *= p)
            sum += ((a / place % p + b / place % p) % p) * place;
        return sum;
    }
    int scale(int a, int c) const {
        int out = 0;
        for (int place = 1, i = 0; i < m; ++i, place *= p) out += (a / place % p * c % p) * place;
        return out;
    }
};

// n == p^exponent for a prime p; returns p or 0.
int prime_base(int n, int& exponent) {
    for (int p = 2; p <= n; ++p) {
        if (n % p) continue;
        exponent = 0;
        for (int rest = n; rest > 1; rest /= p, ++exponent)
            if (rest % p) return 0;
        return p;
    }
    return 0;
}

// The span of some vectors, or empty when they are dependent.
std::vector<int> span(const Space& space, const std::vector<int>& basis, int expected) {
    std::vector<int> points{0};
    for (int v : basis) {
        std::vector<int> next;
        for (int c = 0; c < space.p; ++c)
            for (int point : points) next.push_back(space.add(point, space.scale(v, c)));
        std::sort(next.begin(), next.end());
        next.erase(std::unique(next.begin(), next.end()), next.end());
        points = std::move(next);
    }
    if (static_cast<int>(points.size()) != expected) return {};
    return points;
}

}  // namespace

std::vector<std::vector<std::vector<int>>> affine_rounds(int n, int table_size, int rounds,
                                                         std::uint64_t seed) {
    int m = 0, d = 0;
    int p = prime_base(n, m);
    if (p == 0 || table_size < 2 || prime_base(table_size, d) != p || d >= m || rounds <= 0) return {};
    Space space{p, m, n};
    std::mt19937_64 rng(seed);

    // Random greedy partial spreads, keeping the largest: enough for the sizes hosts use.
    std::vector<std::vector<int>> best;
    for (int attempt = 0; attempt < 400 && static_cast<int>(best.size()) < rounds; ++attempt) {
        std::vector<char> used(n, 0);
        std::vector<std::vector<int>> chosen;
        for (int tries = 0; tries < 40 * rounds && static_cast<int>(chosen.size()) < rounds; ++tries) {
            std::vector<int> basis(d);
            for (int& v : basis) v = 1 + static_cast<int>(rng() % (n - 1));
            auto subspace = span(space, basis, table_size);
            if (subspace.empty()) continue;
            if (std::any_of(subspace.begin() + 1, subspace.end(), [&](int v) { return used[v]; })) continue;
            for (int v : subspace) used[v] = 1;
            chosen.push_back(std::move(subspace));
        }
        if (chosen.size() > best.size()) best = std::move(chosen);
    }

    std::vector<int> label(n);
    std::iota(label.begin(), label.end(), 0);
    std::shuffle(label.begin(), label.end(), rng);
    std::vector<std::vector<std::vector<int>>> out;
    for (const auto& subspace : best) {
        std::vector<int> coset_of(n, -1);
        std::vector<std::vector<int>> tables;
        for (int x = 0; x < n; ++x) {
            if (coset_of[x] >= 0) continue;
            tables.emplace_back();
            for (int v : subspace) {
                int y = space.add(x, v);
                coset_of[y] = static_cast<int>(tables.size()) - 1;
                tables.back().push_back(label[y]);
            }
        }
        out.push_back(std::move(tables));
    }
    return out;
}

}  // namespace ensemble::matching
