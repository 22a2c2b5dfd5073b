#pragma once
// The words of a live event, as plain data: no I/O, no clock (times are passed in).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "domain/purpose.hpp"
#include "domain/series.hpp"
#include "domain/settings.hpp"
#include "domain/topic_tables.hpp"
#include "matching/matcher.hpp"

namespace ensemble::domain {

using AttendeeId = std::int64_t;
using HostLinkId = std::int64_t;  // 1 is the creator's link; 0 is the server acting for the hosts
using TimeMs = std::int64_t;      // milliseconds since the Unix epoch

// An event still in its lobby this long after its creation is ended (protocol.md, Limits).
inline constexpr TimeMs lobby_lifetime_ms = TimeMs{30} * 24 * 3600 * 1000;

enum class Phase { lobby, round, pause_between_rounds, ended };

// merged: the host found this entry to be the same person as another, who carries on in its place.
enum class AttendeeStatus { active, left, removed, merged };

struct Attendee {
    AttendeeId id = 0;
    std::string name;
    std::string organisation;
    std::string role;
    AttendeeStatus status = AttendeeStatus::active;
    TimeMs joined_at = 0;
    bool connected = false;      // live only: never persisted
    AttendeeId merged_into = 0;  // for AttendeeStatus::merged
    // Given at joining, optional; shown only to someone both wish to keep in touch with (a mutual contact).
    std::string email{};
    std::string phone{};
    bool page_visible = true;           // live only: the page says whether it is shown (Page Visibility)
    std::optional<TimeMs> erased_at{};  // their personal data is gone: an anonymous entry
    Purpose purpose{};                  // needs, offers, département, structure: optional, changeable live
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

// A host link opens the console with full control; a staff link opens the review only, never the console.
enum class LinkRole { host, staff };

// A link: a secret, the name of the person it is for, and what it opens.
struct HostLink {
    HostLinkId id = 0;
    std::string name;             // may be empty for the creator's link (the console shows a default)
    std::string credential_hash;  // opaque to the domain: how this link proves who it is
    TimeMs created_at = 0;
    HostLinkId created_by = 0;  // 0 for the creator's link
    std::optional<TimeMs> revoked_at;
    LinkRole role = LinkRole::host;
    bool active() const { return !revoked_at; }
};

// One thing a host did, for the console's log of who did what.
struct HostAction {
    enum class Kind {
        start_event,
        next_round,
        end_round,
        extend_round,
        pause,
        resume,
        broadcast,
        move_attendee,
        remove_attendee,
        merge_attendees,
        end_event,
        host_link_created,
        host_link_revoked,
        staff_link_created,
        staff_link_revoked,
        erase_attendee,      // logged without the name
        round_kind_set,      // number: the round; text: its kind
        topic_table_opened,  // number: the topic round; text: the table's topic (its French label) or words
        topic_table_closed,  // the same
    };
    Kind kind = Kind::start_event;
    HostLinkId by = 0;
    std::string by_name;  // the link's name
    TimeMs at = 0;
    int number = 0;           // the round (start, next, end round), minutes (extend), table (move)
    AttendeeId attendee = 0;  // move, remove; merge: the duplicate
    HostLinkId link = 0;      // link created or revoked
    std::string name;         // of that attendee or link
    std::string text;         // broadcast
    AttendeeId into = 0;      // merge: the entry kept
    std::string into_name;
};

// Presence at one seat of the current round (one attendee at one table), summed while it is held.
struct SeatPresence {
    int round = 0;
    int table = 0;
    std::int64_t visible_ms = 0;  // connected, seated during the round, the page visible
    int chat_sent = 0;
    bool video_opened = false;
    std::optional<TimeMs> visible_since{};  // live only: when the running stretch of visible time began
};

// Two people at one table in one round, a < b.
struct RoundPair {
    int round = 0;
    AttendeeId a = 0;
    AttendeeId b = 0;
    auto operator<=>(const RoundPair&) const = default;
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
    std::int64_t remaining_ms = 0;     // time left, frozen while paused
    std::optional<TimeMs> ended_at{};  // when the phase became ended
    std::string series_id{};           // empty: the event belongs to no series
    // Loaded with the event, never recorded by it: earlier events of the series say who already met.
    SeriesPast series_past{};
    std::map<AttendeeId, Attendee> attendees;
    std::vector<Table> tables;  // the current round's tables
    // Round n < `round` is past_rounds[n - 1], as it stood when the next round started.
    std::vector<RoundSeats> past_rounds;
    matching::History history;  // who met whom, over all rounds
    std::optional<matching::Plan>
        plan;  // every round planned at the start; followed while attendance matches
    std::map<HostLinkId, HostLink> host_links;  // revoked ones included: they are recognised, and refused
    std::vector<HostAction> host_log;           // the latest host actions, oldest first
    // Who shared a table in each round, and which table: what the end-of-round cards may be about.
    std::map<RoundPair, int> tablemates;
    // The end-of-round cards' answers as they stand (event_answers.cpp).
    std::map<std::tuple<int, AttendeeId, AttendeeId>, bool> talked;  // (round, attendee, about) -> talked
    std::set<std::pair<AttendeeId, AttendeeId>> contact_wishes;      // (attendee, about) while the wish holds
    std::map<std::pair<int, AttendeeId>, int> ratings;               // (round, attendee) -> 1 to 5
    std::map<AttendeeId, SeatPresence> presence;                     // the current round's seats
    std::map<int, TopicRound> topic_rounds;  // round -> its topic tables (topic_tables rounds only)
};

const char* to_string(Phase phase);
std::optional<Phase> phase_from_string(const std::string& text);
const char* to_string(AttendeeStatus status);
std::optional<AttendeeStatus> status_from_string(const std::string& text);
const char* to_string(HostAction::Kind kind);
const char* to_string(LinkRole role);
std::optional<LinkRole> link_role_from_string(const std::string& text);
std::optional<HostAction::Kind> host_action_from_string(const std::string& text);

}  // namespace ensemble::domain
