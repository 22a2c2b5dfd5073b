// Live repairs: seat a late joiner, rebalance after a leave, moving as few people as possible.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "matching/matcher.hpp"
#include "matching/organisation.hpp"
#include "matching/pair_cost.hpp"

namespace ensemble::matching {
namespace {

// Prices seats for one repair with the matcher's cost model (pair_cost.hpp), as the search would.
class SeatCost {
  public:
    // The joiner, not seated yet, is not among context.people.
    explicit SeatCost(const LiveContext& context, const Person* joiner = nullptr)
        : context_(context), model_(PairCost::from(context.preferences)), joiner_(joiner) {
        for (const auto& [id, person] : *context.people)
            organisation_.emplace(id, organisation_key(person.organisation));
        if (joiner) organisation_.emplace(joiner->id, organisation_key(joiner->organisation));
        if (!context.constraints) return;
        for (const auto& [a, b] : context.constraints->never_together) never_.insert(pair_key(a, b));
        for (const auto& group : context.constraints->keep_together)
            if (group.size() > 1) grouped_.insert(group.begin(), group.end());
    }

    // One more meeting of a and b.
    std::int64_t pair(PersonId a, PersonId b) const {
        int times = context_.history ? context_.history->times_met(a, b) : 0;
        int last = times > 0 ? context_.history->last_round_met(a, b) : 0;
        auto cost_class = pair_class_of(context_.round, times, last, never_.count(pair_key(a, b)) > 0);
        auto oa = organisation_.find(a), ob = organisation_.find(b);
        bool same = oa != organisation_.end() && ob != organisation_.end() && !oa->second.empty() &&
                    oa->second == ob->second;
        const Person *pa = find(a), *pb = find(b);
        auto apart = pa && pb ? distance(*pa, *pb) : Distance::same_or_unknown;
        return model_.meet(static_cast<std::uint32_t>(std::min(times, 1000)), cost_class, same, apart);
    }
    std::int64_t table(PersonId person, const Table& members) const {
        std::int64_t total = 0;
        for (PersonId other : members)
            if (other != person) total += pair(person, other);
        return total;
    }
    bool grouped(PersonId person) const { return grouped_.count(person) > 0; }

  private:
    const Person* find(PersonId id) const {
        if (joiner_ && joiner_->id == id) return joiner_;
        auto it = context_.people->find(id);
        return it == context_.people->end() ? nullptr : &it->second;
    }

    const LiveContext& context_;
    PairCost model_;
    const Person* joiner_;
    std::unordered_map<PersonId, std::string> organisation_;
    std::unordered_set<PairKey, PairKeyHash> never_;
    std::unordered_set<PersonId> grouped_;
};

int size_of(const Table& table) { return static_cast<int>(table.size()); }

// The cheapest table for person among those with room (and not `except`), or tables.size().
std::size_t best_with_room(const std::vector<Table>& tables, const SeatCost& cost, PersonId person, int max,
                           std::size_t except) {
    std::size_t best = tables.size();
    std::int64_t best_cost = 0;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (t == except || tables[t].empty() || size_of(tables[t]) >= max) continue;
        std::int64_t c = cost.table(person, tables[t]);
        if (best == tables.size() || c < best_cost) best = t, best_cost = c;
    }
    return best;
}

// The cheapest movable person to bring to `members` from tables that can spare one above min.
bool best_donor(const std::vector<Table>& tables, const SeatCost& cost, const Table& members, int min,
                std::size_t except, std::size_t& from, std::size_t& slot) {
    std::int64_t best_cost = 0;
    bool found = false;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (t == except || size_of(tables[t]) <= min) continue;
        for (std::size_t s = 0; s < tables[t].size(); ++s) {
            PersonId person = tables[t][s];
            if (cost.grouped(person)) continue;
            std::int64_t c = cost.table(person, members) - cost.table(person, tables[t]);
            if (!found || c < best_cost) from = t, slot = s, best_cost = c, found = true;
        }
    }
    return found;
}

}  // namespace

std::vector<Move> seat_late_joiner(const LiveContext& context, const Person& joiner) {
    const auto& tables = *context.tables;
    SeatCost cost(context, &joiner);
    std::size_t to = best_with_room(tables, cost, joiner.id, context.size.max, tables.size());
    if (to != tables.size()) return {{joiner.id, to}};

    // Every table is full: open a table with people the others can spare, else squeeze in.
    std::vector<Table> local = tables;
    Table fresh{joiner.id};
    std::vector<Move> moves{{joiner.id, tables.size()}};
    while (size_of(fresh) < std::max(2, context.size.min)) {
        std::size_t from = 0, slot = 0;
        if (!best_donor(local, cost, fresh, context.size.min, local.size(), from, slot)) break;
        fresh.push_back(local[from][slot]);
        moves.push_back({local[from][slot], tables.size()});
        local[from].erase(local[from].begin() + static_cast<std::ptrdiff_t>(slot));
    }
    if (size_of(fresh) >= std::max(2, context.size.min)) return moves;
    // Squeezing in: the smallest table first, then the best fit.
    auto squeeze = [&](std::size_t t) {
        return std::pair{size_of(tables[t]), cost.table(joiner.id, tables[t])};
    };
    std::size_t best = tables.size();
    for (std::size_t t = 0; t < tables.size(); ++t)
        if (!tables[t].empty() && (best == tables.size() || squeeze(t) < squeeze(best))) best = t;
    return {{joiner.id, best}};
}

std::vector<Move> rebalance_after_leave(const LiveContext& context) {
    std::vector<Table> local = *context.tables;
    SeatCost cost(context);
    std::vector<Move> moves;
    auto move = [&](std::size_t from, std::size_t slot, std::size_t to) {
        PersonId person = local[from][slot];
        moves.push_back({person, to});
        local[to].push_back(person);
        local[from].erase(local[from].begin() + static_cast<std::ptrdiff_t>(slot));
    };
    const int min = std::max(2, context.size.min);
    for (std::size_t t = 0; t < local.size(); ++t) {
        if (local[t].empty() || size_of(local[t]) >= min) continue;
        // Disband when there is room for everyone elsewhere and that moves no more people than filling.
        int room = 0;
        for (std::size_t u = 0; u < local.size(); ++u)
            if (u != t && !local[u].empty()) room += std::max(0, context.size.max - size_of(local[u]));
        int spare = 0;
        for (std::size_t u = 0; u < local.size(); ++u)
            if (u != t) spare += std::max(0, size_of(local[u]) - min);
        int to_fill = min - size_of(local[t]);
        bool can_disband = room >= size_of(local[t]);
        bool can_fill = spare >= to_fill;
        if (can_disband && (!can_fill || size_of(local[t]) <= to_fill)) {
            while (!local[t].empty()) {
                std::size_t to = best_with_room(local, cost, local[t][0], context.size.max, t);
                if (to == local.size()) break;
                move(t, 0, to);
            }
        } else if (can_fill) {
            for (std::size_t from = 0, slot = 0; size_of(local[t]) < min;)
                if (best_donor(local, cost, local[t], min, t, from, slot))
                    move(from, slot, t);
                else
                    break;
        } else if (size_of(local[t]) == 1 && local.size() > 1) {
            // Nobody sits alone, even if a table must go above its maximum.
            std::size_t smallest = local.size();
            for (std::size_t u = 0; u < local.size(); ++u)
                if (u != t && !local[u].empty() &&
                    (smallest == local.size() || local[u].size() < local[smallest].size()))
                    smallest = u;
            if (smallest != local.size()) move(t, 0, smallest);
        }
    }
    return moves;
}

}  // namespace ensemble::matching
