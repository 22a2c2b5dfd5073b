#include "matching/matcher.hpp"

namespace ensemble::matching {

std::uint64_t History::key(PersonId a, PersonId b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) |
           static_cast<std::uint32_t>(b);
}

void History::record_pair(PersonId a, PersonId b, int round) {
    if (a == b) return;
    auto& meeting = meetings_[key(a, b)];
    ++meeting.times;
    if (round > meeting.last_round) meeting.last_round = round;
}

void History::record_table(std::span<const PersonId> table, int round) {
    for (std::size_t i = 0; i < table.size(); ++i)
        for (std::size_t j = i + 1; j < table.size(); ++j) record_pair(table[i], table[j], round);
}

int History::times_met(PersonId a, PersonId b) const {
    auto it = meetings_.find(key(a, b));
    return it == meetings_.end() ? 0 : it->second.times;
}

int History::last_round_met(PersonId a, PersonId b) const {
    auto it = meetings_.find(key(a, b));
    return it == meetings_.end() ? 0 : it->second.last_round;
}

}  // namespace ensemble::matching
