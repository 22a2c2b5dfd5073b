#pragma once
// Where everyone sits in each searched round, indexed both ways.

#include <vector>

namespace ensemble::matching {

struct Layout {
    int rounds = 0;
    int n = 0;
    std::vector<std::vector<std::vector<int>>> tables;  // [round][table] -> people
    std::vector<int> table_of;                          // [round * n + person]
    std::vector<int> slot_of;                           // position within that table

    Layout(int round_count, int people) : rounds(round_count), n(people), tables(round_count) {
        table_of.assign(static_cast<std::size_t>(rounds) * n, -1);
        slot_of.assign(table_of.size(), -1);
    }
    int at(int round, int person) const { return table_of[static_cast<std::size_t>(round) * n + person]; }
    bool together(int round, int a, int b) const { return at(round, a) == at(round, b); }

    // Rebuilds the two indexes of one round from its tables.
    void index_round(int round) {
        for (int t = 0; t < static_cast<int>(tables[round].size()); ++t)
            for (int s = 0; s < static_cast<int>(tables[round][t].size()); ++s) {
                auto i = static_cast<std::size_t>(round) * n + tables[round][t][s];
                table_of[i] = t;
                slot_of[i] = s;
            }
    }
};

}  // namespace ensemble::matching
