#include "domain/seating.hpp"

namespace ensemble::domain {
namespace {

constexpr std::chrono::milliseconds matcher_budget{100};
constexpr std::chrono::milliseconds planner_budget{500};

matching::Plan plan_all_rounds(const SeatingJob& job) {
    matching::PlanRequest request;
    request.people = job.people;
    request.rounds = job.rounds_to_plan;
    request.first_round = job.round;
    request.history = &job.history;
    request.size = job.size;
    request.seed = job.seed;
    request.budget = planner_budget;
    request.smaller_tables_when_repeating = true;  // as live rounds do, see matching/table_sizes.hpp
    return matching::plan_rounds(request);
}

}  // namespace

SeatingResult form_tables(const SeatingJob& job) {
    matching::RoundRequest request;
    request.people = job.people;
    request.history = &job.history;
    request.size = job.size;
    request.round = job.round;
    request.seed = job.seed;
    request.budget = matcher_budget;
    SeatingResult result;
    if (job.rounds_to_plan > 0) result.plan = plan_all_rounds(job);
    const auto& plan = result.plan ? result.plan : job.plan;
    result.tables =
        (plan ? matching::next_round_from_plan(*plan, request) : matching::next_round(request)).tables;
    return result;
}

}  // namespace ensemble::domain
