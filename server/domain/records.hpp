#pragma once
// What an accepted command changes, as rows for storage to commit before anyone is told.

#include <memory>
#include <type_traits>
#include <variant>
#include <vector>

#include "domain/types.hpp"

namespace ensemble::domain {

// A kind of record much larger than a seat, kept on the heap: a variant is as large as its largest kind, and
// a round start of 10,000 people makes 30,000 records. Read through as the record itself; shared, so that
// records stay copyable.
template <class T>
class Boxed {
  public:
    Boxed(T value) : value_(std::make_shared<const T>(std::move(value))) {}
    operator const T&() const { return *value_; }

  private:
    std::shared_ptr<const T> value_;
};

// The event's phase, round and clock after the command.
struct PhaseChanged {
    Phase phase = Phase::lobby;
    int round = 0;
    std::optional<TimeMs> deadline;
    bool paused = false;
    std::int64_t remaining_ms = 0;
    TimeMs at = 0;  // when: the end of the event is kept (EventState::ended_at), for its retention
};

struct AttendeeJoined {
    Attendee attendee;
    std::string credential_hash;  // opaque to the domain: how this attendee proves who they are
};

struct AttendeeStatusChanged {
    AttendeeId attendee = 0;
    AttendeeStatus status = AttendeeStatus::active;
    TimeMs at = 0;
};

// `duplicate` is now `keep`: its meetings, seats and chat are theirs, and its link signs in as them.
struct AttendeesMerged {
    AttendeeId duplicate = 0;
    AttendeeId keep = 0;
    TimeMs at = 0;
};

struct RoundStarted {
    int round = 0;
    TimeMs at = 0;
};

struct Seated {
    int round = 0;
    int table = 0;  // 1-based
    AttendeeId attendee = 0;
    TimeMs at = 0;
};

struct Unseated {
    int round = 0;
    int table = 0;
    AttendeeId attendee = 0;
    TimeMs at = 0;
};

struct ChatPosted {
    int round = 0;
    int table = 0;
    ChatMessage message;
};

struct Announced {
    std::string text;
    TimeMs at = 0;
};

// Every round planned together at the start of the event, kept so a restart follows the same plan.
struct PlanMade {
    int first_round = 1;
    std::vector<std::vector<matching::Table>> rounds;
};

struct HostLinkCreated {
    HostLink link;  // its credential hash included
};

struct HostLinkRevoked {
    HostLinkId link = 0;
    TimeMs at = 0;
};

// The attendee's personal data is gone (EraseAttendee): texts blanked, chat and own answers deleted, and
// the credential replaced by `credential_hash`.
struct AttendeeErased {
    AttendeeId attendee = 0;
    std::string credential_hash;
    TimeMs at = 0;
};

// A host's action, for the console's log of who did what.
struct HostActed {
    HostAction action;
};

// An answer to the end-of-round card, as it now stands.
struct TalkedAnswered {
    int round = 0;
    AttendeeId attendee = 0;
    AttendeeId about = 0;
    bool talked = false;
    TimeMs at = 0;
};
// wish false: withdrawn (the row goes).
struct ContactWished {
    AttendeeId attendee = 0;
    AttendeeId about = 0;
    bool wish = false;
    TimeMs at = 0;
};
struct TableRated {
    int round = 0;
    AttendeeId attendee = 0;
    int score = 0;
    TimeMs at = 0;
};

// A seat's presence sums as they now stand (the latest seat of that attendee at that table in that round).
struct SeatPresenceRecorded {
    int round = 0;
    int table = 0;
    AttendeeId attendee = 0;
    std::int64_t visible_ms = 0;
    int chat_sent = 0;
    bool video_opened = false;
};

// An attendee's purpose as it now stands (SetPurpose): the whole of it.
struct PurposeChanged {
    AttendeeId attendee = 0;
    Purpose purpose;
    TimeMs at = 0;
};

// The event's settings as they now stand, after a host changed them live (a round's kind, a round added).
struct SettingsChanged {
    EventSettings settings;
};

// Topic tables of a coming round (event_topic_tables.cpp): opened, closed (its choices go), chosen.
struct TopicTableOpened {
    int round = 0;
    TopicTable table;
    TimeMs at = 0;
};
struct TopicTableClosed {
    int round = 0;
    int table = 0;  // its id
    TimeMs at = 0;
};
// table 0: the attendee chose none (the row goes).
struct TopicTableChosen {
    int round = 0;
    AttendeeId attendee = 0;
    int table = 0;
    TimeMs at = 0;
};
// The round started: where each topic table sits, as (topic table id, table number).
struct TopicTablesSeated {
    int round = 0;
    std::vector<std::pair<int, int>> tables;
};

using Record =
    std::variant<PhaseChanged, Boxed<AttendeeJoined>, AttendeeStatusChanged, AttendeesMerged, RoundStarted,
                 Seated, Unseated, Boxed<ChatPosted>, Announced, PlanMade, Boxed<HostLinkCreated>,
                 HostLinkRevoked, Boxed<HostActed>, TalkedAnswered, ContactWished, TableRated,
                 SeatPresenceRecorded, AttendeeErased, Boxed<PurposeChanged>, Boxed<SettingsChanged>,
                 Boxed<TopicTableOpened>, TopicTableClosed, TopicTableChosen, TopicTablesSeated>;
// A round start makes tens of thousands of records: a new kind that would make them all larger is boxed.
static_assert(sizeof(Record) <= 64);

// The record if it is of kind T, boxed or not; null otherwise.
template <class T>
const T* record_if(const Record& record) {
    constexpr bool boxed = []<class... Kinds>(std::variant<Kinds...>*) {
        return (std::is_same_v<Boxed<T>, Kinds> || ...);
    }(static_cast<Record*>(nullptr));
    if constexpr (boxed) {
        const auto* box = std::get_if<Boxed<T>>(&record);
        return box ? &static_cast<const T&>(*box) : nullptr;
    } else {
        return std::get_if<T>(&record);
    }
}

}  // namespace ensemble::domain
