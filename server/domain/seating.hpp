#pragma once
// Forming a round's tables: heavy matcher work, as a job with its own copy of what it needs, so that it
// can run on another thread while the event goes on. Its result comes back as the SeatRound command.

#include <optional>
#include <vector>

#include "domain/settings.hpp"
#include "matching/matcher.hpp"

namespace ensemble::domain {

struct SeatingJob {
    int round = 0;
    std::vector<matching::Person> people;  // everyone present, in id order
    matching::History history;
    matching::TableSize size;
    std::uint64_t seed = 0;
    int rounds_to_plan = 0;              // > 0: plan every round from this one on, then seat the first
    std::optional<matching::Plan> plan;  // else: follow this plan while attendance matches it
};

struct SeatingResult {
    std::vector<matching::Table> tables;
    std::optional<matching::Plan> plan;  // a new plan, when one was made
};

// Pure and deterministic for a job.
SeatingResult form_tables(const SeatingJob& job);

}  // namespace ensemble::domain
