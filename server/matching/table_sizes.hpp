#pragma once
// How many tables a round needs and how big each is.

#include <string>
#include <vector>

#include "matching/matcher.hpp"

namespace ensemble::matching {

// Sizes for n people, as even as possible, each within [min, max] when the count allows it;
// otherwise the closest split, with the reason appended to problems.
std::vector<int> table_sizes(int n, const TableSize& size, std::vector<std::string>& problems);

// The "smaller tables" policy, for live rounds and plans alike: when the count of tables forces repeats
// (12 people at 3 tables twice), one more, smaller table, if every table still seats `size.min`;
// otherwise empty. Callers keep it only when it repeats less; a live round also asks that it cost less in
// the cost model, so that a local round does not trade a repeat for someone from far away.
std::vector<int> one_more_table(int n, const std::vector<int>& sizes, const TableSize& size);

// The round limit: the most rounds in which n people at tables of k can meet only people new to them,
// floor((n - 1) / (k - 1)), each meeting k - 1 a round; no limit for tables of one.
int round_limit(int n, int k);

// n people at `tables` tables, the larger tables first.
std::vector<int> even_sizes(int n, int tables);

}  // namespace ensemble::matching
