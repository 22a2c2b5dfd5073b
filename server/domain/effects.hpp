#pragma once
// What applying a command asks of the outside world, as data: rows to commit, then who to tell.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/records.hpp"

namespace ensemble::domain {

// A refusal caused by the user; nothing changed. Codes are those of shared/protocol.md.
struct DomainError {
    std::string code;
    std::string message;
};

struct ChatNotice {
    int round = 0;
    int table = 0;
    ChatMessage message;
};

struct Effects {
    std::optional<DomainError> error;  // when set, nothing else is
    std::vector<Record> records;       // commit these first, in order

    // Who must be told; views are rebuilt from the event's state after the commit.
    bool host_view_changed = false;
    bool all_attendee_views_changed = false;
    std::set<AttendeeId> attendee_views_changed;
    bool presence_changed = false;
    std::vector<ChatNotice> chats;              // to the people seated at that table
    std::optional<Announced> announcement;      // to everyone
    std::vector<AttendeeId> removed;            // close their connections for good
    bool ended = false;                         // close every connection: the event is over
    bool deadline_changed = false;              // re-arm the room's timer
    std::optional<AttendeeId> joined;           // the id a Join created

    static Effects refuse(std::string code, std::string message) {
        Effects effects;
        effects.error = DomainError{std::move(code), std::move(message)};
        return effects;
    }
};

}  // namespace ensemble::domain
