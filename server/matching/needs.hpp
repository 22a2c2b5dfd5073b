#pragma once
// Needs met by offers. A person's need is met when a tablemate offers one of the topics they seek: one need
// per person who seeks help, whatever the number of topics they named.

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "matching/matcher.hpp"

namespace ensemble::matching {

// The first of the topics someone seeks that a helper offers, or null: the one definition of a need met.
const std::string* topic_offered(const std::vector<std::string>& offers,
                                 const std::vector<std::string>& needs);

struct NeedCount {
    int needs = 0;  // people seated who seek help
    int met = 0;    // of them, those with a tablemate who offers what they seek
};

// Over one round's tables; people missing from `people` count for nothing. `met`, when given, receives
// the ids of those whose need is met.
NeedCount count_needs_met(const std::vector<Table>& tables,
                          const std::unordered_map<PersonId, const Person*>& people,
                          std::unordered_set<PersonId>* met = nullptr);

// The most needs any seating could meet: a maximum flow from the people who seek help, through the
// topics they seek, to the people who offer them, each helper sitting with at most largest_table − 1
// others. No seating meets more (it is an upper bound, also counting what tables cannot all reach).
int most_needs_met(const std::vector<Person>& people, int largest_table);

// Small groups, each of a helper and people whose need they meet, to keep at one table so that a
// mutual-help round meets as many needs as the flow above allows within tables of `table_size`. Those in
// `first` (needs not met yet in the event) are served before the others; pairs who met before are avoided
// where another helper of the same topic has room.
std::vector<std::vector<PersonId>> need_groups(const std::vector<Person>& people, const History* history,
                                               int table_size, const std::unordered_set<PersonId>& first);

}  // namespace ensemble::matching
