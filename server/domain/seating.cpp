#include "domain/seating.hpp"

#include "domain/reference_data.hpp"
#include "domain/types.hpp"
#include "matching/needs.hpp"

namespace ensemble::domain {
namespace {

constexpr std::chrono::milliseconds matcher_budget{100};
constexpr std::chrono::milliseconds planner_budget{500};

// A local round weighs place above a repeat (repeat_weight 100): meeting again someone nearby beats meeting
// someone far away; a bordering département is nearly as good as one's own.
constexpr double local_distant_weight = 300.0;
constexpr double local_neighbouring_weight = 30.0;

matching::Plan plan_all_rounds(const SeatingJob& job) {
    matching::PlanRequest request;
    request.people = job.people;
    request.rounds = job.rounds_to_plan;
    request.first_round = job.round;
    request.history = &job.history;
    request.size = job.shape.size;
    request.preferences = job.shape.preferences;
    request.seed = job.seed;
    request.budget = planner_budget;
    request.smaller_tables_when_repeating = true;  // as live rounds do, see matching/table_sizes.hpp
    return matching::plan_rounds(request);
}

}  // namespace

matching::Person person_of(const Attendee& attendee, RoundKind kind) {
    matching::Person person{attendee.id, attendee.organisation, {}};
    const auto& purpose = attendee.purpose;
    if (kind == RoundKind::mutual_help || kind == RoundKind::topic_tables) {
        person.needs = purpose.needs;
        person.offers = purpose.offers;
    }
    if (kind == RoundKind::local && !purpose.departement.empty()) {
        person.departement = purpose.departement;
        if (const auto* departement = find_departement(purpose.departement))
            person.neighbours = departement->neighbours;
    }
    return person;
}

RoundShape round_shape(const EventSettings& settings, RoundKind kind) {
    RoundShape shape{{settings.table_size, settings.min_table_size, settings.max_table_size}, {}};
    if (kind == RoundKind::pairs) shape.size = {2, 2, 3};
    if (kind == RoundKind::local) {
        shape.preferences.distant_weight = local_distant_weight;
        shape.preferences.neighbouring_weight = local_neighbouring_weight;
    }
    return shape;
}

SeatingResult form_tables(const SeatingJob& job) {
    if (job.kind == RoundKind::topic_tables && !job.topic_tables.empty()) return seat_topic_round(job);
    matching::RoundRequest request;
    request.people = job.people;
    request.history = &job.history;
    request.size = job.shape.size;
    request.preferences = job.shape.preferences;
    request.constraints.keep_together = job.keep_together;
    request.round = job.round;
    request.seed = job.seed;
    request.budget = matcher_budget;
    if (job.kind == RoundKind::mutual_help)
        for (auto& group :
             matching::need_groups(job.people, &job.history, job.shape.size.target, job.needs_first))
            request.constraints.keep_together.push_back(std::move(group));
    SeatingResult result;
    if (job.rounds_to_plan > 0) result.plan = plan_all_rounds(job);
    const auto& plan = result.plan ? result.plan : job.plan;
    // Only discovery rounds follow the plan: the others seat by what they are for.
    bool follow = plan && job.kind == RoundKind::discovery;
    result.tables =
        (follow ? matching::next_round_from_plan(*plan, request) : matching::next_round(request)).tables;
    return result;
}

}  // namespace ensemble::domain
