#pragma once
// What one more, or one fewer, meeting of a pair costs: the cost model (pair_cost.hpp) read from a pair
// store.

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
        return problem_.cost.meet(pair_times(cell), pair_class(cell), same_organisation(a, b),
                                  problem_.apart(a, b));
    }
    // Saving when a and b share one table fewer (the last meeting counted is the one given up).
    std::int64_t part(int a, int b) const {
        PairCell cell = pairs_.get(a, b);
        std::uint32_t times = pair_times(cell);
        return problem_.cost.meet(times > 0 ? times - 1 : 0, pair_class(cell), same_organisation(a, b),
                                  problem_.apart(a, b));
    }
    bool same_organisation(int a, int b) const {
        int org = problem_.organisation[a];
        return org >= 0 && org == problem_.organisation[b];
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
            pairs.set(ia->second, ib->second,
                      make_cell(times, pair_class_of(round, meeting.times, meeting.last_round, false)));
        });
    }
    for (const auto& [a, b] : problem.never) {
        PairCell cell = pairs.get(a, b);
        pairs.set(a, b, make_cell(pair_times(cell), pair_class(cell) | never_class));
    }
}

}  // namespace ensemble::matching
