#include "matching/sparse_pairs.hpp"

#include <bit>

namespace ensemble::matching {

SparsePairs::SparsePairs(int n) {
    std::size_t capacity = std::bit_ceil(static_cast<std::size_t>(n > 0 ? n : 1) * 16);
    keys_.assign(capacity, empty);
    cells_.assign(capacity, 0);
    mask_ = capacity - 1;
    shift_ = 64 - std::countr_zero(capacity);
}

void SparsePairs::set(int a, int b, PairCell cell) {
    std::uint64_t k = key(a, b);
    std::size_t i = slot(k);
    for (; keys_[i] != empty; i = (i + 1) & mask_) {
        if (keys_[i] != k) continue;
        if (cell == 0) return erase_at(i);
        cells_[i] = cell;
        return;
    }
    if (cell == 0) return;
    keys_[i] = k;
    cells_[i] = cell;
    if (++used_ * 2 > keys_.size()) grow();
}

// Backward-shift deletion keeps probe chains whole without tombstones.
void SparsePairs::erase_at(std::size_t hole) {
    --used_;
    for (std::size_t i = (hole + 1) & mask_; keys_[i] != empty; i = (i + 1) & mask_) {
        std::size_t home = slot(keys_[i]);
        bool stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
        if (stays) continue;
        keys_[hole] = keys_[i];
        cells_[hole] = cells_[i];
        hole = i;
    }
    keys_[hole] = empty;
    cells_[hole] = 0;
}

void SparsePairs::grow() {
    auto old_keys = std::move(keys_);
    auto old_cells = std::move(cells_);
    keys_.assign(old_keys.size() * 2, empty);
    cells_.assign(old_keys.size() * 2, 0);
    mask_ = keys_.size() - 1;
    --shift_;
    used_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i) {
        if (old_keys[i] == empty) continue;
        std::size_t j = slot(old_keys[i]);
        while (keys_[j] != empty) j = (j + 1) & mask_;
        keys_[j] = old_keys[i];
        cells_[j] = old_cells[i];
        ++used_;
    }
}

}  // namespace ensemble::matching
