#include "matching/pair_cost.hpp"

#include <algorithm>
#include <cmath>

namespace ensemble::matching {

PairCost PairCost::from(const Preferences& preferences) {
    auto scaled = [](double weight) { return std::llround(std::clamp(weight, 0.0, 1e6) * 100); };
    PairCost cost;
    cost.repeat = scaled(preferences.repeat_weight);
    cost.organisation =
        preferences.keep_organisations_apart ? apart_cost : scaled(preferences.same_organisation_weight);
    cost.distance = {0, scaled(preferences.neighbouring_weight), scaled(preferences.distant_weight)};
    auto recency_unit = scaled(preferences.recency_weight);
    for (std::uint32_t c = 0; c < cost.by_class.size(); ++c)
        cost.by_class[c] = (c & never_class ? hard_cost : 0) + recency_unit * (c & (never_class - 1));
    return cost;
}

Distance distance(const Person& a, const Person& b) {
    if (a.departement.empty() || b.departement.empty() || a.departement == b.departement)
        return Distance::same_or_unknown;
    bool bordering = std::find(a.neighbours.begin(), a.neighbours.end(), b.departement) != a.neighbours.end();
    return bordering ? Distance::neighbouring : Distance::distant;
}

std::uint32_t recency_class(int round, int last_round) {
    int gap = std::max(1, round - last_round);
    return static_cast<std::uint32_t>(std::max(1, recency_classes - gap));
}

}  // namespace ensemble::matching
