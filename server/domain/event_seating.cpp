// Who sits where: forming a round's tables with the matcher, and mending them live.
#include <algorithm>

#include "domain/event_apply.hpp"
#include "domain/round_needs.hpp"
#include "matching/table_sizes.hpp"

namespace ensemble::domain {
namespace {

// Same event and round, same tables: a restarted server forms the round it would have formed.
std::uint64_t seed_for(const std::string& event_id, int round) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : event_id) hash = (hash ^ c) * 1099511628211ULL;
    return (hash ^ static_cast<std::uint64_t>(round)) * 1099511628211ULL;
}

// Pairs who both asked to keep in touch, both here: a meet-again round seats them together.
std::vector<std::vector<matching::PersonId>> mutual_wishes(const EventState& s,
                                                           const std::vector<matching::Person>& present) {
    std::set<AttendeeId> here;
    for (const auto& person : present) here.insert(person.id);
    std::vector<std::vector<matching::PersonId>> pairs;
    for (const auto& [from, about] : s.contact_wishes)
        if (from < about && here.count(from) && here.count(about) && s.contact_wishes.count({about, from}))
            pairs.push_back({from, about});
    return pairs;
}

// Optimising all rounds together reaches zero repeats where round by round cannot: near the round limit
// (matching/table_sizes.hpp). Up to half of it, round by round repeats nobody either (measured from 16 to
// 1,000 attendees at tables of 5, organisations of 8), at a fraction of the cost: 10,000 attendees waited
// 20-35 ms more for their first seats while 3 rounds were planned.
bool worth_planning(std::size_t present, const EventSettings& settings) {
    if (settings.rounds < 2 || present < 2) return false;
    return 2 * settings.rounds > matching::round_limit(static_cast<int>(present), settings.table_size);
}

}  // namespace

// The job copies what it needs, so the event goes on while the matcher works.
void Event::Apply::request_round(int number) {
    // The round's seats end when the next is asked for: their presence is written now, while the matcher
    // works, not with the new round's seats (whatever is said meanwhile is written as it comes).
    presence_stop_all();
    SeatingJob job;
    job.round = number;
    job.kind = kind_of_round(s.settings, number);
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.connected && attendee.status == AttendeeStatus::active)
            job.people.push_back(person_of(attendee, job.kind));
    job.history = s.history;
    job.shape = round_shape(s.settings, job.kind);
    job.seed = seed_for(s.id, number);
    if (job.kind == RoundKind::meet_again) job.keep_together = mutual_wishes(s, job.people);
    if (job.kind == RoundKind::mutual_help)
        for (AttendeeId id : needs_never_met(s)) job.needs_first.insert(id);
    if (auto topic = s.topic_rounds.find(number);
        job.kind == RoundKind::topic_tables && topic != s.topic_rounds.end()) {
        for (const auto& table : topic->second.tables)
            if (table.open) job.topic_tables.push_back(table);
        for (const auto& person : job.people)
            if (auto choice = topic->second.choices.find(person.id); choice != topic->second.choices.end())
                job.topic_choices.emplace(person.id, choice->second);
    }
    if (number == 1 && job.kind == RoundKind::discovery && worth_planning(job.people.size(), s.settings))
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
    // Who may sit, found in one walk of the attendees, not in one search of their tree per seat.
    std::vector<AttendeeId> active;
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.status == AttendeeStatus::active) active.push_back(id);
    std::vector<std::pair<RoundPair, int>> pairs;
    round_pairs = &pairs;
    // Whoever left while the tables were being formed is not seated; whoever came is seated late.
    bool someone_left = false;
    for (const auto& table : result.tables) {
        s.tables.emplace_back();
        for (AttendeeId id : table) {
            if (std::binary_search(active.begin(), active.end(), id))
                seat(id, s.tables.size() - 1);
            else
                someone_left = true;
        }
    }
    if (!result.topic_tables.empty()) place_topic_tables(number, result.topic_tables);
    if (someone_left) mend_tables();
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.connected && attendee.status == AttendeeStatus::active && !event.table_of(id))
            seat_late_joiner(id);
    round_pairs = nullptr;
    // The round's pairs come after every earlier round's: in their order, each goes in at the tree's end
    // (a third of the seating's time at 10,000, inserted one by one). Of a pair seated twice, the first
    // stays.
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [pair, table] : pairs) s.tablemates.emplace_hint(s.tablemates.end(), pair, table);
    enter_phase(Phase::round, s.settings.round_seconds * 1000LL);
    // The seats and the attendees side by side, both in id order (every seated one is an attendee).
    auto attendee = s.attendees.begin();
    for (auto& [id, seat] : s.presence) {
        while (attendee->first < id) ++attendee;
        presence_start(seat, attendee->second);
    }
}

// Each topic table learns its table number, so the table page shows its topic, after a restart too.
void Event::Apply::place_topic_tables(int round, const std::vector<int>& ids) {
    auto& topic = s.topic_rounds[round];
    TopicTablesSeated seated{round, {}};
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (auto* table = ids[i] ? topic.find(ids[i]) : nullptr) {
            table->table = static_cast<int>(i + 1);
            seated.tables.emplace_back(ids[i], table->table);
        }
    fx.records.push_back(std::move(seated));
}

void Event::Apply::seat(AttendeeId attendee, std::size_t table_index) {
    auto& table = s.tables[table_index];
    int number = static_cast<int>(table_index + 1);
    for (AttendeeId other : table.seats) {
        s.history.record_meeting(attendee, other, s.round);
        RoundPair pair{s.round, std::min(attendee, other), std::max(attendee, other)};
        if (round_pairs)
            round_pairs->emplace_back(pair, number);
        else
            s.tablemates.emplace(pair, number);
    }
    table.seats.push_back(attendee);
    event.table_index_[attendee] = number;
    fx.records.push_back(Seated{s.round, number, attendee, now});
    s.presence[attendee] = SeatPresence{s.round, number, 0, 0, false, std::nullopt};
    if (!round_pairs) presence_start(attendee);  // a round's seats start theirs together (start_round)
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

LiveView live_view(const EventState& s, RoundKind kind) {
    LiveView view;
    for (const auto& table : s.tables) {
        view.tables.push_back(table.seats);
        for (AttendeeId id : table.seats) view.people.emplace(id, person_of(s.attendees.at(id), kind));
    }
    return view;
}

}  // namespace

void Event::Apply::seat_late_joiner(AttendeeId attendee) {
    auto kind = kind_of_round(s.settings, s.round);
    auto view = live_view(s, kind);
    auto shape = round_shape(s.settings, kind);
    matching::LiveContext context{&view.tables, &view.people,      &s.history,
                                  shape.size,   shape.preferences, s.round};
    apply_moves(matching::seat_late_joiner(context, person_of(s.attendees.at(attendee), kind)));
}

void Event::Apply::mend_tables() {
    auto kind = kind_of_round(s.settings, s.round);
    auto view = live_view(s, kind);
    auto shape = round_shape(s.settings, kind);
    matching::LiveContext context{&view.tables, &view.people,      &s.history,
                                  shape.size,   shape.preferences, s.round};
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
