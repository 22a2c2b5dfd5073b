#pragma once
// The options of `ensemble plan`, read from its arguments.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/settings.hpp"

namespace ensemble::cli {

struct PlanOptions {
    std::optional<int> count;
    std::string attendees_file;
    int table_size = 0;
    std::optional<int> min, max;
    int rounds = 0;
    std::string keep_apart;  // column whose equal values never share a table
    std::uint64_t seed = 1;
    double time_limit = 30;  // seconds, a safety cap on the search, at most max_time_limit
    std::string format = "csv";
    std::vector<domain::RoundKind> kinds;  // --kinds: of round 1, 2…; empty: all discovery
};

// A day: longer searches gain nothing, and larger values would overflow the clock's deadline.
constexpr double max_time_limit = 86400;

extern const char* const plan_usage;

// Returns an empty string on success, else what is wrong in words.
std::string parse_plan_args(const std::vector<std::string>& args, PlanOptions& options);

}  // namespace ensemble::cli
