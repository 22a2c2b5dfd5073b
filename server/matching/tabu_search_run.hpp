#pragma once
// TabuSearch's main loop: move choice, stall restarts and the best seating kept aside.
// Included by tabu_search.hpp only.

#include <algorithm>

namespace ensemble::matching {

// Past this many swap evaluations a step samples the people in conflict instead of trying them all.
constexpr std::size_t full_scan_limit = 16384;

template <class Pairs>
bool TabuSearch<Pairs>::pick(Swap& best, std::int64_t step) {
    const int n = layout_.n;
    std::size_t candidates = conflicted_.size();
    bool sample = candidates * static_cast<std::size_t>(n) > full_scan_limit;
    if (sample) candidates = std::max<std::size_t>(1, full_scan_limit / n);
    std::int64_t ties = 0;
    bool found = false;
    for (std::size_t c = 0; c < candidates; ++c) {
        int entry = sample ? conflicted_[rng_() % conflicted_.size()] : conflicted_[c];
        int r = entry / n, a = entry % n;
        int ta = layout_.at(r, a);
        const auto& home = layout_.tables[r][ta];
        std::int64_t leave_a = leave_[entry];
        bool a_tabu = tabu_until_[entry] > step;
        for (int tb = 0; tb < static_cast<int>(layout_.tables[r].size()); ++tb) {
            if (tb == ta) continue;
            const auto& other = layout_.tables[r][tb];
            evaluations_ += static_cast<std::int64_t>(other.size());
            std::int64_t a_into = 0;
            for (int y : other) a_into += costs_.join(a, y);
            for (int b : other) {
                if (!problem_.movable[b]) continue;
                std::int64_t delta = a_into - costs_.join(a, b) - leave_a;
                for (int x : home)
                    if (x != a) delta += costs_.join(b, x);
                delta -= leave_[at(r, b)];
                bool tabu = return_tabu_.empty() ? a_tabu || tabu_until_[at(r, b)] > step
                                                 : return_tabu_[return_key(r, a, tb)] > step ||
                                                       return_tabu_[return_key(r, b, ta)] > step;
                if (tabu && cost_ + delta >= best_cost_) continue;
                if (!found || delta < best.delta) {
                    best = {r, a, b, delta};
                    found = true;
                    ties = 1;
                } else if (delta == best.delta && rng_() % ++ties == 0) {
                    best = {r, a, b, delta};
                }
            }
        }
    }
    return found;
}

template <class Pairs>
void TabuSearch<Pairs>::perturb(int swaps) {
    const int n = layout_.n;
    for (int s = 0; s < swaps; ++s) {
        int r, a;
        if (!conflicted_.empty()) {
            int entry = conflicted_[rng_() % conflicted_.size()];
            r = entry / n, a = entry % n;
        } else {
            r = static_cast<int>(rng_() % layout_.rounds), a = static_cast<int>(rng_() % n);
        }
        for (int attempt = 0; attempt < 16; ++attempt) {
            int b = static_cast<int>(rng_() % n);
            if (!problem_.movable[a] || !problem_.movable[b] || layout_.together(r, a, b)) continue;
            apply({r, a, b, swap_delta(r, a, b)});
            break;
        }
    }
}

template <class Pairs>
void TabuSearch<Pairs>::save_best() {
    best_cost_ = cost_;
    best_table_of_ = layout_.table_of;
}

template <class Pairs>
void TabuSearch<Pairs>::restore_best() {
    for (int r = 0; r < layout_.rounds; ++r) {
        for (const auto& members : layout_.tables[r])
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j)
                    costs_.pairs().drop(members[i], members[j]);
        for (auto& members : layout_.tables[r]) members.clear();
        for (int p = 0; p < layout_.n; ++p) layout_.tables[r][best_table_of_[at(r, p)]].push_back(p);
        layout_.index_round(r);
        for (const auto& members : layout_.tables[r])
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j)
                    costs_.pairs().bump(members[i], members[j]);
    }
    cost_ = best_cost_;
    recount();
}

template <class Pairs>
std::int64_t TabuSearch<Pairs>::run(std::int64_t start_cost, const SearchLimits& limits) {
    cost_ = start_cost;
    // Forbidding a return to the table just left is the stronger tabu; past a few million entries
    // (10,000 people) it falls back to resting the two people moved.
    std::size_t return_entries = layout_.table_of.size() * (layout_.rounds ? layout_.tables[0].size() : 0);
    if (return_entries <= (std::size_t{1} << 21)) return_tabu_.assign(return_entries, 0);
    recount();
    save_best();
    const int n = layout_.n;
    // Short tenures suit the small, tight instances; the stall limit grows with the neighbourhood.
    const std::int64_t tenure_base = 4, tenure_spread = 10;
    const std::int64_t stall_limit = 1000 + 4 * static_cast<std::int64_t>(layout_.rounds) * n;
    const int perturb_swaps = std::max(2, layout_.rounds / 2 + 1);
    std::int64_t step = 0, last_gain = 0;
    int restarts_without_gain = 0;
    for (; step < limits.max_steps; ++step) {
        if (cost_ == 0 || conflicted_.empty()) break;
        if (limits.max_evaluations > 0 && evaluations_ >= limits.max_evaluations) break;
        if ((step & 63) == 0 && std::chrono::steady_clock::now() >= limits.deadline) break;
        Swap swap;
        if (!pick(swap, step)) {
            perturb(1);
            continue;
        }
        int from_a = layout_.at(swap.round, swap.a), from_b = layout_.at(swap.round, swap.b);
        apply(swap);
        auto tenure = [&] { return step + tenure_base + static_cast<std::int64_t>(rng_() % tenure_spread); };
        if (!return_tabu_.empty()) {
            return_tabu_[return_key(swap.round, swap.a, from_a)] = tenure();
            return_tabu_[return_key(swap.round, swap.b, from_b)] = tenure();
        } else {
            tabu_until_[at(swap.round, swap.a)] = tenure();
            tabu_until_[at(swap.round, swap.b)] = tenure();
        }
        if (cost_ < best_cost_) {
            save_best();
            last_gain = step;
            restarts_without_gain = 0;
        } else if (step - last_gain > stall_limit) {
            if (limits.patience > 0 && ++restarts_without_gain >= limits.patience) break;
            restore_best();
            perturb(perturb_swaps);
            last_gain = step;
        }
    }
    if (cost_ > best_cost_) restore_best();
    return step;
}

}  // namespace ensemble::matching
