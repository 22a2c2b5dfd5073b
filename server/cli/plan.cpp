#include "cli/plan.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ostream>
#include <unordered_set>

#include "cli/plan_args.hpp"
#include "cli/plan_output.hpp"
#include "cli/plan_roster.hpp"
#include "domain/seating.hpp"
#include "matching/needs.hpp"
#include "matching/score.hpp"

namespace ensemble::cli {
namespace {

// Rounds of kinds other than discovery are formed one after another, each given the ones before, as the
// live server forms them (domain::form_tables); needs no round has met yet go first in mutual help.
matching::Plan plan_by_kind(const PlanOptions& options, const std::vector<matching::Person>& people) {
    domain::EventSettings settings;
    settings.table_size = options.table_size;
    settings.min_table_size = *options.min;
    settings.max_table_size = *options.max;
    settings.round_kinds = options.kinds;
    auto started = std::chrono::steady_clock::now();
    matching::Plan plan;
    domain::SeatingJob job;
    job.people = people;
    std::unordered_map<matching::PersonId, const matching::Person*> by_id;
    for (const auto& p : people) by_id[p.id] = &p;
    std::unordered_set<matching::PersonId> met;
    for (int round = 1; round <= options.rounds; ++round) {
        job.round = round;
        job.kind = domain::kind_of_round(settings, round);
        job.shape = domain::round_shape(settings, job.kind);
        job.seed = options.seed + static_cast<std::uint64_t>(round);
        job.needs_first.clear();
        for (const auto& p : people)
            if (!p.needs.empty() && !met.count(p.id)) job.needs_first.insert(p.id);
        auto tables = domain::form_tables(job).tables;
        matching::count_needs_met(tables, by_id, &met);
        for (const auto& table : tables) job.history.record_table(table, round);
        plan.rounds.push_back(std::move(tables));
    }
    matching::Preferences preferences;
    preferences.keep_organisations_apart = !options.keep_apart.empty();
    matching::TableSize size{options.table_size, *options.min, *options.max};
    matching::Constraints none;
    matching::score({people, nullptr, none, preferences, size, 1}, plan.rounds, plan.report);
    plan.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return plan;
}

}  // namespace

int run_plan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
        out << plan_usage;
        return 0;
    }
    PlanOptions options;
    if (auto error = parse_plan_args(args, options); !error.empty()) {
        err << "ensemble plan: " << error << '\n' << plan_usage;
        return 2;
    }
    Roster roster;
    if (auto error = load_roster(options, roster); !error.empty()) {
        err << "ensemble plan: " << error << '\n';
        return 1;
    }
    int people = static_cast<int>(roster.names.size());
    if (options.table_size > people) {
        err << "ensemble plan: a table size of " << options.table_size << " is larger than the " << people
            << " attendees\n";
        return 1;
    }

    bool by_kind = std::any_of(options.kinds.begin(), options.kinds.end(),
                               [](auto kind) { return kind != domain::RoundKind::discovery; });
    matching::Plan plan;
    if (by_kind) {
        plan = plan_by_kind(options, roster.people);
    } else {
        matching::PlanRequest request;
        request.people = roster.people;
        request.rounds = options.rounds;
        request.size = {options.table_size, *options.min, *options.max};
        request.preferences.keep_organisations_apart = !options.keep_apart.empty();
        request.seed = options.seed;
        request.budget = std::chrono::milliseconds(std::llround(options.time_limit * 1000));
        plan = matching::plan_rounds(request);
    }

    write_plan(plan, roster, options.format, out);
    write_report(plan.report, people, options.table_size, options.rounds, err);
    write_needs(plan, roster, options.table_size, err);
    return 0;
}

}  // namespace ensemble::cli
