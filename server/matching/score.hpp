#pragma once
// The score report, computed from the tables and ids alone so that it checks the search.

#include <vector>

#include "matching/matcher.hpp"

namespace ensemble::matching {

// What the rounds are scored against: the people present and the request's history, rules and weights.
struct ScoreInput {
    const std::vector<Person>& people;
    const History* history;
    const Constraints& constraints;
    const Preferences& preferences;
    const TableSize& size;
    int first_round = 1;  // the number of rounds[0], for the history's recency
};

// Fills repeats (history included), same-organisation pairs, the cost model's total (pair_cost.hpp), the
// last round's sizes, and a problem for each broken hard constraint or table outside the range. Keeps
// report.problems already there.
void score(const ScoreInput& input, const std::vector<std::vector<Table>>& rounds, Report& report);

// With organisations kept apart, says in words when some could not be.
void note_organisations_apart(const Preferences& preferences, Report& report);

}  // namespace ensemble::matching
