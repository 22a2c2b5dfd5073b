#pragma once
// `ensemble plan`: plans every round's tables ahead for a known list of attendees.

#include <iosfwd>
#include <string>
#include <vector>

namespace ensemble::cli {

// args are the words after `plan`. Returns the process exit code.
int run_plan(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ensemble::cli
