#pragma once
// Needs met at a round's tables, as the host console shows them and a mutual-help table states its purpose.
// A need is met as the matcher counts it (matching/needs.hpp).

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/types.hpp"

namespace ensemble::domain {

struct RoundNeeds {
    std::vector<AttendeeId> met;    // seated with someone who offers what they seek
    std::vector<AttendeeId> unmet;  // seated, seeking help, and no tablemate offers it
};
RoundNeeds needs_at(const EventState& s, const RoundSeats& seats);

// Active attendees who seek help and whom no round so far (the past ones, and the current or last one) has
// seated with a helper. Read in place: the rounds are not copied.
std::set<AttendeeId> needs_never_met(const EventState& s);

// The need a mutual-help table serves: the first seeker at it, in seat order, whom a tablemate helps.
struct ServedNeed {
    AttendeeId seeker = 0;
    std::string topic;
};
std::optional<ServedNeed> served_need(const EventState& s, const std::vector<AttendeeId>& seats);

}  // namespace ensemble::domain
