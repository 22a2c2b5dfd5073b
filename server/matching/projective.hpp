#pragma once
// The projective space PG(3, q): its points are the non-zero vectors of GF(q)^4 up to a non-zero factor,
// numbered in the lexicographic order of their normalised form (first non-zero coordinate 1); a line holds
// the q + 1 points spanned by two of them. σ multiplies the first three coordinates, read as an element of
// GF(q³) over the basis 1, t, t² (t a root of the first monic cubic, in lexicographic order, of which t is
// primitive), by t^power and fixes the last: a collineation, shared by the packings (packings.hpp) and the
// tool that searches for them (bench/kirkman_search.cpp).

#include <array>
#include <vector>

#include "matching/finite_field.hpp"

namespace ensemble::matching {

class ProjectiveSpace {
  public:
    explicit ProjectiveSpace(int q);  // q a prime power
    int size() const { return static_cast<int>(points_.size()); }
    std::vector<int> line(int a, int b) const;    // the sorted points of the line through a ≠ b
    std::vector<std::vector<int>> lines() const;  // every line once, in order of their two first points
    std::vector<int> sigma(int power) const;      // σ as a permutation of the points

  private:
    using Vector = std::array<int, 4>;
    int index(Vector x) const;  // x ≠ 0 normalised, then numbered
    std::array<int, 3> times(const std::array<int, 3>& a, const std::array<int, 3>& b) const;  // in GF(q³)

    FiniteField field_;
    std::vector<Vector> points_;
    std::vector<int> number_;     // normalised vector read in base q → its point
    std::array<int, 3> cubic_{};  // t³ = c₀ + c₁t + c₂t²
};

}  // namespace ensemble::matching
