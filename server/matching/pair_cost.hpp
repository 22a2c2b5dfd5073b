#pragma once
// The matcher's one cost model: what two people sharing a table cost. The planner and live rounds (through
// the pair store), repairs and the score report all price a seating with PairCost::meet, so they agree.
//
// Terms, each weighted by Preferences (matcher.hpp, where the defaults are documented), scaled here to
// integers (× 100) so that search deltas are exact:
//   repeat        meeting someone met before, in the history or an earlier planned round (flat: each
//                 extra meeting is one more repeated pair in the report);
//   recency       a pair from the history costs more the more recently it met (cost classes 1..15);
//   organisation  two of one organisation (organisation_key), hard when organisations are kept apart;
//   distance      two from bordering or distant départements (local rounds only; 0 otherwise);
//   never         a never_together pair: hard_cost, above any sum of soft costs.
// Needs met by offers are not a pair's cost: they are seated first, as groups kept together (needs.hpp).

#include <array>
#include <cstdint>

#include "matching/matcher.hpp"
#include "matching/pair_cell.hpp"

namespace ensemble::matching {

// Cost of a broken hard constraint: above any sum of soft costs the search meets.
constexpr std::int64_t hard_cost = 1'000'000'000;
// Same-organisation pairs kept apart: hard, yet below never_together.
constexpr std::int64_t apart_cost = 10'000'000;

// How far apart two people work. Unknown on either side counts as the same place: nothing to weigh.
enum class Distance : std::uint8_t { same_or_unknown, neighbouring, distant };
Distance distance(const Person& a, const Person& b);

struct PairCost {
    std::int64_t repeat = 0;
    std::int64_t organisation = 0;
    std::array<std::int64_t, 3> distance{};    // by Distance
    std::array<std::int64_t, 256> by_class{};  // recency and never, by cost class (pair_cell.hpp)

    static PairCost from(const Preferences& preferences);

    // One more meeting of a pair that already met `times` times, in cost class `cost_class`.
    std::int64_t meet(std::uint32_t times, std::uint32_t cost_class, bool same_organisation,
                      Distance apart = Distance::same_or_unknown) const {
        return (times >= 1 ? repeat : 0) + by_class[cost_class & 0xFF] +
               (same_organisation ? organisation : 0) + distance[static_cast<std::size_t>(apart)];
    }
};

// The cost class of a pair that last met in last_round, seen from round.
std::uint32_t recency_class(int round, int last_round);

// The cost class of a pair from its history (times met before `round`) and whether it must never sit
// together.
inline std::uint32_t pair_class_of(int round, int times_met, int last_round, bool never) {
    return (times_met > 0 ? recency_class(round, last_round) : 0) | (never ? never_class : 0);
}

}  // namespace ensemble::matching
