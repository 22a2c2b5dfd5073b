#pragma once
// A pair of people as one key, smaller id first, and its hash: the one pair key of the matcher.

#include <cstddef>
#include <cstdint>
#include <utility>

namespace ensemble::matching {

using PersonId = std::int64_t;
using PairKey = std::pair<PersonId, PersonId>;

inline PairKey pair_key(PersonId a, PersonId b) { return a < b ? PairKey{a, b} : PairKey{b, a}; }

struct PairKeyHash {
    std::size_t operator()(const PairKey& key) const noexcept {
        auto mix = static_cast<std::uint64_t>(key.first) * 0x9E3779B97F4A7C15ull;
        mix ^= static_cast<std::uint64_t>(key.second) + 0x632BE59BD9B4E019ull + (mix << 6) + (mix >> 2);
        return static_cast<std::size_t>(mix ^ (mix >> 29));
    }
};

}  // namespace ensemble::matching
