#pragma once
// The attendees of `ensemble plan`: numbered 1..N, or read from a CSV file.

#include <string>

#include "cli/plan_args.hpp"
#include "cli/plan_output.hpp"

namespace ensemble::cli {

// Returns an empty string on success, else what is wrong with the file in words.
std::string load_roster(const PlanOptions& options, Roster& roster);

}  // namespace ensemble::cli
