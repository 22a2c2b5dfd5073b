#pragma once
// A series of events (a monthly meeting, a programme): people who give the same email in its events are
// one person, and a new event of the series avoids seating together those who met in an earlier one.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ensemble::domain {

// The key that makes two entries of a series one person: the email trimmed and in lower case (ASCII);
// empty without an email. Never shown to anyone: it only says "same person".
std::string person_key(std::string_view email);

// Who met whom in the earlier events of a series: person key -> the keys of everyone they sat with.
using SeriesPast = std::unordered_map<std::string, std::vector<std::string>>;

}  // namespace ensemble::domain
