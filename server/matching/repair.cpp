// Live repairs: seat a late joiner, rebalance after a leave, moving as few people as possible.
#include <algorithm>
#include <unordered_set>

#include "matching/matcher.hpp"
#include "matching/problem.hpp"

namespace ensemble::matching {
namespace {

// Scores seats for one repair: repeats, organisations, recency, and never_together as a hard cost.
class SeatCost {
  public:
    explicit SeatCost(const LiveContext& context) : context_(context) {
        if (!context.constraints) return;
        for (const auto& [a, b] : context.constraints->never_together) never_.insert(key(a, b));
        for (const auto& group : context.constraints->keep_together)
            if (group.size() > 1) grouped_.insert(group.begin(), group.end());
    }

    double pair(PersonId a, PersonId b) const {
        const auto& prefs = context_.preferences;
        double total = never_.count(key(a, b)) ? static_cast<double>(hard_cost) : 0.0;
        if (context_.history) {
            int times = context_.history->times_met(a, b);
            if (times > 0)
                total += prefs.repeat_weight * times +
                         prefs.recency_weight *
                             recency_class(context_.round, context_.history->last_round_met(a, b));
        }
        const auto& people = *context_.people;
        auto pa = people.find(a), pb = people.find(b);
        if (pa != people.end() && pb != people.end() && !pa->second.organisation.empty() &&
            pa->second.organisation == pb->second.organisation)
            total += prefs.keep_organisations_apart ? static_cast<double>(apart_cost)
                                                    : prefs.same_organisation_weight;
        return total;
    }
    double table(PersonId person, const Table& members) const {
        double total = 0;
        for (PersonId other : members)
            if (other != person) total += pair(person, other);
        return total;
    }
    bool grouped(PersonId person) const { return grouped_.count(person) > 0; }

  private:
    static std::pair<PersonId, PersonId> key(PersonId a, PersonId b) {
        return a < b ? std::pair{a, b} : std::pair{b, a};
    }
    struct Hash {
        std::size_t operator()(const std::pair<PersonId, PersonId>& p) const noexcept {
            return std::hash<PersonId>{}(p.first * 1000003 ^ p.second);
        }
    };
    const LiveContext& context_;
    std::unordered_set<std::pair<PersonId, PersonId>, Hash> never_;
    std::unordered_set<PersonId> grouped_;
};

int size_of(const Table& table) { return static_cast<int>(table.size()); }

// The cheapest table for person among those with room (and not `except`), or tables.size().
std::size_t best_with_room(const std::vector<Table>& tables, const SeatCost& cost, PersonId person, int max,
                           std::size_t except) {
    std::size_t best = tables.size();
    double best_cost = 0;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (t == except || tables[t].empty() || size_of(tables[t]) >= max) continue;
        double c = cost.table(person, tables[t]);
        if (best == tables.size() || c < best_cost) best = t, best_cost = c;
    }
    return best;
}

// The cheapest movable person to bring to `members` from tables that can spare one above min.
bool best_donor(const std::vector<Table>& tables, const SeatCost& cost, const Table& members, int min,
                std::size_t except, std::size_t& from, std::size_t& slot) {
    double best_cost = 0;
    bool found = false;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (t == except || size_of(tables[t]) <= min) continue;
        for (std::size_t s = 0; s < tables[t].size(); ++s) {
            PersonId person = tables[t][s];
            if (cost.grouped(person)) continue;
            double c = cost.table(person, members) - cost.table(person, tables[t]);
            if (!found || c < best_cost) from = t, slot = s, best_cost = c, found = true;
        }
    }
    return found;
}

}  // namespace

std::vector<Move> seat_late_joiner(const LiveContext& context, const Person& joiner) {
    const auto& tables = *context.tables;
    SeatCost cost(context);
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
        return 1e12 * size_of(tables[t]) + cost.table(joiner.id, tables[t]);
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
