// Who sits where: forming a round's tables with the matcher, and mending them live.
#include "domain/event_apply.hpp"

namespace ensemble::domain {
namespace {

// Same event and round, same tables: a restarted server forms the round it would have formed.
std::uint64_t seed_for(const std::string& event_id, int round) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : event_id) hash = (hash ^ c) * 1099511628211ULL;
    return (hash ^ static_cast<std::uint64_t>(round)) * 1099511628211ULL;
}

matching::TableSize table_size(const EventSettings& settings) {
    return {settings.table_size, settings.min_table_size, settings.max_table_size};
}

matching::Person person_of(const Attendee& attendee) { return {attendee.id, attendee.organisation, {}}; }

}  // namespace

// The job copies what it needs, so the event goes on while the matcher works.
void Event::Apply::request_round(int number) {
    SeatingJob job;
    job.round = number;
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.connected && attendee.status == AttendeeStatus::active)
            job.people.push_back(person_of(attendee));
    job.history = s.history;
    job.size = table_size(s.settings);
    job.seed = seed_for(s.id, number);
    // Optimising all rounds together reaches zero repeats where round-by-round cannot.
    if (number == 1 && s.settings.rounds > 1)
        job.rounds_to_plan = s.settings.rounds;
    else
        job.plan = s.plan;
    event.seating_round_ = number;
    fx.seating = std::move(job);
}

void Event::Apply::start_round(int number, const SeatingResult& result) {
    // The host can still look back at the round that ends here.
    if (s.round > 0) s.past_rounds.push_back(*event.round_seats(s.round));
    presence_stop_all();
    s.presence.clear();
    s.tables.clear();
    event.table_index_.clear();
    s.round = number;
    fx.records.push_back(RoundStarted{number, now});
    fx.outbox.host().tables_reset = true;
    if (result.plan) {
        s.plan = result.plan;
        fx.records.push_back(PlanMade{result.plan->first_round, result.plan->rounds});
    }
    // Whoever left while the tables were being formed is not seated; whoever came is seated late.
    bool someone_left = false;
    for (const auto& table : result.tables) {
        s.tables.emplace_back();
        for (AttendeeId id : table) {
            if (active_attendee(id))
                seat(id, s.tables.size() - 1);
            else
                someone_left = true;
        }
    }
    if (someone_left) mend_tables();
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.connected && attendee.status == AttendeeStatus::active && !event.table_of(id))
            seat_late_joiner(id);
    enter_phase(Phase::round, s.settings.round_seconds * 1000LL);
    for (const auto& [id, seat] : s.presence) presence_start(id);
}

void Event::Apply::seat(AttendeeId attendee, std::size_t table_index) {
    auto& table = s.tables[table_index];
    int number = static_cast<int>(table_index + 1);
    for (AttendeeId other : table.seats) {
        fx.records.push_back(Met{s.round, number, std::min(attendee, other), std::max(attendee, other)});
        // Meeting again in the same round (moved away and back) is still one meeting.
        if (s.history.last_round_met(attendee, other) != s.round)
            s.history.record_pair(attendee, other, s.round);
        s.tablemates.emplace(RoundPair{s.round, std::min(attendee, other), std::max(attendee, other)},
                             number);
    }
    table.seats.push_back(attendee);
    event.table_index_[attendee] = number;
    fx.records.push_back(Seated{s.round, number, attendee, now});
    s.presence[attendee] = SeatPresence{s.round, number, 0, 0, false, std::nullopt};
    presence_start(attendee);
    table_changed(table_index);
}

void Event::Apply::unseat(AttendeeId attendee) {
    int number = event.table_of(attendee);
    presence_stop(attendee);
    s.presence.erase(attendee);
    auto& seats = s.tables[static_cast<std::size_t>(number - 1)].seats;
    std::erase(seats, attendee);
    event.table_index_.erase(attendee);
    fx.records.push_back(Unseated{s.round, number, attendee, now});
    fx.outbox.view_changed(Audience::of(attendee));
    table_changed(static_cast<std::size_t>(number - 1));
}

void Event::Apply::table_changed(std::size_t table_index) {
    int number = static_cast<int>(table_index + 1);
    fx.outbox.view_changed(Audience::at_table(number));
    fx.outbox.host().tables.insert(number);
}

namespace {

// The live tables as the matcher sees them.
struct LiveView {
    std::vector<matching::Table> tables;
    std::unordered_map<matching::PersonId, matching::Person> people;
};

LiveView live_view(const EventState& s) {
    LiveView view;
    for (const auto& table : s.tables) {
        view.tables.push_back(table.seats);
        for (AttendeeId id : table.seats) view.people.emplace(id, person_of(s.attendees.at(id)));
    }
    return view;
}

}  // namespace

void Event::Apply::seat_late_joiner(AttendeeId attendee) {
    auto view = live_view(s);
    matching::LiveContext context{&view.tables,           &view.people, &s.history,
                                  table_size(s.settings), {},           s.round};
    apply_moves(matching::seat_late_joiner(context, person_of(s.attendees.at(attendee))));
}

void Event::Apply::mend_tables() {
    auto view = live_view(s);
    matching::LiveContext context{&view.tables,           &view.people, &s.history,
                                  table_size(s.settings), {},           s.round};
    apply_moves(matching::rebalance_after_leave(context));
}

void Event::Apply::apply_moves(const std::vector<matching::Move>& moves) {
    for (const auto& move : moves) {
        if (event.table_of(move.person)) unseat(move.person);
        while (move.to_table >= s.tables.size()) s.tables.emplace_back();
        seat(move.person, move.to_table);
    }
}

}  // namespace ensemble::domain
