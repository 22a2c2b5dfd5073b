#pragma once
// Seats every round of a problem: a greedy start, then tabu search over all rounds together.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "matching/problem.hpp"

namespace ensemble::matching {

struct SolveInput {
    const History* history = nullptr;
    int first_round = 1;
    int rounds = 1;
    std::vector<int> sizes;                            // the same tables every round
    std::vector<std::vector<int>> start;               // optional first-round seating, dense indices
    std::vector<std::vector<std::vector<int>>> seeds;  // optional seatings for the first rounds
    std::uint64_t seed = 1;
    std::int64_t max_steps = 0;
    int patience = 0;                  // see SearchLimits
    std::int64_t max_evaluations = 0;  // see SearchLimits
    std::chrono::steady_clock::time_point deadline;
};

struct SolveOutput {
    std::vector<std::vector<std::vector<int>>> rounds;  // [round][table] -> dense indices
    std::int64_t steps = 0;
    std::int64_t cost = 0;
};

// Up to this many people the pair store is a full matrix; beyond, a hash of the pairs that met.
constexpr int dense_limit = 2500;

// Restarts without a new best after which a search with automatic steps stops: it keeps results
// independent of the machine's speed when zero cost is out of reach.
constexpr int automatic_patience = 40;

// The clock's start + budget without overflow, however large the budget (a time limit of years).
inline std::chrono::steady_clock::time_point deadline_after(std::chrono::steady_clock::time_point start,
                                                            std::chrono::milliseconds budget) {
    auto room = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::time_point::max() - start);
    return budget >= room ? std::chrono::steady_clock::time_point::max() : start + budget;
}

SolveOutput solve(const Problem& problem, const SolveInput& input, std::vector<std::string>& problems);

}  // namespace ensemble::matching
