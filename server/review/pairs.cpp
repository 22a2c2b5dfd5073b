#include "review/pairs.hpp"

#include <map>
#include <set>
#include <utility>

namespace ensemble::review {
namespace {

using Key = std::pair<PersonId, PersonId>;

Key key_of(PersonId x, PersonId y) { return x < y ? Key{x, y} : Key{y, x}; }

Sides sides_of(bool first, bool second) {
    return first && second ? Sides::both : (first || second ? Sides::one : Sides::none);
}

}  // namespace

const char* to_string(Sides sides) {
    switch (sides) {
        case Sides::both:
            return "both";
        case Sides::one:
            return "one";
        case Sides::none:
            break;
    }
    return "none";
}

std::vector<Pair> pairs_of(const EventGraph& graph) {
    // round → table: a pair shares at most one table a round, so a repeated row counts once.
    std::map<Key, std::map<int, int>> met;
    for (const auto& e : graph.encounters)
        if (e.a != e.b) met[key_of(e.a, e.b)][e.round] = e.table;
    std::set<Key> yes, answered, wish;  // (from, about)
    for (const auto& t : graph.talked) {
        answered.emplace(t.from, t.about);
        if (t.talked) yes.emplace(t.from, t.about);
    }
    for (const auto& w : graph.wishes) wish.emplace(w.from, w.about);
    std::vector<Pair> pairs;
    pairs.reserve(met.size());
    for (const auto& [key, rounds] : met) {
        Pair p;
        p.a = key.first;
        p.b = key.second;
        for (const auto& [round, table] : rounds) {
            p.rounds.push_back(round);
            p.tables.push_back(table);
        }
        p.talked = sides_of(yes.count({p.a, p.b}) > 0, yes.count({p.b, p.a}) > 0);
        p.keep_in_touch = sides_of(wish.count({p.a, p.b}) > 0, wish.count({p.b, p.a}) > 0);
        p.answered = answered.count({p.a, p.b}) > 0 || answered.count({p.b, p.a}) > 0;
        pairs.push_back(std::move(p));
    }
    return pairs;
}

}  // namespace ensemble::review
