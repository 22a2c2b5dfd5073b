#include "cli/plan_output.hpp"

#include <iomanip>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/plan_csv.hpp"
#include "matching/needs.hpp"
#include "matching/table_sizes.hpp"

namespace ensemble::cli {
namespace {

const std::string& name_of(const Roster& roster, matching::PersonId id) {
    return roster.names[static_cast<std::size_t>(id - 1)];
}

void write_csv(const matching::Plan& plan, const Roster& roster, std::ostream& out) {
    out << "round,table,attendee\n";
    for (std::size_t r = 0; r < plan.rounds.size(); ++r)
        for (std::size_t t = 0; t < plan.rounds[r].size(); ++t)
            for (auto id : plan.rounds[r][t])
                out << r + 1 << ',' << t + 1 << ',' << csv_field(name_of(roster, id)) << '\n';
}

nlohmann::json report_json(const matching::Report& report) {
    return {{"repeated_pairs", report.repeated_pairs},
            {"same_organisation_pairs", report.same_organisation_pairs},
            {"table_sizes", report.table_sizes},
            {"seconds", report.seconds},
            {"proven_optimal", report.proven_optimal},
            {"problems", report.problems}};
}

void write_json(const matching::Plan& plan, const Roster& roster, std::ostream& out) {
    nlohmann::json rounds = nlohmann::json::array();
    for (const auto& round : plan.rounds) {
        nlohmann::json tables = nlohmann::json::array();
        for (const auto& table : round) {
            nlohmann::json seats = nlohmann::json::array();
            for (auto id : table) {
                if (roster.numbered)
                    seats.push_back(id);
                else
                    seats.push_back(name_of(roster, id));
            }
            tables.push_back(std::move(seats));
        }
        rounds.push_back(std::move(tables));
    }
    nlohmann::json document = {{"rounds", std::move(rounds)}, {"report", report_json(plan.report)}};
    out << document.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_text(const matching::Plan& plan, const Roster& roster, std::ostream& out) {
    for (std::size_t r = 0; r < plan.rounds.size(); ++r) {
        out << (r ? "\n" : "") << "Round " << r + 1 << '\n';
        for (std::size_t t = 0; t < plan.rounds[r].size(); ++t) {
            out << "  Table " << t + 1 << ": ";
            for (std::size_t i = 0; i < plan.rounds[r][t].size(); ++i)
                out << (i ? ", " : "") << name_of(roster, plan.rounds[r][t][i]);
            out << '\n';
        }
    }
}

}  // namespace

void write_plan(const matching::Plan& plan, const Roster& roster, const std::string& format,
                std::ostream& out) {
    if (format == "json")
        write_json(plan, roster, out);
    else if (format == "text")
        write_text(plan, roster, out);
    else
        write_csv(plan, roster, out);
}

void write_report(const matching::Report& report, int people, int table_size, int rounds, std::ostream& err) {
    std::map<int, int> sizes;
    for (int size : report.table_sizes) ++sizes[size];
    err << "repeated pairs: " << report.repeated_pairs
        << "\nsame-organisation pairs: " << report.same_organisation_pairs << "\ntables per round:";
    for (const auto& [size, count] : sizes) err << ' ' << count << " of " << size;
    err << "\ntime: " << std::fixed << std::setprecision(3) << report.seconds << " s\n";
    int bound = matching::round_limit(people, table_size);
    if (report.repeated_pairs > 0 && rounds > bound)
        err << "note: with tables of " << table_size << ", " << people
            << " people can meet without repeats for at most " << bound
            << (bound == 1 ? " round\n" : " rounds\n");
    for (const auto& problem : report.problems) err << "problem: " << problem << '\n';
}

void write_needs(const matching::Plan& plan, const Roster& roster, int table_size, std::ostream& err) {
    std::unordered_map<matching::PersonId, const matching::Person*> by_id;
    for (const auto& person : roster.people) by_id[person.id] = &person;
    int most = matching::most_needs_met(roster.people, table_size);
    for (std::size_t r = 0; r < plan.rounds.size(); ++r) {
        auto count = matching::count_needs_met(plan.rounds[r], by_id);
        if (count.needs == 0) return;
        err << "needs met, round " << r + 1 << ": " << count.met << " of " << count.needs << " (at most "
            << most << " for any seating)\n";
    }
}

}  // namespace ensemble::cli
