#pragma once
// Tabu search over swaps of two people between tables of the same round, all rounds at once
// (after Dotú and Van Hentenryck's local search for the Social Golfer Problem): each step takes the
// best swap that moves someone in conflict, recently moved people are tabu, and a long stall restarts
// from the best seating with a few random swaps. Deltas cost O(table size) through the pair store.

#include <chrono>
#include <cstdint>
#include <random>
#include <vector>

#include "matching/indexed_set.hpp"
#include "matching/layout.hpp"
#include "matching/pair_costs.hpp"

namespace ensemble::matching {

struct SearchLimits {
    std::int64_t max_steps = 0;
    std::chrono::steady_clock::time_point deadline;  // safety cap only
    int patience = 0;                  // restarts without a new best before giving up; 0: until max_steps
    std::int64_t max_evaluations = 0;  // swaps evaluated, a machine-independent time limit; 0: none
};

template <class Pairs>
class TabuSearch {
  public:
    // The layout's meetings must already be recorded in the pair store behind costs.
    TabuSearch(const Problem& problem, PairCosts<Pairs>& costs, Layout& layout, std::uint64_t seed)
        : problem_(problem),
          costs_(costs),
          layout_(layout),
          rng_(seed),
          conflicts_(layout.table_of.size(), 0),
          leave_(layout.table_of.size(), 0),
          conflicted_(layout.table_of.size()),
          tabu_until_(layout.table_of.size(), 0) {}

    // Returns the steps taken; the layout and pair store end at the best seating found.
    std::int64_t run(std::int64_t start_cost, const SearchLimits& limits);
    std::int64_t cost() const { return cost_; }

  private:
    struct Swap {
        int round = -1, a = -1, b = -1;
        std::int64_t delta = 0;
    };
    std::size_t at(int round, int person) const {
        return static_cast<std::size_t>(round) * layout_.n + person;
    }
    const std::vector<int>& table(int round, int person) const {
        return layout_.tables[round][layout_.at(round, person)];
    }
    std::int64_t swap_delta(int round, int a, int b) const;
    void apply(const Swap& swap);
    void part(int round, int p, int q);
    void join(int round, int p, int q);
    void adjust_elsewhere(int round, int p, int q, int change, std::int64_t saving);
    void adjust(std::size_t i, int change, std::int64_t saving);
    void recount();
    bool pick(Swap& best, std::int64_t step);
    void perturb(int swaps);
    void save_best();
    void restore_best();

    const Problem& problem_;
    PairCosts<Pairs>& costs_;
    Layout& layout_;
    std::mt19937_64 rng_;
    std::vector<int> conflicts_;       // per (round, person): tablemates in a costly pair
    std::vector<std::int64_t> leave_;  // per (round, person): what leaving the table saves
    IndexedSet conflicted_;            // movable (round, person) with conflicts
    std::vector<std::int64_t> tabu_until_;
    std::vector<std::int64_t> return_tabu_;  // per (round, person, table left)
    std::size_t return_key(int round, int person, int table) const {
        return at(round, person) * layout_.tables[round].size() + table;
    }
    std::vector<int> best_table_of_;
    std::int64_t cost_ = 0;
    std::int64_t best_cost_ = 0;
    std::int64_t evaluations_ = 0;
};

template <class Pairs>
std::int64_t TabuSearch<Pairs>::swap_delta(int round, int a, int b) const {
    std::int64_t delta = 0;
    for (int x : table(round, a))
        if (x != a) delta += costs_.join(b, x) - costs_.part(a, x);
    for (int y : table(round, b))
        if (y != b) delta += costs_.join(a, y) - costs_.part(b, y);
    return delta;
}

template <class Pairs>
void TabuSearch<Pairs>::adjust(std::size_t i, int change, std::int64_t saving) {
    int before = conflicts_[i];
    conflicts_[i] += change;
    leave_[i] += saving;
    int person = static_cast<int>(i % layout_.n);
    if (!problem_.movable[person]) return;
    if (before == 0 && conflicts_[i] > 0) conflicted_.insert(static_cast<int>(i));
    if (before > 0 && conflicts_[i] == 0) conflicted_.erase(static_cast<int>(i));
}

// A pair's count changed: its conflict status changes in every other round where it meets.
template <class Pairs>
void TabuSearch<Pairs>::adjust_elsewhere(int round, int p, int q, int change, std::int64_t saving) {
    for (int r = 0; r < layout_.rounds; ++r) {
        if (r == round || !layout_.together(r, p, q)) continue;
        adjust(at(r, p), change, saving);
        adjust(at(r, q), change, saving);
    }
}

template <class Pairs>
void TabuSearch<Pairs>::part(int round, int p, int q) {
    std::int64_t before = costs_.part(p, q);
    costs_.pairs().drop(p, q);
    std::int64_t after = costs_.part(p, q);
    if (before > 0) adjust(at(round, p), -1, -before), adjust(at(round, q), -1, -before);
    if (before != after && layout_.rounds > 1)
        adjust_elsewhere(round, p, q, (after > 0) - (before > 0), after - before);
}

template <class Pairs>
void TabuSearch<Pairs>::join(int round, int p, int q) {
    std::int64_t before = costs_.part(p, q);
    costs_.pairs().bump(p, q);
    std::int64_t after = costs_.part(p, q);
    if (before != after && layout_.rounds > 1)
        adjust_elsewhere(round, p, q, (after > 0) - (before > 0), after - before);
    if (after > 0) adjust(at(round, p), 1, after), adjust(at(round, q), 1, after);
}

template <class Pairs>
void TabuSearch<Pairs>::apply(const Swap& swap) {
    const int r = swap.round, a = swap.a, b = swap.b;
    const int ta = layout_.at(r, a), tb = layout_.at(r, b);
    auto& table_a = layout_.tables[r][ta];
    auto& table_b = layout_.tables[r][tb];
    for (int x : table_a)
        if (x != a) part(r, a, x);
    for (int y : table_b)
        if (y != b) part(r, b, y);
    std::size_t ia = at(r, a), ib = at(r, b);
    table_a[layout_.slot_of[ia]] = b;
    table_b[layout_.slot_of[ib]] = a;
    std::swap(layout_.table_of[ia], layout_.table_of[ib]);
    std::swap(layout_.slot_of[ia], layout_.slot_of[ib]);
    for (int x : table_a)
        if (x != b) join(r, b, x);
    for (int y : table_b)
        if (y != a) join(r, a, y);
    cost_ += swap.delta;
}

template <class Pairs>
void TabuSearch<Pairs>::recount() {
    std::fill(conflicts_.begin(), conflicts_.end(), 0);
    std::fill(leave_.begin(), leave_.end(), 0);
    conflicted_.clear();
    for (int r = 0; r < layout_.rounds; ++r)
        for (const auto& members : layout_.tables[r])
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j)
                    if (std::int64_t saving = costs_.part(members[i], members[j]); saving > 0) {
                        adjust(at(r, members[i]), 1, saving);
                        adjust(at(r, members[j]), 1, saving);
                    }
}

}  // namespace ensemble::matching

#include "matching/tabu_search_run.hpp"
