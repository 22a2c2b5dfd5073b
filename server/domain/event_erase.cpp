// Erasing one attendee's personal data, by a host or by themself: an anonymous entry stays, so that the
// seats, the encounters and every count stay true.
#include <algorithm>

#include "domain/event_apply.hpp"

namespace ensemble::domain {
namespace {

void blank(Attendee& attendee, TimeMs now) {
    attendee.name.clear();
    attendee.organisation.clear();
    attendee.role.clear();
    attendee.email.clear();
    attendee.phone.clear();
    attendee.purpose = {};
    attendee.erased_at = now;
}

}  // namespace

void Event::Apply::operator()(const EraseAttendee& c) {
    bool self = actor.kind == Actor::Kind::attendee;
    if (self && c.attendee != actor.attendee)
        return (void)refuse(ErrorCode::forbidden, "an attendee may erase their own data only");
    auto it = s.attendees.find(c.attendee);
    if (it == s.attendees.end() || it->second.status == AttendeeStatus::merged)
        return (void)refuse(ErrorCode::not_found, "no such attendee");
    if (it->second.erased_at) return (void)refuse(ErrorCode::not_found, "this attendee is already erased");
    Attendee& attendee = it->second;
    int table = s.phase == Phase::round ? event.table_of(c.attendee) : 0;
    // Someone still in the event goes, as a removal (or a leave, when they ask): their link no longer works.
    if (attendee.status == AttendeeStatus::active) {
        set_connected(attendee, false);
        attendee.status = self ? AttendeeStatus::left : AttendeeStatus::removed;
        fx.records.push_back(AttendeeStatusChanged{c.attendee, attendee.status, now});
        fx.outbox.disconnect(Audience::of(c.attendee), Disconnection::Reason::erased);
    }
    blank(attendee, now);
    // Entries merged into this one were the same person.
    for (auto& [id, other] : s.attendees)
        if (other.status == AttendeeStatus::merged && other.merged_into == c.attendee) blank(other, now);
    for (std::size_t t = 0; t < s.tables.size(); ++t)
        if (std::erase_if(s.tables[t].chat, [&](const ChatMessage& m) { return m.from == c.attendee; }))
            table_changed(t);
    // Their answers go; someone whose contact with them was mutual sees it go.
    std::erase_if(s.talked, [&](const auto& answer) { return std::get<1>(answer.first) == c.attendee; });
    std::erase_if(s.ratings, [&](const auto& rating) { return rating.first.second == c.attendee; });
    for (auto wish = s.contact_wishes.begin(); wish != s.contact_wishes.end();) {
        if (wish->first != c.attendee) {
            ++wish;
            continue;
        }
        if (s.contact_wishes.count({wish->second, c.attendee})) fx.outbox.personal_changed(wish->second);
        wish = s.contact_wishes.erase(wish);
    }
    for (auto& action : s.host_log) {
        if (action.attendee == c.attendee) action.name.clear();
        if (action.into == c.attendee) action.into_name.clear();
    }
    erase_topic_words(c.attendee);
    fx.records.push_back(AttendeeErased{c.attendee, c.credential_hash, now});
    fx.outbox.host().attendees.insert(c.attendee);
    if (table) {
        unseat(c.attendee);
        mend_tables();
    }
}

}  // namespace ensemble::domain
