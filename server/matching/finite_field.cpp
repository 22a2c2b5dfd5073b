#include "matching/finite_field.hpp"

#include <stdexcept>

namespace ensemble::matching {
namespace {

std::vector<int> digits(int x, int p, int m) {
    std::vector<int> out(m);
    for (int i = 0; i < m; ++i, x /= p) out[i] = x % p;
    return out;
}

int number(const std::vector<int>& d, int p) {
    int x = 0;
    for (int i = static_cast<int>(d.size()) - 1; i >= 0; --i) x = x * p + d[i];
    return x;
}

}  // namespace

int prime_power_base(int n, int& exponent) {
    for (int p = 2; p <= n; ++p) {
        if (n % p) continue;
        exponent = 0;
        for (int rest = n; rest > 1; rest /= p, ++exponent)
            if (rest % p) return 0;
        return p;
    }
    return 0;
}

// Multiplying by x modulo a monic polynomial of degree m; the polynomial is primitive when x generates
// every non-zero element, found by trying the candidates in order (deterministic).
FiniteField::FiniteField(int p, int m) : p_(p), m_(m) {
    for (int i = 0; i < m; ++i) size_ *= p;
    for (int low = 0; low < size_; ++low) {  // x^m = −(low coefficients)
        auto tail = digits(low, p, m);
        if (tail[0] == 0) continue;
        exp_.assign(size_ - 1, 0);
        log_.assign(size_, -1);
        int element = 1;
        bool primitive = true;
        for (int e = 0; e < size_ - 1; ++e) {
            if (log_[element] >= 0) {
                primitive = false;
                break;
            }
            exp_[e] = element;
            log_[element] = e;
            auto d = digits(element, p, m);
            int carry = d[m - 1];  // times x: shift up, reduce the x^m term
            for (int i = m - 1; i > 0; --i) d[i] = d[i - 1];
            d[0] = 0;
            for (int i = 0; i < m; ++i) d[i] = ((d[i] - carry * tail[i]) % p + p) % p;
            element = number(d, p);
        }
        if (primitive && element == 1) return;
    }
    throw std::logic_error("no primitive polynomial found");
}

int FiniteField::add(int a, int b) const {
    int sum = 0;
    for (int place = 1, i = 0; i < m_; ++i, place *= p_)
        sum += ((a / place % p_ + b / place % p_) % p_) * place;
    return sum;
}

int FiniteField::negate(int a) const {
    int negative = 0;
    for (int place = 1, i = 0; i < m_; ++i, place *= p_) negative += (p_ - a / place % p_) % p_ * place;
    return negative;
}

int FiniteField::multiply(int a, int b) const {
    if (a == 0 || b == 0) return 0;
    return exp_[(log_[a] + log_[b]) % (size_ - 1)];
}

int FiniteField::power(int a, int e) const {
    if (a == 0) return e == 0 ? 1 : 0;
    return exp_[static_cast<long long>(log_[a]) * e % (size_ - 1)];
}

}  // namespace ensemble::matching
