#pragma once
// The words of a live event, as plain data: no I/O, no clock (times are passed in).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/settings.hpp"
#include "matching/matcher.hpp"

namespace ensemble::domain {

using AttendeeId = std::int64_t;
using TimeMs = std::int64_t;  // milliseconds since the Unix epoch

enum class Phase { lobby, round, pause_between_rounds, ended };

enum class AttendeeStatus { active, left, removed };

struct Attendee {
    AttendeeId id = 0;
    std::string name;
    std::string organisation;
    std::string role;
    AttendeeStatus status = AttendeeStatus::active;
    TimeMs joined_at = 0;
    bool connected = false;  // live only: never persisted
};

struct ChatMessage {
    AttendeeId from = 0;
    std::string name;  // the author's name when written
    std::string text;
    TimeMs at = 0;
};

// A table of the current round; its number is its index + 1 and stays stable all round.
struct Table {
    std::vector<AttendeeId> seats;
    std::vector<ChatMessage> chat;
};

// The seats of one round's tables: table n is [n - 1], empty once everyone left it.
using RoundSeats = std::vector<std::vector<AttendeeId>>;

// Everything an event is, as data: what storage saves and restores.
struct EventState {
    std::string id;
    EventSettings settings;
    TimeMs created_at = 0;
    Phase phase = Phase::lobby;
    int round = 0;                   // current or last round; 0 before the start
    std::optional<TimeMs> deadline;  // end of the current round or break, unless paused
    bool paused = false;
    std::int64_t remaining_ms = 0;  // time left, frozen while paused
    std::map<AttendeeId, Attendee> attendees;
    std::vector<Table> tables;  // the current round's tables
    // Round n < `round` is past_rounds[n - 1], as it stood when the next round started.
    std::vector<RoundSeats> past_rounds;
    matching::History history;  // who met whom, over all rounds
    std::optional<matching::Plan>
        plan;  // every round planned at the start; followed while attendance matches
};

const char* to_string(Phase phase);
std::optional<Phase> phase_from_string(const std::string& text);
const char* to_string(AttendeeStatus status);
std::optional<AttendeeStatus> status_from_string(const std::string& text);

}  // namespace ensemble::domain
