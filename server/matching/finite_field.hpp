#pragma once
// The finite field GF(p^m), elements as base-p integers 0..p^m − 1 (polynomials over GF(p)), with
// logarithm tables: memory grows with p^m, fine for the sizes a room has.

#include <vector>

namespace ensemble::matching {

// n == p^exponent for a prime p: returns p, else 0.
int prime_power_base(int n, int& exponent);

class FiniteField {
  public:
    FiniteField(int p, int m);  // p prime
    int size() const { return size_; }
    int prime() const { return p_; }
    int add(int a, int b) const;
    int negate(int a) const;  // −a
    int multiply(int a, int b) const;
    int power(int a, int e) const;
    int exp(int e) const {
        return exp_[((e % (size_ - 1)) + (size_ - 1)) % (size_ - 1)];
    }                                         // g^e, g primitive
    int log(int a) const { return log_[a]; }  // a ≠ 0

  private:
    int p_ = 0, m_ = 0, size_ = 1;
    std::vector<int> log_, exp_;  // discrete logarithms over a primitive element
};

}  // namespace ensemble::matching
