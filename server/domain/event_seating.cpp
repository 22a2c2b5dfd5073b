// Who sits where: forming a round's tables with the matcher, and mending them live.
#include "domain/event_apply.hpp"

namespace ensemble::domain {
namespace {

constexpr std::chrono::milliseconds matcher_budget{100};
constexpr std::chrono::milliseconds planner_budget{500};

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

void Event::Apply::start_round(int number) {
    s.tables.clear();
    event.table_index_.clear();
    s.round = number;
    fx.records.push_back(RoundStarted{number, now});

    matching::RoundRequest request;
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.connected && attendee.status == AttendeeStatus::active)
            request.people.push_back(person_of(attendee));
    request.history = &s.history;
    request.size = table_size(s.settings);
    request.round = number;
    request.seed = seed_for(s.id, number);
    request.budget = matcher_budget;
    // Optimising all rounds together reaches zero repeats where round-by-round cannot.
    if (number == 1 && s.settings.rounds > 1) {
        matching::PlanRequest plan;
        plan.people = request.people;
        plan.rounds = s.settings.rounds;
        plan.history = &s.history;
        plan.size = request.size;
        plan.seed = request.seed;
        plan.budget = planner_budget;
        event.plan_ = matching::plan_rounds(plan);
        // When the count of tables forces repeats (12 people at 3 tables, say), smaller tables may not.
        if (event.plan_->report.repeated_pairs > 0 && plan.size.target > plan.size.min) {
            --plan.size.target;
            auto smaller = matching::plan_rounds(plan);
            if (smaller.report.repeated_pairs < event.plan_->report.repeated_pairs) event.plan_ = std::move(smaller);
        }
    }
    auto result = event.plan_ ? matching::next_round_from_plan(*event.plan_, request) : matching::next_round(request);

    for (const auto& table : result.tables) {
        s.tables.emplace_back();
        for (AttendeeId id : table) seat(id, s.tables.size() - 1);
    }
    enter_phase(Phase::round, s.settings.round_seconds * 1000LL);
}

void Event::Apply::seat(AttendeeId attendee, std::size_t table_index) {
    auto& table = s.tables[table_index];
    int number = static_cast<int>(table_index + 1);
    for (AttendeeId other : table.seats) {
        fx.records.push_back(Met{s.round, number, std::min(attendee, other), std::max(attendee, other)});
        // Meeting again in the same round (moved away and back) is still one meeting.
        if (s.history.last_round_met(attendee, other) != s.round) s.history.record_pair(attendee, other, s.round);
    }
    table.seats.push_back(attendee);
    event.table_index_[attendee] = number;
    fx.records.push_back(Seated{s.round, number, attendee, now});
    table_changed(table_index);
}

void Event::Apply::unseat(AttendeeId attendee) {
    int number = event.table_of(attendee);
    auto& seats = s.tables[static_cast<std::size_t>(number - 1)].seats;
    std::erase(seats, attendee);
    event.table_index_.erase(attendee);
    fx.records.push_back(Unseated{s.round, number, attendee, now});
    fx.attendee_views_changed.insert(attendee);
    table_changed(static_cast<std::size_t>(number - 1));
}

void Event::Apply::table_changed(std::size_t table_index) {
    for (AttendeeId id : s.tables[table_index].seats) fx.attendee_views_changed.insert(id);
    fx.host_view_changed = true;
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
    matching::LiveContext context{&view.tables, &view.people, &s.history, table_size(s.settings), {}, s.round};
    apply_moves(matching::seat_late_joiner(context, person_of(s.attendees.at(attendee))));
}

void Event::Apply::mend_tables() {
    auto view = live_view(s);
    matching::LiveContext context{&view.tables, &view.people, &s.history, table_size(s.settings), {}, s.round};
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
