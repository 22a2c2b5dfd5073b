#pragma once
// One pair's entry in a pair store: times met (history and plan) and its cost class.

#include <cstdint>

namespace ensemble::matching {

using PairCell = std::uint32_t;

constexpr std::uint32_t pair_times(PairCell cell) { return cell & 0xFFFFu; }
constexpr std::uint32_t pair_class(PairCell cell) { return cell >> 16; }
constexpr PairCell make_cell(std::uint32_t times, std::uint32_t cost_class) {
    return (cost_class << 16) | times;
}

// Cost classes: bit 7 marks a never_together pair; the low bits grade how recently the pair met.
constexpr std::uint32_t never_class = 0x80;
constexpr int recency_classes = 16;

}  // namespace ensemble::matching
