// The rules of a live event, one command at a time.
#include <algorithm>

#include "domain/event_apply.hpp"

namespace ensemble::domain {
namespace {

constexpr std::size_t max_chat_kept = 200;
constexpr std::int64_t minute_ms = 60'000;

// The duplicate's tablemates become keep's, as storage does with their encounters; the pair of them goes.
void merge_tablemates(EventState& s, AttendeeId duplicate, AttendeeId keep) {
    std::vector<std::pair<RoundPair, int>> moved;
    for (auto it = s.tablemates.begin(); it != s.tablemates.end();) {
        if (it->first.a != duplicate && it->first.b != duplicate) {
            ++it;
            continue;
        }
        AttendeeId other = it->first.a == duplicate ? it->first.b : it->first.a;
        if (other != keep)
            moved.push_back({{it->first.round, std::min(other, keep), std::max(other, keep)}, it->second});
        it = s.tablemates.erase(it);
    }
    for (auto& [pair, table] : moved) s.tablemates.emplace(pair, table);
}

}  // namespace

Event::Event(EventState state) : state_(std::move(state)) {
    for (std::size_t t = 0; t < state_.tables.size(); ++t)
        for (AttendeeId id : state_.tables[t].seats) table_index_[id] = static_cast<int>(t + 1);
    for (const auto& [id, attendee] : state_.attendees)
        if (attendee.connected && attendee.status == AttendeeStatus::active) ++present_;
    for (const auto& [id, attendee] : state_.attendees) recall_series_meetings(attendee);
}

Event Event::create(std::string id, EventSettings settings, TimeMs now, std::string host_name,
                    std::string host_credential_hash) {
    EventState state;
    state.id = std::move(id);
    state.settings = std::move(settings);
    state.created_at = now;
    state.host_links.emplace(
        1, HostLink{1, std::move(host_name), std::move(host_credential_hash), now, 0, std::nullopt});
    return Event(std::move(state));
}

int Event::table_of(AttendeeId attendee) const {
    auto it = table_index_.find(attendee);
    return it == table_index_.end() ? 0 : it->second;
}

AttendeeId Event::identity_of(AttendeeId attendee) const {
    // Each merge points to an entry that was not merged then, so the chain is finite; the bound is a guard.
    for (std::size_t hops = 0; hops <= state_.attendees.size(); ++hops) {
        auto it = state_.attendees.find(attendee);
        if (it == state_.attendees.end() || it->second.status != AttendeeStatus::merged) return attendee;
        attendee = it->second.merged_into;
    }
    return attendee;
}

std::optional<RoundSeats> Event::round_seats(int round) const {
    if (round < 1 || round > state_.round) return std::nullopt;
    if (round < state_.round) return state_.past_rounds.at(static_cast<std::size_t>(round - 1));
    RoundSeats seats;
    for (const auto& table : state_.tables) seats.push_back(table.seats);
    return seats;
}

Effects Event::apply(const Actor& actor, const Command& command, TimeMs now) {
    Effects fx;
    bool host_only =
        std::holds_alternative<StartEvent>(command) || std::holds_alternative<NextRound>(command) ||
        std::holds_alternative<EndRound>(command) || std::holds_alternative<ExtendRound>(command) ||
        std::holds_alternative<Broadcast>(command) || std::holds_alternative<MoveAttendee>(command) ||
        std::holds_alternative<RemoveAttendee>(command) || std::holds_alternative<MergeAttendees>(command) ||
        std::holds_alternative<PauseRotation>(command) || std::holds_alternative<ResumeRotation>(command) ||
        std::holds_alternative<EndEvent>(command) || std::holds_alternative<CreateHostLink>(command) ||
        std::holds_alternative<RevokeHostLink>(command) || std::holds_alternative<SetRoundKind>(command) ||
        std::holds_alternative<OpenTopicTable>(command) || std::holds_alternative<CloseTopicTable>(command);
    bool answer = std::holds_alternative<AnswerTalked>(command) ||
                  std::holds_alternative<WishContact>(command) || std::holds_alternative<RateTable>(command);
    bool own = std::holds_alternative<PostChat>(command) || std::holds_alternative<Leave>(command) ||
               answer || std::holds_alternative<SetVisibility>(command) ||
               std::holds_alternative<OpenVideo>(command) || std::holds_alternative<SetPurpose>(command) ||
               std::holds_alternative<ProposeTopicTable>(command) ||
               std::holds_alternative<ChooseTopicTable>(command);
    bool erase = std::holds_alternative<EraseAttendee>(command);  // a host, or the attendee themself
    if (host_only && actor.kind != Actor::Kind::host)
        return Effects::refuse(ErrorCode::forbidden, "only the host may do this");
    if (erase && actor.kind == Actor::Kind::system)
        return Effects::refuse(ErrorCode::forbidden, "only a host or the attendee may do this");
    // A link revoked since its console sent this is refused here too.
    auto link = state_.host_links.find(actor.link);
    if ((host_only || erase) && actor.kind == Actor::Kind::host && actor.link != 0 &&
        (link == state_.host_links.end() || !link->second.active()))
        return Effects::refuse(ErrorCode::unauthorized, "this host link was revoked");
    if (own && actor.kind != Actor::Kind::attendee)
        return Effects::refuse(ErrorCode::forbidden, "only an attendee may do this");
    if (!host_only && !own && !erase && actor.kind != Actor::Kind::system)
        return Effects::refuse(ErrorCode::forbidden, "this is done by the server");
    // Staff links are for reviewing the event; the cards can still be answered and changed, and personal
    // data erased: all of them once it is over too (the retention lasts long after it).
    auto staff_link = [&] {
        const auto* create = std::get_if<CreateHostLink>(&command);
        const auto* revoke = std::get_if<RevokeHostLink>(&command);
        return (create && create->role == LinkRole::staff) || (revoke && revoke->role == LinkRole::staff);
    };
    if (state_.phase == Phase::ended && !std::holds_alternative<Disconnect>(command) &&
        !std::holds_alternative<Tick>(command) && !answer && !staff_link() && !erase)
        return Effects::refuse(ErrorCode::event_ended, "the event is over");
    Apply apply{*this, state_, actor, now, fx};
    // What the command is, told as the state stood before it (the round it ends, who it moves).
    auto action = apply.action_of(command);
    std::visit(apply, command);
    if (action && !fx.error) apply.log(std::move(*action));
    return fx;
}

Attendee* Event::Apply::active_attendee(AttendeeId id) {
    auto it = s.attendees.find(id);
    if (it == s.attendees.end() || it->second.status != AttendeeStatus::active) return nullptr;
    return &it->second;
}

bool Event::Apply::refuse(ErrorCode code, std::string message, std::string field) {
    fx = Effects::refuse(std::move(code), std::move(message), std::move(field));
    return false;
}

// Only connected, active attendees count as present.
void Event::Apply::set_connected(Attendee& attendee, bool connected) {
    if (attendee.connected == connected) return;
    if (!connected) presence_stop(attendee.id);
    attendee.connected = connected;
    event.present_ += connected ? 1 : -1;
    // A new page is shown until it says otherwise.
    if (connected) attendee.page_visible = true, presence_start(attendee.id);
    fx.outbox.presence_changed();
    fx.outbox.host().attendees.insert(attendee.id);
}

void Event::Apply::record_phase() {
    fx.records.push_back(PhaseChanged{s.phase, s.round, s.deadline, s.paused, s.remaining_ms, now});
    fx.outbox.view_changed(Audience::attendees());
    fx.outbox.host().clock = true;
}

// A paused rotation stays paused across phases: the new countdown waits, frozen at its full length.
void Event::Apply::enter_phase(Phase phase, std::int64_t duration_ms) {
    s.phase = phase;
    if (s.paused) {
        s.deadline.reset();
        s.remaining_ms = duration_ms;
    } else {
        s.deadline = now + duration_ms;
        s.remaining_ms = 0;
    }
    record_phase();
}

void Event::Apply::end_round() {
    if (s.round >= s.settings.rounds) return end_event();
    int break_seconds = s.settings.break_seconds;
    if (kind_of_round(s.settings, s.round + 1) == RoundKind::topic_tables)
        break_seconds = std::max(break_seconds, topic_choice_seconds);
    if (break_seconds == 0) return request_round(s.round + 1);
    presence_stop_all();
    enter_phase(Phase::pause_between_rounds, break_seconds * 1000LL);
    fx.outbox.host().tables_reset = true;
    fx.outbox.topic_tables_changed();  // a topic round may come: its tables are told (none when not)
}

void Event::Apply::end_event() {
    presence_stop_all();
    s.phase = Phase::ended;
    s.ended_at = now;
    s.deadline.reset();
    s.paused = false;
    s.remaining_ms = 0;
    event.seating_round_ = 0;
    record_phase();
    fx.outbox.host().tables_reset = true;
    fx.outbox.disconnect(Audience::everyone(), Disconnection::Reason::event_ended);
}

void Event::Apply::operator()(const Join& c) {
    if (s.attendees.size() >= static_cast<std::size_t>(s.settings.max_attendees))
        return (void)refuse(ErrorCode::event_full, "this event has reached its number of attendees");
    if (auto e = validate(c.purpose, s.settings.topics))
        return (void)refuse(ErrorCode::invalid_field, e->message, e->field);
    AttendeeId id = s.attendees.empty() ? 1 : s.attendees.rbegin()->first + 1;
    Attendee attendee{id, c.name, c.organisation, c.role, AttendeeStatus::active, now, false};
    attendee.email = c.email;
    attendee.phone = c.phone;
    attendee.purpose = c.purpose;
    s.attendees.emplace(id, attendee);
    event.recall_series_meetings(attendee);
    fx.records.push_back(AttendeeJoined{attendee, c.credential_hash});
    fx.joined = id;
    fx.outbox.host().attendees.insert(id);
}

void Event::Apply::operator()(const Connect& c) {
    Attendee* attendee = active_attendee(c.attendee);
    if (!attendee) return (void)refuse(ErrorCode::forbidden, "this attendee has left or was removed");
    set_connected(*attendee, true);
    // Between rounds the last round's tables are kept, but nobody sits at them.
    int table = s.phase == Phase::round ? event.table_of(c.attendee) : 0;
    if (table) {
        fx.outbox.view_changed(Audience::of(c.attendee));
        fx.outbox.connections_changed(table);
    } else if (s.phase == Phase::round)
        seat_late_joiner(c.attendee);
    else
        fx.outbox.view_changed(Audience::of(c.attendee));
}

void Event::Apply::operator()(const Disconnect& c) {
    auto it = s.attendees.find(c.attendee);
    if (it == s.attendees.end() || !it->second.connected) return;
    set_connected(it->second, false);
    if (int table = event.table_of(c.attendee); table && s.phase == Phase::round)
        fx.outbox.connections_changed(table);
}

void Event::Apply::operator()(const Tick&) {
    if (s.paused || !s.deadline || now < *s.deadline || event.seating_round_) return;
    if (s.phase == Phase::round)
        end_round();
    else if (s.phase == Phase::pause_between_rounds)
        request_round(s.round + 1);
}

// Tables formed for a round that is no longer awaited (the event ended meanwhile) are dropped.
void Event::Apply::operator()(const SeatRound& c) {
    if (c.round != event.seating_round_ || s.phase == Phase::ended) return;
    event.seating_round_ = 0;
    start_round(c.round, c.result);
}

void Event::Apply::operator()(const PostChat& c) {
    if (!active_attendee(actor.attendee))
        return (void)refuse(ErrorCode::forbidden, "you have left this event");
    int table = event.table_of(actor.attendee);
    if (s.phase != Phase::round || table == 0)
        return (void)refuse(ErrorCode::wrong_phase, "you are not seated at a table");
    auto& chat = s.tables[static_cast<std::size_t>(table - 1)].chat;
    ChatMessage message{actor.attendee, s.attendees.at(actor.attendee).name, c.text, now};
    chat.push_back(message);
    if (chat.size() > max_chat_kept) chat.erase(chat.begin());
    ChatPosted posted{s.round, table, std::move(message)};
    fx.records.push_back(posted);
    if (auto seat = s.presence.find(actor.attendee); seat != s.presence.end()) {
        ++seat->second.chat_sent;
        record_presence(actor.attendee);
    }
    fx.outbox.chat(std::move(posted));
}

void Event::Apply::operator()(const Leave&) {
    Attendee* attendee = active_attendee(actor.attendee);
    if (!attendee) return (void)refuse(ErrorCode::forbidden, "you have already left");
    set_connected(*attendee, false);
    attendee->status = AttendeeStatus::left;
    fx.records.push_back(AttendeeStatusChanged{actor.attendee, AttendeeStatus::left, now});
    fx.outbox.host().attendees.insert(actor.attendee);  // the console keeps them, marked as left
    fx.outbox.disconnect(Audience::of(actor.attendee), Disconnection::Reason::left);
    if (s.phase == Phase::round && event.table_of(actor.attendee)) {
        unseat(actor.attendee);
        mend_tables();
    }
}

void Event::Apply::operator()(const StartEvent&) {
    if (s.phase != Phase::lobby || event.seating_round_)
        return (void)refuse(ErrorCode::wrong_phase, "the event has already started");
    request_round(1);
}

void Event::Apply::operator()(const NextRound&) {
    if (event.seating_round_)
        return (void)refuse(ErrorCode::wrong_phase, "the next round's tables are being formed");
    if (s.phase == Phase::lobby) return request_round(1);
    if (s.round >= s.settings.rounds)
        return (void)refuse(ErrorCode::wrong_phase,
                            "this is the last round: end the round or the event instead");
    request_round(s.round + 1);
}

void Event::Apply::operator()(const EndRound&) {
    if (s.phase != Phase::round || event.seating_round_)
        return (void)refuse(ErrorCode::wrong_phase, "no round is running");
    end_round();
}

void Event::Apply::operator()(const ExtendRound& c) {
    if (s.phase != Phase::round && s.phase != Phase::pause_between_rounds)
        return (void)refuse(ErrorCode::wrong_phase, "only a round or a break can be extended");
    if (c.minutes < 1 || c.minutes > 60)
        return (void)refuse(ErrorCode::invalid_field, "minutes must be 1 to 60");
    if (s.paused)
        s.remaining_ms += c.minutes * minute_ms;
    else
        *s.deadline += c.minutes * minute_ms;
    record_phase();
}

void Event::Apply::operator()(const Broadcast& c) {
    Announced announcement{c.text, now};
    fx.records.push_back(announcement);
    fx.outbox.announce(std::move(announcement));
}

void Event::Apply::operator()(const MoveAttendee& c) {
    if (s.phase != Phase::round)
        return (void)refuse(ErrorCode::wrong_phase, "people can be moved during a round only");
    if (!active_attendee(c.attendee)) return (void)refuse(ErrorCode::not_found, "no such attendee");
    if (c.table < 1 || static_cast<std::size_t>(c.table) > s.tables.size() + 1)
        return (void)refuse(ErrorCode::not_found, "no such table");
    if (event.table_of(c.attendee) == c.table)
        return (void)refuse(ErrorCode::invalid_field, "this attendee is already at that table");
    if (event.table_of(c.attendee)) unseat(c.attendee);
    if (static_cast<std::size_t>(c.table) > s.tables.size()) s.tables.emplace_back();
    seat(c.attendee, static_cast<std::size_t>(c.table - 1));
}

void Event::Apply::operator()(const RemoveAttendee& c) {
    Attendee* attendee = active_attendee(c.attendee);
    if (!attendee) return (void)refuse(ErrorCode::not_found, "no such attendee");
    set_connected(*attendee, false);
    attendee->status = AttendeeStatus::removed;
    fx.records.push_back(AttendeeStatusChanged{c.attendee, AttendeeStatus::removed, now});
    fx.outbox.host().attendees.insert(c.attendee);  // the console keeps them, marked as removed
    fx.outbox.disconnect(Audience::of(c.attendee), Disconnection::Reason::removed);
    if (s.phase == Phase::round && event.table_of(c.attendee)) {
        unseat(c.attendee);
        mend_tables();
    }
}

// The duplicate's seat passes to keep when keep has none this round; its meetings and chat become keep's,
// under keep's name (as storage has them once reloaded).
void Event::Apply::operator()(const MergeAttendees& c) {
    if (c.duplicate == c.keep)
        return (void)refuse(ErrorCode::invalid_field, "an entry cannot be merged with itself");
    auto duplicate = s.attendees.find(c.duplicate);
    if (duplicate == s.attendees.end() || duplicate->second.status == AttendeeStatus::merged)
        return (void)refuse(ErrorCode::not_found, "no such attendee");
    if (!active_attendee(c.keep))
        return (void)refuse(ErrorCode::not_found, "the entry to keep must be of someone still in the event");
    Attendee& gone = duplicate->second;
    set_connected(gone, false);
    int table = s.phase == Phase::round ? event.table_of(c.duplicate) : 0;
    if (table) unseat(c.duplicate);
    if (gone.status == AttendeeStatus::active)
        fx.outbox.disconnect(Audience::of(c.duplicate), Disconnection::Reason::merged);
    gone.status = AttendeeStatus::merged;
    gone.merged_into = c.keep;
    fx.records.push_back(AttendeesMerged{c.duplicate, c.keep, now});
    fx.outbox.host().gone.insert(c.duplicate);
    fx.outbox.host().attendees.insert(c.keep);
    s.history.merge(c.keep, c.duplicate);
    merge_tablemates(s, c.duplicate, c.keep);
    merge_answers(c.duplicate, c.keep);
    for (auto& round : s.past_rounds)
        for (auto& seats : round) std::replace(seats.begin(), seats.end(), c.duplicate, c.keep);
    const std::string& name = s.attendees.at(c.keep).name;
    for (auto& t : s.tables)
        for (auto& message : t.chat)
            if (message.from == c.duplicate) message.from = c.keep, message.name = name;
    if (table && !event.table_of(c.keep))
        seat(c.keep, static_cast<std::size_t>(table - 1));
    else if (table)
        mend_tables();
}

void Event::Apply::operator()(const PauseRotation&) {
    if (s.paused) return (void)refuse(ErrorCode::wrong_phase, "the rotation is already paused");
    if (s.phase != Phase::round && s.phase != Phase::pause_between_rounds)
        return (void)refuse(ErrorCode::wrong_phase, "only a round or a break can be paused");
    s.paused = true;
    s.remaining_ms = std::max<std::int64_t>(0, *s.deadline - now);
    s.deadline.reset();
    record_phase();
}

void Event::Apply::operator()(const ResumeRotation&) {
    if (!s.paused) return (void)refuse(ErrorCode::wrong_phase, "the rotation is not paused");
    s.paused = false;
    s.deadline = now + s.remaining_ms;
    s.remaining_ms = 0;
    record_phase();
}

void Event::Apply::operator()(const EndEvent&) { end_event(); }

}  // namespace ensemble::domain
