#pragma once
// Writes a plan as csv, json or text, and its score report for the host.

#include <iosfwd>
#include <string>
#include <vector>

#include "matching/matcher.hpp"

namespace ensemble::cli {

// Who the ids 1..N of a plan are: names from a file, or plain numbers.
struct Roster {
    std::vector<std::string> names;   // names[id - 1]
    std::vector<std::string> groups;  // organisation or --keep-apart value, may be empty
    bool numbered = false;
};

void write_plan(const matching::Plan& plan, const Roster& roster, const std::string& format,
                std::ostream& out);
void write_report(const matching::Report& report, int people, int table_size, int rounds, std::ostream& err);

}  // namespace ensemble::cli
