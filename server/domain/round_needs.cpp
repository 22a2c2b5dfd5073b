#include "domain/round_needs.hpp"

#include "matching/needs.hpp"

namespace ensemble::domain {
namespace {

// The topic by which someone at `seats` helps `seeker`, or null.
const std::string* helped_on(const EventState& s, AttendeeId seeker, const std::vector<AttendeeId>& seats) {
    const auto& needs = s.attendees.at(seeker).purpose.needs;
    if (needs.empty()) return nullptr;
    for (AttendeeId other : seats)
        if (other != seeker)
            if (const auto* topic = matching::topic_offered(s.attendees.at(other).purpose.offers, needs))
                return topic;
    return nullptr;
}

}  // namespace

RoundNeeds needs_at(const EventState& s, const RoundSeats& seats) {
    RoundNeeds needs;
    for (const auto& table : seats)
        for (AttendeeId id : table) {
            if (s.attendees.at(id).purpose.needs.empty()) continue;
            (helped_on(s, id, table) ? needs.met : needs.unmet).push_back(id);
        }
    return needs;
}

std::set<AttendeeId> needs_never_met(const EventState& s) {
    std::set<AttendeeId> never;
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.status == AttendeeStatus::active && !attendee.purpose.needs.empty()) never.insert(id);
    auto strike = [&](const std::vector<AttendeeId>& table) {
        for (AttendeeId id : table)
            if (never.count(id) && helped_on(s, id, table)) never.erase(id);
    };
    for (const auto& seats : s.past_rounds)
        for (const auto& table : seats) strike(table);
    if (s.round > 0)
        for (const auto& table : s.tables) strike(table.seats);
    return never;
}

std::optional<ServedNeed> served_need(const EventState& s, const std::vector<AttendeeId>& seats) {
    for (AttendeeId id : seats)
        if (const auto* topic = helped_on(s, id, seats)) return ServedNeed{id, *topic};
    return std::nullopt;
}

}  // namespace ensemble::domain
