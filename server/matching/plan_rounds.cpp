// Planned ahead: every round for a known list, optimised together.
#include <algorithm>
#include <random>

#include "matching/designs.hpp"
#include "matching/matcher.hpp"
#include "matching/problem.hpp"
#include "matching/score.hpp"
#include "matching/solve.hpp"
#include "matching/table_sizes.hpp"

namespace ensemble::matching {
namespace {

// Work for a whole plan when the caller gives no step count, per second of budget, so that a longer time
// limit buys proportionally more search; on small instances the step cap (deterministic) ends a search
// before the clock, on hard ones the machine may be slower and the clock ends it. At least 2 million.
constexpr std::int64_t steps_per_second = 200'000;
constexpr std::int64_t least_steps = 2'000'000;
// Restarts without progress before an attempt gives up, per 10 s of budget (at least one such unit).
constexpr int patience_per_10_seconds = 40;

struct Attempts {
    std::int64_t steps = 0;
    int patience = 0;
};

Attempts work_for(const PlanRequest& request) {
    if (request.max_steps > 0) return {request.max_steps, automatic_patience};
    double seconds = std::chrono::duration<double>(request.budget).count();
    double units = std::clamp(seconds / 10, 1.0, 1e6);
    return {std::max(least_steps, static_cast<std::int64_t>(std::min(seconds, 1e7) * steps_per_second)),
            static_cast<int>(patience_per_10_seconds * std::min(units, 1000.0))};
}

// Tries attempts (fresh seed, fresh start) with these table sizes until zero repeats, the step cap or the
// deadline; keeps the attempt with the fewest repeats.
Plan plan_with_sizes(const Problem& problem, const PlanRequest& request, const std::vector<int>& sizes,
                     const std::vector<std::string>& base_problems,
                     std::chrono::steady_clock::time_point deadline) {
    Plan plan;
    plan.first_round = request.first_round;
    plan.report.problems = base_problems;
    SolveInput input;
    input.history = request.history;
    input.first_round = request.first_round;
    input.rounds = request.rounds;
    input.sizes = sizes;
    input.deadline = deadline;
    bool uniform = !sizes.empty() &&
                   std::all_of(sizes.begin(), sizes.end(), [&](int size) { return size == sizes.front(); });
    // Fresh attempts only help when zero repeats may be within reach: each person meets k - 1 new people a
    // round, and a second round needs at least as many tables as seats a table.
    int k = sizes.empty() ? 1 : sizes.front();
    int tables = static_cast<int>(sizes.size());
    bool reachable = request.rounds <= round_limit(problem.n, k) && (request.rounds == 1 || k <= tables);
    Attempts work = work_for(request);
    input.patience = work.patience;
    std::int64_t steps_left = work.steps;
    auto present = unique_people(problem, request.people);
    ScoreInput scoring{present,      request.history,    request.constraints, request.preferences,
                       request.size, request.first_round};
    std::mt19937_64 reseed(request.seed);
    for (int attempt = 0; steps_left > 0; ++attempt) {
        input.seed = attempt == 0 ? request.seed : reseed();
        input.max_steps = steps_left;
        // The constructed start does not depend on the seed, which only relabels people. One short of the
        // rounds still helps (32 × 4 × 10); shorter ones trap the search.
        input.seeds.clear();
        if (uniform) input.seeds = design_rounds(problem.n, sizes.front(), request.rounds, input.seed);
        if (static_cast<int>(input.seeds.size()) + 1 < request.rounds) input.seeds.clear();
        Plan tried;
        tried.first_round = request.first_round;
        tried.report.problems = base_problems;
        SolveOutput output = solve(problem, input, tried.report.problems);
        for (const auto& round : output.rounds) tried.rounds.push_back(to_ids(problem, round));
        score(scoring, tried.rounds, tried.report);
        tried.report.steps = plan.report.steps + output.steps;
        steps_left -= std::max<std::int64_t>(1, output.steps);
        if (attempt == 0 || tried.report.cost < plan.report.cost)
            plan = std::move(tried);
        else
            plan.report.steps = tried.report.steps;
        if (plan.report.cost == 0 || plan.report.new_repeated_pairs == 0 || !reachable) break;
        if (std::chrono::steady_clock::now() >= deadline) break;
    }
    return plan;
}

}  // namespace

Plan plan_rounds(const PlanRequest& request) {
    auto started = std::chrono::steady_clock::now();
    auto deadline = deadline_after(started, request.budget);
    std::vector<std::string> base_problems;
    Problem problem = make_problem(request.people, request.constraints, request.preferences, request.size.max,
                                   base_problems);
    Plan plan;
    plan.first_round = request.first_round;
    plan.report.problems = base_problems;
    if (request.rounds <= 0) return plan;
    auto sizes = table_sizes(problem.n, request.size, base_problems);
    plan = plan_with_sizes(problem, request, sizes, base_problems, deadline);
    if (auto more = one_more_table(problem.n, sizes, request.size);
        request.smaller_tables_when_repeating && plan.report.repeated_pairs > 0 && !more.empty()) {
        Plan smaller = plan_with_sizes(problem, request, more, base_problems, deadline);
        if (smaller.report.repeated_pairs < plan.report.repeated_pairs) plan = std::move(smaller);
    }
    note_organisations_apart(request.preferences, plan.report);
    plan.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return plan;
}

}  // namespace ensemble::matching
