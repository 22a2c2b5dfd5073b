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
    auto plan = matching::plan_rounds(request);
    // When the count of tables forces repeats (12 people at 3 tables, say), smaller tables may not.
    if (plan.report.repeated_pairs > 0 && request.size.target > request.size.min) {
        --request.size.target;
        auto smaller = matching::plan_rounds(request);
        if (smaller.report.repeated_pairs < plan.report.repeated_pairs) plan = std::move(smaller);
    }
    return plan;
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
