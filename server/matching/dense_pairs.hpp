#pragma once
// Pair store as a full n×n matrix: one load per lookup, for up to a few thousand people.

#include <cstddef>
#include <vector>

#include "matching/pair_cell.hpp"

namespace ensemble::matching {

class DensePairs {
  public:
    explicit DensePairs(int n) : n_(static_cast<std::size_t>(n)), cells_(n_ * n_, 0) {}

    PairCell get(int a, int b) const { return cells_[a * n_ + b]; }
    void set(int a, int b, PairCell cell) { cells_[a * n_ + b] = cells_[b * n_ + a] = cell; }
    void bump(int a, int b) {
        ++cells_[a * n_ + b];
        ++cells_[b * n_ + a];
    }
    void drop(int a, int b) {
        --cells_[a * n_ + b];
        --cells_[b * n_ + a];
    }

  private:
    std::size_t n_;
    std::vector<PairCell> cells_;
};

}  // namespace ensemble::matching
