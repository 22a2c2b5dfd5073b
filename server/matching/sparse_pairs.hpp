#pragma once
// Pair store as an open-addressing hash of the pairs that met or have a cost class:
// memory grows with meetings, not with n², so 10,000 people fit in a few megabytes.

#include <cstdint>
#include <vector>

#include "matching/pair_cell.hpp"

namespace ensemble::matching {

class SparsePairs {
  public:
    explicit SparsePairs(int n);

    PairCell get(int a, int b) const {
        std::uint64_t k = key(a, b);
        for (std::size_t i = slot(k);; i = (i + 1) & mask_) {
            if (keys_[i] == k) return cells_[i];
            if (keys_[i] == empty) return 0;
        }
    }
    void set(int a, int b, PairCell cell);
    void bump(int a, int b) { set(a, b, get(a, b) + 1); }
    void drop(int a, int b) { set(a, b, get(a, b) - 1); }
    std::size_t size() const { return used_; }

  private:
    static constexpr std::uint64_t empty = ~0ull;
    static std::uint64_t key(int a, int b) {
        return a < b ? (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint32_t>(b)
                     : (static_cast<std::uint64_t>(b) << 32) | static_cast<std::uint32_t>(a);
    }
    std::size_t slot(std::uint64_t k) const {
        return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> shift_) & mask_;
    }
    void erase_at(std::size_t i);
    void grow();

    std::vector<std::uint64_t> keys_;
    std::vector<PairCell> cells_;
    std::size_t mask_ = 0;
    int shift_ = 0;
    std::size_t used_ = 0;
};

}  // namespace ensemble::matching
