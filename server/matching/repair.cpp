// Live repairs: seat a late joiner, rebalance after a leave, moving as few people as possible.
#include <algorithm>

#include "matching/matcher.hpp"

namespace ensemble::matching {
namespace {

double seat_cost(const LiveContext& context, PersonId person, const Table& table) {
    double total = 0;
    const auto& people = *context.people;
    auto mine = people.find(person);
    for (PersonId other : table) {
        if (context.history)
            total += context.preferences.repeat_weight * context.history->times_met(person, other);
        auto theirs = people.find(other);
        if (mine != people.end() && theirs != people.end() && !mine->second.organisation.empty() &&
            mine->second.organisation == theirs->second.organisation)
            total += context.preferences.same_organisation_weight;
    }
    return total;
}

// The table (other than `except`) where `person` fits best, preferring tables with room.
std::size_t best_table(const LiveContext& context, PersonId person, std::size_t except) {
    const auto& tables = *context.tables;
    std::size_t best = tables.size();
    double best_cost = 0;
    for (int pass = 0; pass < 2 && best == tables.size(); ++pass) {
        for (std::size_t t = 0; t < tables.size(); ++t) {
            if (t == except || tables[t].empty()) continue;
            bool has_room = static_cast<int>(tables[t].size()) < context.size.max;
            if (pass == 0 && !has_room) continue;
            // Overflowing: prefer the smallest table, then the best fit.
            double c = seat_cost(context, person, tables[t]) + (pass == 1 ? 1000.0 * tables[t].size() : 0);
            if (best == tables.size() || c < best_cost) best = t, best_cost = c;
        }
    }
    return best;
}

}  // namespace

std::vector<Move> seat_late_joiner(const LiveContext& context, const Person& joiner) {
    return {{joiner.id, best_table(context, joiner.id, context.tables->size())}};
}

std::vector<Move> rebalance_after_leave(const LiveContext& context) {
    const auto& tables = *context.tables;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (tables[t].size() != 1 || tables.size() == 1) continue;
        std::size_t to = best_table(context, tables[t][0], t);
        if (to != tables.size()) return {{tables[t][0], to}};
    }
    return {};
}

}  // namespace ensemble::matching
