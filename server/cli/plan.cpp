#include "cli/plan.hpp"

#include <cmath>
#include <ostream>

#include "cli/plan_args.hpp"
#include "cli/plan_output.hpp"
#include "cli/plan_roster.hpp"
#include "matching/matcher.hpp"

namespace ensemble::cli {

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

    matching::PlanRequest request;
    for (int i = 0; i < people; ++i) request.people.push_back({i + 1, roster.groups[i], {}});
    request.rounds = options.rounds;
    request.size = {options.table_size, *options.min, *options.max};
    request.preferences.keep_organisations_apart = !options.keep_apart.empty();
    request.seed = options.seed;
    request.budget = std::chrono::milliseconds(std::llround(options.time_limit * 1000));
    matching::Plan plan = matching::plan_rounds(request);

    write_plan(plan, roster, options.format, out);
    write_report(plan.report, people, options.table_size, options.rounds, err);
    return 0;
}

}  // namespace ensemble::cli
