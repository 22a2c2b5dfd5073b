#include "matching/unital.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "matching/finite_field.hpp"

namespace ensemble::matching {
namespace {

using Vector = std::array<int, 3>;  // homogeneous coordinates over GF(q²)

int leading(const Vector& x) {  // the first non-zero coordinate
    for (int c : x)
        if (c != 0) return c;
    return 0;
}

class HermitianPlane {
  public:
    HermitianPlane(int p, int m) : field_(p, 2 * m), q_(1) {
        for (int i = 0; i < m; ++i) q_ *= p;
    }
    int order() const { return field_.size(); }  // q²

    // H(u, v) = Σ uᵢ·vᵢ^q: u lies on v's polar line when it is 0; the unital is where H(x, x) = 0.
    int form(const Vector& u, const Vector& v) const {
        int sum = 0;
        for (int i = 0; i < 3; ++i) sum = field_.add(sum, field_.multiply(u[i], field_.power(v[i], q_)));
        return sum;
    }

    // The line through a ≠ b, as its coordinates a × b scaled to a first non-zero 1, read in base q².
    int line(const Vector& a, const Vector& b) const {
        Vector c{};
        for (int i = 0; i < 3; ++i) {
            const int j = (i + 1) % 3, k = (i + 2) % 3;
            c[i] = field_.add(field_.multiply(a[j], b[k]), field_.negate(field_.multiply(a[k], b[j])));
        }
        const int scale = field_.exp(-field_.log(leading(c)));
        int code = 0;
        for (int x : c) code = code * order() + field_.multiply(x, scale);
        return code;
    }

  private:
    FiniteField field_;
    int q_;
};

}  // namespace

Rounds unital_design(int v, int k) {
    const int q = k - 1;
    int m = 0;
    const int p = q > 1 ? prime_power_base(q, m) : 0;
    if (p == 0 || v != q * q * q + 1) return {};
    const HermitianPlane plane(p, m);
    const int n = plane.order();
    // The points with a first non-zero coordinate 1, in lexicographic order; the unital's numbered so.
    std::vector<Vector> points, unital;
    for (int code = 1; code < n * n * n; ++code) {
        const Vector x{code / (n * n), code / n % n, code % n};
        if (leading(x) != 1) continue;
        points.push_back(x);
        if (plane.form(x, x) == 0) unital.push_back(x);
    }
    const Vector& a = unital.front();
    Rounds rounds;
    for (const Vector& through : points) {
        if (through == a || plane.form(through, a) != 0) continue;  // P on a's tangent line, P ≠ a
        std::map<int, std::vector<int>> by_line;
        for (int i = 0; i < v; ++i) by_line[plane.line(through, unital[i])].push_back(i);
        auto& round = rounds.emplace_back();
        std::vector<int> touched;
        for (auto& [line, met] : by_line) {
            if (met.size() == 1)
                touched.push_back(met.front());
            else
                round.push_back(std::move(met));
        }
        std::sort(touched.begin(), touched.end());
        round.push_back(std::move(touched));
    }
    return rounds;
}

}  // namespace ensemble::matching
