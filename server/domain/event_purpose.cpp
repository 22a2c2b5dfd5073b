// "Mon profil": an attendee changes their needs, offers, département or structure during the event; their
// tablemates' table cards and the host console follow.
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

}  // namespace ensemble::domain
