// Planned ahead: every round for a known list, optimised together.
#include <algorithm>
#include <limits>
#include <random>

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
constexpr int automatic_attempts = 6;

}  // namespace

Plan plan_rounds(const PlanRequest& request) {
    auto started = std::chrono::steady_clock::now();
    Plan plan;
    plan.first_round = request.first_round;
    std::vector<std::string> base_problems;
    Problem problem = make_problem(request.people, request.constraints, request.preferences, request.size.max,
                                   base_problems);
    plan.report.problems = base_problems;
    if (request.rounds <= 0) return plan;
    SolveInput input;
    input.history = request.history;
    input.first_round = request.first_round;
    input.rounds = request.rounds;
    input.sizes = table_sizes(problem.n, request.size, base_problems);
    input.patience = automatic_patience;
    input.deadline = started + request.budget;
    bool uniform = !input.sizes.empty() && std::all_of(input.sizes.begin(), input.sizes.end(),
                                                       [&](int size) { return size == input.sizes.front(); });
    // Fresh attempts (new seed, new start) only help when zero repeats may be within reach: each person
    // meets k - 1 new people a round, and a second round needs at least as many tables as seats a table.
    int k = input.sizes.empty() ? 1 : input.sizes.front();
    int tables = static_cast<int>(input.sizes.size());
    bool reachable =
        k < 2 || (request.rounds <= (problem.n - 1) / (k - 1) && (request.rounds == 1 || k <= tables));
    int attempts = request.max_steps > 0 ? std::numeric_limits<int>::max() : automatic_attempts;
    std::int64_t steps_left = request.max_steps > 0 ? request.max_steps : plan_steps;
    auto present = unique_people(problem, request.people);
    std::mt19937_64 reseed(request.seed);
    for (int attempt = 0; steps_left > 0 && attempt < attempts; ++attempt) {
        input.seed = attempt == 0 ? request.seed : reseed();
        input.max_steps = steps_left;
        // A geometric seed short of one round still helps (32 × 4 × 10); shorter ones trap the search.
        input.seeds.clear();
        if (uniform) input.seeds = affine_rounds(problem.n, input.sizes.front(), request.rounds, input.seed);
        if (static_cast<int>(input.seeds.size()) + 1 < request.rounds) input.seeds.clear();
        Plan tried;
        tried.first_round = request.first_round;
        tried.report.problems = base_problems;
        SolveOutput output = solve(problem, input, tried.report.problems);
        for (const auto& round : output.rounds) tried.rounds.push_back(to_ids(problem, round));
        score(present, request.history, request.constraints, request.size, tried.rounds, tried.report);
        tried.report.steps = plan.report.steps + output.steps;
        steps_left -= std::max<std::int64_t>(1, output.steps);
        if (attempt == 0 || tried.report.repeated_pairs < plan.report.repeated_pairs) plan = std::move(tried);
        else plan.report.steps = tried.report.steps;
        if (plan.report.new_repeated_pairs == 0 || !reachable) break;
        if (std::chrono::steady_clock::now() >= input.deadline) break;
    }
    note_organisations_apart(request.preferences, plan.report);
    plan.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return plan;
}

}  // namespace ensemble::matching
