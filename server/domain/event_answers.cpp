// The end-of-round card (talked, keep in touch, usefulness) and presence measured per seat.
#include "domain/event_apply.hpp"

namespace ensemble::domain {
namespace {

RoundPair pair_of(int round, AttendeeId x, AttendeeId y) { return {round, std::min(x, y), std::max(x, y)}; }

// Whether an attendee had a seat with someone in that round.
bool seated_in(const EventState& s, int round, AttendeeId attendee) {
    for (auto it = s.tablemates.lower_bound({round, 0, 0});
         it != s.tablemates.end() && it->first.round == round; ++it)
        if (it->first.a == attendee || it->first.b == attendee) return true;
    return false;
}

// Who may answer the cards: an attendee in the event, or one who left of their own accord (they met people
// before going); never one the host removed, merged away or erased.
bool may_answer(const EventState& s, AttendeeId id) {
    auto it = s.attendees.find(id);
    if (it == s.attendees.end() || it->second.erased_at) return false;
    return it->second.status == AttendeeStatus::active || it->second.status == AttendeeStatus::left;
}

}  // namespace

void Event::Apply::operator()(const AnswerTalked& c) {
    if (!may_answer(s, actor.attendee))
        return (void)refuse(ErrorCode::forbidden, "you are no longer in this event");
    if (c.round < 1 || c.round > s.round) return (void)refuse(ErrorCode::invalid_field, "no such round yet");
    if (c.about == actor.attendee || !s.tablemates.count(pair_of(c.round, actor.attendee, c.about)))
        return (void)refuse(ErrorCode::invalid_field, "you did not sit with this person in that round");
    auto& answer = s.talked[{c.round, actor.attendee, c.about}];
    answer = c.talked;
    fx.records.push_back(TalkedAnswered{c.round, actor.attendee, c.about, c.talked, now});
    fx.outbox.personal_changed(actor.attendee);
}

// A wish that becomes mutual, or stops being, changes what both of them see.
void Event::Apply::operator()(const WishContact& c) {
    if (!may_answer(s, actor.attendee))
        return (void)refuse(ErrorCode::forbidden, "you are no longer in this event");
    if (c.about == actor.attendee || s.history.times_met(actor.attendee, c.about) == 0)
        return (void)refuse(ErrorCode::invalid_field, "you did not sit with this person");
    std::pair key{actor.attendee, c.about};
    bool held = s.contact_wishes.count(key) > 0;
    fx.outbox.personal_changed(actor.attendee);
    if (held == c.wish) return;
    if (c.wish)
        s.contact_wishes.insert(key);
    else
        s.contact_wishes.erase(key);
    fx.records.push_back(ContactWished{actor.attendee, c.about, c.wish, now});
    if (s.contact_wishes.count({c.about, actor.attendee})) fx.outbox.personal_changed(c.about);
}

void Event::Apply::operator()(const RateTable& c) {
    if (!may_answer(s, actor.attendee))
        return (void)refuse(ErrorCode::forbidden, "you are no longer in this event");
    if (c.score < 1 || c.score > 5) return (void)refuse(ErrorCode::invalid_field, "score must be 1 to 5");
    if (c.round < 1 || c.round > s.round || !seated_in(s, c.round, actor.attendee))
        return (void)refuse(ErrorCode::invalid_field, "you were not at a table in that round");
    s.ratings[{c.round, actor.attendee}] = c.score;
    fx.records.push_back(TableRated{c.round, actor.attendee, c.score, now});
    fx.outbox.personal_changed(actor.attendee);
}

void Event::Apply::operator()(const SetVisibility& c) {
    Attendee* attendee = active_attendee(actor.attendee);
    if (!attendee) return (void)refuse(ErrorCode::forbidden, "you have left this event");
    if (attendee->page_visible == c.visible) return;
    attendee->page_visible = c.visible;
    if (c.visible)
        presence_start(actor.attendee);
    else
        presence_stop(actor.attendee);
}

void Event::Apply::operator()(const OpenVideo&) {
    if (!active_attendee(actor.attendee))
        return (void)refuse(ErrorCode::forbidden, "you have left this event");
    auto seat = s.presence.find(actor.attendee);
    if (s.phase != Phase::round || seat == s.presence.end())
        return (void)refuse(ErrorCode::wrong_phase, "you are not seated at a table");
    if (seat->second.video_opened) return;
    seat->second.video_opened = true;
    record_presence(actor.attendee);
}

// The duplicate's answers become keep's, and answers about the duplicate become about keep, where keep (or
// the one answering) has none of their own; answers between the two go. Storage does the same.
void Event::Apply::merge_answers(AttendeeId duplicate, AttendeeId keep) {
    auto as_keep = [&](AttendeeId x) { return x == duplicate ? keep : x; };
    decltype(s.talked) talked;
    for (const auto& [key, value] : s.talked)
        if (std::get<1>(key) != duplicate && std::get<2>(key) != duplicate) talked.emplace(key, value);
    for (const auto& [key, value] : s.talked) {
        auto [round, from, about] = key;
        if (as_keep(from) != as_keep(about))
            talked.emplace(std::tuple{round, as_keep(from), as_keep(about)}, value);
    }
    s.talked = std::move(talked);
    decltype(s.contact_wishes) wishes;
    for (const auto& [from, about] : s.contact_wishes)
        if (as_keep(from) != as_keep(about)) wishes.emplace(as_keep(from), as_keep(about));
    s.contact_wishes = std::move(wishes);
    decltype(s.ratings) ratings;
    for (const auto& [key, score] : s.ratings)
        if (key.second != duplicate) ratings.emplace(key, score);
    for (const auto& [key, score] : s.ratings)
        ratings.emplace(std::pair{key.first, as_keep(key.second)}, score);
    s.ratings = std::move(ratings);
    merge_topic_choices(duplicate, keep);
}

void Event::Apply::presence_start(AttendeeId attendee) {
    if (auto seat = s.presence.find(attendee); seat != s.presence.end())
        presence_start(seat->second, s.attendees.at(attendee));
}

void Event::Apply::presence_start(SeatPresence& seat, const Attendee& attendee) {
    if (s.phase != Phase::round || seat.visible_since) return;
    if (attendee.connected && attendee.page_visible && attendee.status == AttendeeStatus::active)
        seat.visible_since = now;
}

void Event::Apply::presence_stop(AttendeeId attendee) {
    if (auto seat = s.presence.find(attendee); seat != s.presence.end())
        presence_stop(attendee, seat->second);
}

void Event::Apply::presence_stop(AttendeeId attendee, SeatPresence& seat) {
    if (!seat.visible_since) return;
    seat.visible_ms += std::max<TimeMs>(0, now - *seat.visible_since);
    seat.visible_since.reset();
    record_presence(attendee, seat);
}

void Event::Apply::presence_stop_all() {
    for (auto& [id, seat] : s.presence) presence_stop(id, seat);
}

void Event::Apply::record_presence(AttendeeId attendee) {
    record_presence(attendee, s.presence.at(attendee));
}

void Event::Apply::record_presence(AttendeeId attendee, const SeatPresence& seat) {
    fx.records.push_back(SeatPresenceRecorded{seat.round, seat.table, attendee, seat.visible_ms,
                                              seat.chat_sent, seat.video_opened});
}

}  // namespace ensemble::domain
