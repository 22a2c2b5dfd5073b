// The live server following a plan while the people present are the ones it was made for.
#include <algorithm>
#include <unordered_set>

#include "matching/matcher.hpp"
#include "matching/score.hpp"

namespace ensemble::matching {
namespace {

bool same_people(const std::vector<Table>& tables, const std::vector<Person>& people) {
    std::unordered_set<PersonId> planned;
    std::size_t seats = 0;
    for (const auto& table : tables) {
        seats += table.size();
        planned.insert(table.begin(), table.end());
    }
    if (seats != people.size() || planned.size() != seats) return false;
    return std::all_of(people.begin(), people.end(),
                       [&](const Person& p) { return planned.count(p.id) > 0; });
}

// The plan stands when the history has not drifted from it and no hard constraint breaks.
bool still_good(const Report& report) { return report.problems.empty() && report.new_repeated_pairs == 0; }

}  // namespace

RoundResult next_round_from_plan(const Plan& plan, const RoundRequest& request) {
    auto started = std::chrono::steady_clock::now();
    auto index = static_cast<std::size_t>(request.round - plan.first_round);
    if (request.round < plan.first_round || index >= plan.rounds.size()) return next_round(request);
    const auto& planned = plan.rounds[index];
    if (same_people(planned, request.people)) {
        RoundResult result;
        result.tables = planned;
        score({request.people, request.history, request.constraints, request.preferences, request.size,
               request.round},
              {planned}, result.report);
        note_organisations_apart(request.preferences, result.report);
        if (still_good(result.report)) {
            result.report.from_plan = true;
            result.report.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            return result;
        }
    }
    RoundRequest adapted = request;
    adapted.start = &planned;
    return next_round(adapted);
}

}  // namespace ensemble::matching
