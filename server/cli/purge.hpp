#pragma once
// `ensemble purge`: deletes, on demand, every event whose retention is over (the server does it daily).

#include <iosfwd>
#include <string>
#include <vector>

#include "domain/types.hpp"

namespace ensemble::cli {

extern const char* const purge_usage;

// args are the words after `purge`; `now` is the time retention is measured at. Returns the exit code.
int run_purge(const std::vector<std::string>& args, domain::TimeMs now, std::ostream& out, std::ostream& err);

}  // namespace ensemble::cli
