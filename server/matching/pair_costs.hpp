#pragma once
// What one more, or one fewer, meeting of a pair costs, read from a pair store.

#include <algorithm>
#include <cstdint>

#include "matching/problem.hpp"

namespace ensemble::matching {

template <class Pairs>
class PairCosts {
  public:
    PairCosts(const Problem& problem, Pairs& pairs) : problem_(problem), pairs_(pairs) {}

    // Cost of a and b sharing one more table.
    std::int64_t join(int a, int b) const {
        PairCell cell = pairs_.get(a, b);
        return (pair_times(cell) >= 1 ? problem_.repeat_cost : 0) + problem_.class_cost[pair_class(cell)] +
               organisation(a, b);
    }
    // Saving when a and b share one table fewer.
    std::int64_t part(int a, int b) const {
        PairCell cell = pairs_.get(a, b);
        return (pair_times(cell) >= 2 ? problem_.repeat_cost : 0) + problem_.class_cost[pair_class(cell)] +
               organisation(a, b);
    }
    std::int64_t organisation(int a, int b) const {
        int org = problem_.organisation[a];
        return org >= 0 && org == problem_.organisation[b] ? problem_.organisation_cost : 0;
    }
    Pairs& pairs() { return pairs_; }

  private:
    const Problem& problem_;
    Pairs& pairs_;
};

// Loads past meetings of the people present and the never_together marks into a pair store.
template <class Pairs>
void load_pairs(const Problem& problem, const History* history, int round, Pairs& pairs) {
    if (history) {
        history->for_each([&](PersonId a, PersonId b, const History::Meeting& meeting) {
            auto ia = problem.index.find(a);
            if (ia == problem.index.end() || meeting.times <= 0) return;
            auto ib = problem.index.find(b);
            if (ib == problem.index.end()) return;
            auto times = static_cast<std::uint32_t>(std::min(meeting.times, 1000));
            pairs.set(ia->second, ib->second, make_cell(times, recency_class(round, meeting.last_round)));
        });
    }
    for (const auto& [a, b] : problem.never) {
        PairCell cell = pairs.get(a, b);
        pairs.set(a, b, make_cell(pair_times(cell), pair_class(cell) | never_class));
    }
}

}  // namespace ensemble::matching
