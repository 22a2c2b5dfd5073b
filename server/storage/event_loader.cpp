#include "storage/event_loader.hpp"

#include <algorithm>
#include <stdexcept>

#include "storage/plan_json.hpp"
#include "storage/purpose_rows.hpp"
#include "storage/series.hpp"
#include "storage/settings_json.hpp"
#include "storage/topic_table_rows.hpp"

namespace ensemble::storage {

namespace {

domain::Phase phase_of(const std::string& text) {
    auto phase = domain::phase_from_string(text);
    if (!phase) throw std::runtime_error("storage: unknown phase '" + text + "'");
    return *phase;
}

domain::AttendeeStatus status_of(const std::string& text) {
    auto status = domain::status_from_string(text);
    if (!status) throw std::runtime_error("storage: unknown attendee status '" + text + "'");
    return *status;
}

void read_attendees(Database& db, StoredEvent& stored) {
    auto& state = stored.state;
    auto query = db.prepare(
        std::string("SELECT id, name, organisation, role, status, joined_at, credential_hash, merged_into, "
                    "email, phone, erased_at, ") +
        purpose_columns + " FROM attendees WHERE event_id = ?1 ORDER BY id");
    query->bind(1, state.id);
    while (query->step()) {
        domain::Attendee attendee;
        attendee.id = query->column_int64(0);
        attendee.name = query->column_text(1);
        attendee.organisation = query->column_text(2);
        attendee.role = query->column_text(3);
        attendee.status = status_of(query->column_text(4));
        attendee.joined_at = query->column_int64(5);
        attendee.merged_into = query->column_optional_int64(7).value_or(0);
        attendee.email = query->column_text(8);
        attendee.phone = query->column_text(9);
        attendee.erased_at = query->column_optional_int64(10);
        attendee.purpose = purpose_from_row(*query, 11);
        // Every status keeps its credential: a removed attendee must still be recognised, and refused.
        stored.attendee_credentials.emplace(query->column_text(6), attendee.id);
        state.attendees.emplace(attendee.id, std::move(attendee));
    }
}

// A round's tables as its open seats say: the current round's as they stand, a past round's as they were
// when the next one started (a round's end closes no seat). Every table ever seated keeps its number,
// even once empty.
domain::RoundSeats read_round_seats(Database& db, const std::string& event_id, int round) {
    domain::RoundSeats tables;
    auto count = db.prepare("SELECT MAX(table_number) FROM seats WHERE event_id = ?1 AND round = ?2");
    count->bind(1, event_id).bind(2, round);
    if (!count->step()) return tables;
    tables.resize(static_cast<std::size_t>(count->column_optional_int64(0).value_or(0)));

    auto seats = db.prepare(
        "SELECT table_number, attendee_id FROM seats WHERE event_id = ?1 AND round = ?2 AND left_at IS NULL "
        "ORDER BY seated_at, id");
    seats->bind(1, event_id).bind(2, round);
    while (seats->step())
        tables.at(static_cast<std::size_t>(seats->column_int64(0) - 1)).push_back(seats->column_int64(1));
    return tables;
}

void read_tables(Database& db, domain::EventState& state) {
    for (int round = 1; round < state.round; ++round)
        state.past_rounds.push_back(read_round_seats(db, state.id, round));
    auto current = read_round_seats(db, state.id, state.round);
    state.tables.resize(current.size());
    for (std::size_t t = 0; t < current.size(); ++t) state.tables[t].seats = std::move(current[t]);
}

// Newest first through the index, then turned around: no sort for each of thousands of tables.
void read_chat(Database& db, domain::EventState& state) {
    auto chat = db.prepare(
        "SELECT attendee_id, text, at FROM chat_messages WHERE event_id = ?1 AND round = ?2 AND table_number "
        "= ?3 "
        "ORDER BY id DESC LIMIT ?4");
    for (std::size_t t = 0; t < state.tables.size(); ++t) {
        chat->reset();
        chat->bind(1, state.id)
            .bind(2, state.round)
            .bind(3, static_cast<int>(t + 1))
            .bind(4, chat_messages_loaded);
        auto& messages = state.tables[t].chat;
        while (chat->step()) {
            domain::ChatMessage message;
            message.from = chat->column_int64(0);
            message.text = chat->column_text(1);
            message.at = chat->column_int64(2);
            // Names never change, so the author's name now is their name when they wrote.
            message.name = state.attendees.at(message.from).name;
            messages.push_back(std::move(message));
        }
        std::reverse(messages.begin(), messages.end());
    }
}

void read_history(Database& db, domain::EventState& state) {
    auto encounters = db.prepare(
        "SELECT a, b, round, table_number FROM encounters WHERE event_id = ?1 ORDER BY round, a, b");
    encounters->bind(1, state.id);
    while (encounters->step()) {
        auto a = encounters->column_int64(0);
        auto b = encounters->column_int64(1);
        int round = encounters->column_int(2);
        state.history.record_pair(a, b, round);
        state.tablemates.emplace(domain::RoundPair{round, a, b}, encounters->column_int(3));
    }
}

// The answers to the end-of-round cards as they stand.
void read_answers(Database& db, domain::EventState& state) {
    auto talked =
        db.prepare("SELECT round, attendee_id, about, talked FROM talked_answers WHERE event_id = ?1");
    talked->bind(1, state.id);
    while (talked->step())
        state.talked[{talked->column_int(0), talked->column_int64(1), talked->column_int64(2)}] =
            talked->column_int64(3) != 0;
    auto wishes = db.prepare("SELECT attendee_id, about FROM contact_wishes WHERE event_id = ?1");
    wishes->bind(1, state.id);
    while (wishes->step()) state.contact_wishes.emplace(wishes->column_int64(0), wishes->column_int64(1));
    auto ratings = db.prepare("SELECT round, attendee_id, score FROM table_ratings WHERE event_id = ?1");
    ratings->bind(1, state.id);
    while (ratings->step())
        state.ratings[{ratings->column_int(0), ratings->column_int64(1)}] = ratings->column_int(2);
}

// The sums of the current round's open seats, so that they go on from there; the latest seat of each.
void read_presence(Database& db, domain::EventState& state) {
    if (state.phase != domain::Phase::round) return;
    auto seats = db.prepare(
        "SELECT table_number, attendee_id, visible_ms, chat_sent, video_opened FROM seats "
        "WHERE event_id = ?1 AND round = ?2 AND left_at IS NULL ORDER BY id");
    seats->bind(1, state.id).bind(2, state.round);
    while (seats->step())
        state.presence[seats->column_int64(1)] =
            domain::SeatPresence{state.round,          seats->column_int(0),        seats->column_int64(2),
                                 seats->column_int(3), seats->column_int64(4) != 0, std::nullopt};
}

// The report of a stored plan stays default: it described the plan when it was made.
void read_plan(Database& db, domain::EventState& state) {
    auto plan = db.prepare("SELECT first_round, rounds FROM plans WHERE event_id = ?1");
    plan->bind(1, state.id);
    if (!plan->step()) return;
    state.plan.emplace();
    state.plan->first_round = plan->column_int(0);
    state.plan->rounds = plan_rounds_from_json(plan->column_text(1));
}

void read_host_links(Database& db, domain::EventState& state) {
    auto links = db.prepare(
        "SELECT id, name, credential_hash, created_at, created_by, revoked_at, role FROM host_links "
        "WHERE event_id = ?1 ORDER BY id");
    links->bind(1, state.id);
    while (links->step()) {
        domain::HostLink link;
        link.id = links->column_int64(0);
        link.name = links->column_text(1);
        link.credential_hash = links->column_text(2);
        link.created_at = links->column_int64(3);
        link.created_by = links->column_int64(4);
        link.revoked_at = links->column_optional_int64(5);
        link.role = domain::link_role_from_string(links->column_text(6)).value_or(domain::LinkRole::host);
        state.host_links.emplace(link.id, std::move(link));
    }
}

// The latest actions, newest first through the index, then turned around; names as they are now.
void read_host_log(Database& db, domain::EventState& state) {
    auto actions = db.prepare(
        "SELECT host_link, kind, at, number, attendee_id, link_id, text, into_attendee_id FROM host_actions "
        "WHERE event_id = ?1 ORDER BY id DESC LIMIT ?2");
    actions->bind(1, state.id).bind(2, host_actions_loaded);
    auto link_name = [&](domain::HostLinkId id) {
        auto it = state.host_links.find(id);
        return it == state.host_links.end() ? std::string{} : it->second.name;
    };
    while (actions->step()) {
        auto kind = domain::host_action_from_string(actions->column_text(1));
        if (!kind) throw std::runtime_error("storage: unknown host action '" + actions->column_text(1) + "'");
        domain::HostAction a;
        a.kind = *kind;
        a.by = actions->column_int64(0);
        a.by_name = link_name(a.by);
        a.at = actions->column_int64(2);
        a.number = actions->column_int(3);
        a.attendee = actions->column_int64(4);
        a.link = actions->column_int64(5);
        a.text = actions->column_text(6);
        a.into = actions->column_int64(7);
        if (auto it = state.attendees.find(a.attendee); a.attendee && it != state.attendees.end())
            a.name = it->second.name;
        if (auto it = state.attendees.find(a.into); a.into && it != state.attendees.end())
            a.into_name = it->second.name;
        if (a.link) a.name = link_name(a.link);
        state.host_log.push_back(std::move(a));
    }
    std::reverse(state.host_log.begin(), state.host_log.end());
}

}  // namespace

std::optional<StoredEvent> read_event(Database& db, const std::string& event_id) {
    StoredEvent stored;
    auto& state = stored.state;
    {
        auto event = db.prepare(
            "SELECT settings, created_at, phase, round, deadline, paused, remaining_ms, "
            "host_credential_hash, ended_at, series_id FROM events WHERE id = ?1");
        event->bind(1, event_id);
        if (!event->step()) return std::nullopt;
        state.id = event_id;
        state.settings = settings_from_json(event->column_text(0));
        state.created_at = event->column_int64(1);
        state.phase = phase_of(event->column_text(2));
        state.round = event->column_int(3);
        state.deadline = event->column_optional_int64(4);
        state.paused = event->column_int64(5) != 0;
        state.remaining_ms = event->column_int64(6);
        stored.host_credential_hash = event->column_text(7);
        state.ended_at = event->column_optional_int64(8);
        state.series_id = event->column_text(9);  // NULL: no series
    }
    if (!state.series_id.empty()) state.series_past = read_series_past(db, state.series_id, state.id);
    read_attendees(db, stored);
    if (state.round > 0) {
        read_tables(db, state);
        read_chat(db, state);
    }
    read_history(db, state);
    read_answers(db, state);
    read_presence(db, state);
    read_plan(db, state);
    read_host_links(db, state);
    read_host_log(db, state);
    read_topic_rounds(db, state);
    return stored;
}

}  // namespace ensemble::storage
