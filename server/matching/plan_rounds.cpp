// Planned ahead: every round for a known list, optimised together.
#include <algorithm>

#include "matching/affine_seed.hpp"
#include "matching/matcher.hpp"
#include "matching/problem.hpp"
#include "matching/score.hpp"
#include "matching/solve.hpp"
#include "matching/table_sizes.hpp"

namespace ensemble::matching {
namespace {

// Steps for a whole plan when the caller gives none: plenty for instances within the round bound.
constexpr std::int64_t plan_steps = 2'000'000;

}  // namespace

Plan plan_rounds(const PlanRequest& request) {
    auto started = std::chrono::steady_clock::now();
    Plan plan;
    plan.first_round = request.first_round;
    auto& problems = plan.report.problems;
    Problem problem = make_problem(request.people, request.constraints, request.preferences, request.size.max, problems);
    if (request.rounds <= 0) return plan;
    SolveInput input;
    input.history = request.history;
    input.first_round = request.first_round;
    input.rounds = request.rounds;
    input.sizes = table_sizes(problem.n, request.size, problems);
    input.seed = request.seed;
    input.max_steps = request.max_steps > 0 ? request.max_steps : plan_steps;
    input.patience = request.max_steps > 0 ? 0 : automatic_patience;
    input.deadline = started + request.budget;
    bool uniform = !input.sizes.empty() && std::all_of(input.sizes.begin(), input.sizes.end(),
                                                       [&](int size) { return size == input.sizes.front(); });
    // A geometric seed short of one round still helps (32 × 4 × 10); shorter ones trap the search.
    if (uniform) input.seeds = affine_rounds(problem.n, input.sizes.front(), request.rounds, request.seed);
    if (static_cast<int>(input.seeds.size()) + 1 < request.rounds) input.seeds.clear();
    SolveOutput output = solve(problem, input, problems);
    for (const auto& round : output.rounds) plan.rounds.push_back(to_ids(problem, round));
    score(unique_people(problem, request.people), request.history, request.constraints, request.size, plan.rounds,
          plan.report);
    note_organisations_apart(request.preferences, plan.report);
    plan.report.steps = output.steps;
    plan.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return plan;
}

}  // namespace ensemble::matching
