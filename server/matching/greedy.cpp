// A first greedy matcher: seat each person at the open table where they know the fewest people.
#include <algorithm>
#include <chrono>
#include <random>

#include "matching/matcher.hpp"

namespace ensemble::matching {
namespace {

// Even table sizes for n people, each within [min, max] when the count allows it.
std::vector<int> table_sizes(int n, const TableSize& size, std::vector<std::string>& problems) {
    if (n <= 0) return {};
    if (n < size.min) {
        problems.push_back("only " + std::to_string(n) + " people: one table smaller than the minimum");
        return {n};
    }
    int fewest = (n + size.max - 1) / size.max;
    int most = n / size.min;
    int tables = std::clamp((n + size.target / 2) / size.target, 1, n);
    if (fewest <= most) tables = std::clamp(tables, fewest, most);
    else problems.push_back("no split of " + std::to_string(n) + " people fits tables of " +
                            std::to_string(size.min) + " to " + std::to_string(size.max));
    std::vector<int> sizes(tables, n / tables);
    for (int i = 0; i < n % tables; ++i) ++sizes[i];
    return sizes;
}

}  // namespace

RoundResult next_round(const RoundRequest& request) {
    auto started = std::chrono::steady_clock::now();
    RoundResult result;
    auto sizes = table_sizes(static_cast<int>(request.people.size()), request.size, result.report.problems);

    std::vector<const Person*> order;
    for (const auto& person : request.people) order.push_back(&person);
    std::mt19937_64 rng(request.seed);
    std::shuffle(order.begin(), order.end(), rng);

    History none;
    const History& history = request.history ? *request.history : none;
    auto cost = [&](const Person& person, const Table& table) {
        double total = 0;
        for (PersonId other : table) {
            total += request.preferences.repeat_weight * history.times_met(person.id, other);
            for (const auto& p : request.people)
                if (p.id == other && !p.organisation.empty() && p.organisation == person.organisation)
                    total += request.preferences.same_organisation_weight;
        }
        return total;
    };

    result.tables.resize(sizes.size());
    for (const Person* person : order) {
        std::size_t best = sizes.size();
        double best_cost = 0;
        for (std::size_t t = 0; t < sizes.size(); ++t) {
            if (static_cast<int>(result.tables[t].size()) >= sizes[t]) continue;
            double c = cost(*person, result.tables[t]);
            if (best == sizes.size() || c < best_cost) best = t, best_cost = c;
        }
        result.tables[best].push_back(person->id);
    }

    History after = history;
    for (const auto& table : result.tables) {
        after.record_table(table, request.round);
        result.report.table_sizes.push_back(static_cast<int>(table.size()));
    }
    std::vector<PersonId> everyone;
    for (const auto& p : request.people) everyone.push_back(p.id);
    for (std::size_t i = 0; i < everyone.size(); ++i)
        for (std::size_t j = i + 1; j < everyone.size(); ++j)
            result.report.repeated_pairs += std::max(0, after.times_met(everyone[i], everyone[j]) - 1);
    result.report.proven_optimal = result.report.repeated_pairs == 0;
    result.report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace ensemble::matching
