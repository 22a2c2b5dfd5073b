#pragma once
// One live event: applies commands to its state and says what must be recorded and told.

#include <unordered_map>

#include "domain/commands.hpp"
#include "domain/effects.hpp"

namespace ensemble::domain {

class Event {
  public:
    explicit Event(EventState state);

    // With the creator's host link (id 1), named `host_name` (may be empty).
    static Event create(std::string id, EventSettings settings, TimeMs now, std::string host_name = {},
                        std::string host_credential_hash = {});

    // Changes nothing when the result carries an error.
    Effects apply(const Actor& actor, const Command& command, TimeMs now);

    const EventState& state() const { return state_; }
    // The current round's table number (1-based) of an attendee, or 0 when not seated.
    int table_of(AttendeeId attendee) const;
    // Who an entry is now: itself, or the entry it was merged into (followed to the end).
    AttendeeId identity_of(AttendeeId attendee) const;
    // The tables of a round from 1 to round(): a past one as it ended, the current one as it stands;
    // nullopt for any other round.
    std::optional<RoundSeats> round_seats(int round) const;
    // Connected attendees who have not left: kept as commands apply, never counted.
    int present_count() const { return present_; }
    // The round whose tables are being formed off the event's thread, or 0.
    int seating_round() const { return seating_round_; }

  private:
    struct Apply;
    friend struct Apply;

    // Counts an attendee's meetings in earlier events of the series as meetings before round 1, so that
    // the matcher avoids them (event_series.cpp).
    void recall_series_meetings(const Attendee& attendee);

    EventState state_;
    std::unordered_map<AttendeeId, int> table_index_;  // derived from state_.tables: attendee -> table number
    int present_ = 0;
    std::unordered_map<std::string, std::vector<AttendeeId>> by_person_key_;  // series events only
    int seating_round_ = 0;
};

}  // namespace ensemble::domain
