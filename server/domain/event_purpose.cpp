// What meetings are for. "Mon profil": an attendee changes their needs, offers, département or structure
// during the event; their tablemates' table cards and the host console follow.
#include <algorithm>
#include <string_view>

#include "domain/event_apply.hpp"

namespace ensemble::domain {

void Event::Apply::operator()(const SetPurpose& c) {
    Attendee* attendee = active_attendee(actor.attendee);
    if (!attendee) return (void)refuse(ErrorCode::forbidden, "you have left this event");
    if (auto e = validate(c.purpose, s.settings.topics))
        return (void)refuse(ErrorCode::invalid_field, e->message, e->field);
    fx.outbox.personal_changed(actor.attendee);  // their own `me` carries it: the page hears it was saved
    if (attendee->purpose == c.purpose) return;  // nothing changes, nothing is written
    attendee->purpose = c.purpose;
    fx.records.push_back(PurposeChanged{actor.attendee, c.purpose, now});
    if (int table = s.phase == Phase::round ? event.table_of(actor.attendee) : 0)
        fx.outbox.view_changed(Audience::at_table(table));
    fx.outbox.host().attendees.insert(actor.attendee);
}

// The plan of rounds: any round not started yet (nor being seated) may change kind; one past the last adds a
// round, so that a host can still run a mutual-help round when the planned ones are done.
void Event::Apply::operator()(const SetRoundKind& c) {
    int first_open = std::max(s.round, event.seating_round_) + 1;
    if (c.round < first_open)
        return (void)refuse(ErrorCode::wrong_phase, "this round has already started", "round");
    const auto& rounds = int_settings[3];
    static_assert(std::string_view(int_settings[3].name) == "rounds");
    if (c.round > s.settings.rounds + 1 || c.round > rounds.max)
        return (void)refuse(ErrorCode::invalid_field,
                            "round must be a planned round, or the one after the last", "round");
    auto& kinds = s.settings.round_kinds;
    s.settings.rounds = std::max(s.settings.rounds, c.round);
    if (static_cast<int>(kinds.size()) < c.round)
        kinds.resize(static_cast<std::size_t>(c.round), RoundKind::discovery);
    kinds[static_cast<std::size_t>(c.round - 1)] = c.kind;
    fx.records.push_back(SettingsChanged{s.settings});
    fx.outbox.host().clock = true;
    fx.outbox.view_changed(Audience::attendees());  // "round 2 of 4", the coming round's kind
    fx.outbox.topic_tables_changed();               // it may now be a topic round, or no longer
}

}  // namespace ensemble::domain
