// Live rounds: one round for the people present, given the history so far.
#include <algorithm>

#include "matching/matcher.hpp"
#include "matching/problem.hpp"
#include "matching/score.hpp"
#include "matching/solve.hpp"
#include "matching/table_sizes.hpp"

namespace ensemble::matching {
namespace {

// Enough steps to clear the conflicts a live round meets; the budget stops it sooner on slow machines.
std::int64_t live_steps(int n) { return 2000 + 4 * static_cast<std::int64_t>(n); }
// Swap evaluations a live round may spend: about 50 ms on this class of machine, whatever the room's size.
constexpr std::int64_t live_evaluations = 8'000'000;

}  // namespace

RoundResult next_round(const RoundRequest& request) {
    auto started = std::chrono::steady_clock::now();
    RoundResult result;
    auto& problems = result.report.problems;
    Problem problem =
        make_problem(request.people, request.constraints, request.preferences, request.size.max, problems);
    SolveInput input;
    input.history = request.history;
    input.first_round = request.round;
    input.sizes = table_sizes(problem.n, request.size, problems);
    input.seed = request.seed;
    input.max_steps = request.max_steps > 0 ? request.max_steps : live_steps(problem.n);
    input.patience = request.max_steps > 0 ? 0 : automatic_patience;
    input.max_evaluations = request.max_steps > 0 ? 0 : live_evaluations;
    input.deadline = deadline_after(started, request.budget);
    if (request.start)
        for (const auto& table : *request.start) {
            std::vector<int> members;
            for (PersonId id : table) {
                auto it = problem.index.find(id);
                if (it != problem.index.end()) members.push_back(it->second);
            }
            input.start.push_back(std::move(members));
        }
    SolveOutput output = solve(problem, input, problems);
    result.tables = to_ids(problem, output.rounds.front());
    auto present = unique_people(problem, request.people);
    auto base_problems = problems;
    ScoreInput scoring{present,      request.history, request.constraints, request.preferences,
                       request.size, request.round};
    score(scoring, {result.tables}, result.report);

    if (auto more_sizes = one_more_table(problem.n, input.sizes, request.size);
        result.report.new_repeated_pairs > 0 && !more_sizes.empty()) {
        input.sizes = std::move(more_sizes);
        Report more_report;
        more_report.problems = base_problems;
        SolveOutput more = solve(problem, input, more_report.problems);
        auto more_tables = to_ids(problem, more.rounds.front());
        score(scoring, {more_tables}, more_report);
        if (more_report.new_repeated_pairs < result.report.new_repeated_pairs &&
            more_report.cost < result.report.cost &&
            more_report.problems.size() <= result.report.problems.size()) {
            result.tables = std::move(more_tables);
            result.report = std::move(more_report);
            output.steps += more.steps;
        }
    }
    note_organisations_apart(request.preferences, result.report);
    result.report.steps = output.steps;
    result.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace ensemble::matching
