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

// n people at `tables` tables, the larger tables first.
std::vector<int> even_sizes(int n, int tables);

}  // namespace ensemble::matching
