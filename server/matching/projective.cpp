#include "matching/projective.hpp"

#include <algorithm>
#include <stdexcept>

namespace ensemble::matching {
namespace {

FiniteField field_of(int q) {
    int e = 0;
    const int p = prime_power_base(q, e);
    if (p == 0) throw std::invalid_argument("PG(3, q) needs a prime power q");
    return FiniteField(p, e);
}

}  // namespace

ProjectiveSpace::ProjectiveSpace(int q) : field_(field_of(q)), number_(q * q * q * q, -1) {
    for (int code = 1; code < q * q * q * q; ++code) {
        Vector x{code / (q * q * q), code / (q * q) % q, code / q % q, code % q};
        if (*std::find_if(x.begin(), x.end(), [](int c) { return c != 0; }) != 1) continue;
        number_[code] = static_cast<int>(points_.size());
        points_.push_back(x);
    }
    // The first cubic t³ = c₀ + c₁t + c₂t² (c₀ ≠ 0) of which t has order q³ − 1.
    for (int code = 0; code < q * q * q; ++code) {
        cubic_ = {code / (q * q), code / q % q, code % q};
        if (cubic_[0] == 0) continue;
        std::array<int, 3> power{1, 0, 0};
        int order = 0;
        do power = times(power, {0, 1, 0}), ++order;
        while (power != std::array<int, 3>{1, 0, 0} && order < q * q * q);
        if (order == q * q * q - 1) return;
    }
    throw std::logic_error("no primitive cubic");
}

std::array<int, 3> ProjectiveSpace::times(const std::array<int, 3>& a, const std::array<int, 3>& b) const {
    std::array<int, 5> r{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) r[i + j] = field_.add(r[i + j], field_.multiply(a[i], b[j]));
    for (int d = 4; d >= 3; --d)  // t^d = t^(d−3)·(c₀ + c₁t + c₂t²)
        for (int k = 0; k < 3; ++k) r[d - 3 + k] = field_.add(r[d - 3 + k], field_.multiply(r[d], cubic_[k]));
    return {r[0], r[1], r[2]};
}

int ProjectiveSpace::index(Vector x) const {
    const int lead = *std::find_if(x.begin(), x.end(), [](int c) { return c != 0; });
    const int scale = field_.exp(-field_.log(lead));
    const int q = field_.size();
    int code = 0;
    for (int c : x) code = code * q + field_.multiply(c, scale);
    return number_[code];
}

std::vector<int> ProjectiveSpace::line(int a, int b) const {
    const int q = field_.size();
    std::vector<int> out{a};
    for (int s = 0; s < q; ++s) {  // s·a + b
        Vector x{};
        for (int i = 0; i < 4; ++i) x[i] = field_.add(field_.multiply(s, points_[a][i]), points_[b][i]);
        out.push_back(index(x));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::vector<int>> ProjectiveSpace::lines() const {
    std::vector<std::vector<int>> out;
    for (int a = 0; a < size(); ++a)
        for (int b = a + 1; b < size(); ++b)
            if (auto l = line(a, b); l[0] == a && l[1] == b) out.push_back(std::move(l));
    return out;
}

std::vector<int> ProjectiveSpace::sigma(int power) const {
    std::array<int, 3> factor{1, 0, 0};
    for (int i = 0; i < power; ++i) factor = times(factor, {0, 1, 0});
    std::vector<int> out(size());
    for (int p = 0; p < size(); ++p) {
        auto head = times({points_[p][0], points_[p][1], points_[p][2]}, factor);
        out[p] = index({head[0], head[1], head[2], points_[p][3]});
    }
    return out;
}

}  // namespace ensemble::matching
