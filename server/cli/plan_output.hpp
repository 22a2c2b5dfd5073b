#pragma once
// Writes a plan as csv, json or text, and its score report for the host.

#include <iosfwd>
#include <string>
#include <vector>

#include "matching/matcher.hpp"

namespace ensemble::cli {

// Who the ids 1..N of a plan are: names from a file, or plain numbers.
struct Roster {
    std::vector<std::string> names;  // names[id - 1]
    // As the matcher sees each: id, organisation (or --keep-apart value), needs, offers, département.
    std::vector<matching::Person> people;
    bool numbered = false;
};

void write_plan(const matching::Plan& plan, const Roster& roster, const std::string& format,
                std::ostream& out);
void write_report(const matching::Report& report, int people, int table_size, int rounds, std::ostream& err);
// Per round, the needs met and the most any seating could meet (matching/needs.hpp); nothing without needs.
void write_needs(const matching::Plan& plan, const Roster& roster, int table_size, std::ostream& err);

}  // namespace ensemble::cli
