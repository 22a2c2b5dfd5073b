#pragma once
// What applying a command asks of the outside world, as data: rows to commit, then who to tell.

#include <optional>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/outbox.hpp"
#include "domain/records.hpp"
#include "domain/seating.hpp"

namespace ensemble::domain {

// A refusal caused by the user; nothing changed. Codes are those of shared/protocol.md.
struct DomainError {
    ErrorCode code;
    std::string message;
    std::string field{};  // for invalid_field
};

struct Effects {
    std::optional<DomainError> error;     // when set, nothing else is
    std::vector<Record> records;          // commit these first, in order
    Outbox outbox;                        // then deliver these
    std::optional<AttendeeId> joined;     // the id a Join created
    std::optional<HostLinkId> host_link;  // the id a CreateHostLink created
    // Matcher work to run off the event's thread; its result comes back as a SeatRound command.
    std::optional<SeatingJob> seating;

    static Effects refuse(ErrorCode code, std::string message, std::string field = {}) {
        Effects effects;
        effects.error = DomainError{std::move(code), std::move(message), std::move(field)};
        return effects;
    }
};

}  // namespace ensemble::domain
