#include "review/pairs.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace ensemble::review {

const char* to_string(Both both) {
    switch (both) {
        case Both::none:
            return "none";
        case Both::one:
            return "one";
        case Both::both:
            return "both";
    }
    return "none";
}

namespace {

Both count(bool x, bool y) { return x && y ? Both::both : (x || y ? Both::one : Both::none); }

}  // namespace

Both Pair::talked() const { return count(a_talked, b_talked); }
Both Pair::keep_in_touch() const { return count(a_keeps, b_keeps); }

std::vector<Pair> pairs_of(const EventGraph& graph) {
    std::map<std::pair<PersonId, PersonId>, Pair> pairs;
    for (const auto& encounter : graph.encounters) {
        auto [a, b] = std::minmax(encounter.a, encounter.b);
        if (a == b) continue;
        auto& pair = pairs[{a, b}];
        pair.a = a;
        pair.b = b;
        // Two tables in one round cannot hold the same pair; a repeated row must not count twice.
        if (std::find(pair.round_list.begin(), pair.round_list.end(), encounter.round) ==
            pair.round_list.end())
            pair.round_list.push_back(encounter.round);
    }
    for (auto& [key, pair] : pairs) {
        std::sort(pair.round_list.begin(), pair.round_list.end());
        pair.rounds = static_cast<int>(pair.round_list.size());
    }
    auto find = [&](PersonId x, PersonId y) -> Pair* {
        auto it = pairs.find(std::minmax(x, y));
        return it == pairs.end() ? nullptr : &it->second;
    };
    for (const auto& answer : graph.talked) {
        Pair* pair = find(answer.from, answer.about);
        if (!pair || !answer.talked) continue;
        (answer.from == pair->a ? pair->a_talked : pair->b_talked) = true;
    }
    for (const auto& wish : graph.wishes) {
        Pair* pair = find(wish.from, wish.about);
        if (!pair) continue;
        (wish.from == pair->a ? pair->a_keeps : pair->b_keeps) = true;
    }
    std::vector<Pair> out;
    out.reserve(pairs.size());
    for (auto& [key, pair] : pairs) out.push_back(std::move(pair));
    return out;
}

}  // namespace ensemble::review
