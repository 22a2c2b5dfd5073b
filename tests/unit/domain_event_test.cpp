// The rules of a live event, driven by hand-set times: no sockets, no clock, no files.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "domain/event.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

EventSettings settings(int rounds = 3, int table_size = 4) {
    EventSettings s;
    s.table_size = table_size;
    s.min_table_size = table_size - 1;
    s.max_table_size = table_size + 1;
    s.title = "Rencontres";
    s.rounds = rounds;
    s.round_seconds = 600;
    s.break_seconds = 120;
    s.prompts = {"Premier", "Second"};
    return s;
}

// An event with `count` attendees joined and connected.
Event event_with(int count, int rounds = 3, int table_size = 4) {
    Event event = Event::create("ev1", settings(rounds, table_size), t0);
    for (int i = 0; i < count; ++i) {
        auto fx = event.apply(Actor::system(),
                              Join{"P" + std::to_string(i), "Org" + std::to_string(i % 5), "", "h"}, t0);
        REQUIRE(fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    return event;
}

std::vector<AttendeeId> everyone_seated(const Event& event) {
    std::vector<AttendeeId> seated;
    for (const auto& table : event.state().tables)
        seated.insert(seated.end(), table.seats.begin(), table.seats.end());
    std::sort(seated.begin(), seated.end());
    return seated;
}

void check_valid_round(const Event& event) {
    std::vector<AttendeeId> present;
    for (const auto& [id, a] : event.state().attendees)
        if (a.connected && a.status == AttendeeStatus::active) present.push_back(id);
    CHECK(everyone_seated(event) == present);
    for (const auto& table : event.state().tables) {
        CHECK(int(table.seats.size()) >= event.state().settings.min_table_size);
        CHECK(int(table.seats.size()) <= event.state().settings.max_table_size);
    }
}

template <typename T>
int count_records(const Effects& fx) {
    return static_cast<int>(std::count_if(fx.records.begin(), fx.records.end(),
                                          [](const Record& r) { return record_if<T>(r) != nullptr; }));
}

}  // namespace

TEST_CASE("a new event waits in the lobby and numbers attendees from 1") {
    Event event = event_with(3);
    CHECK(event.state().phase == Phase::lobby);
    CHECK(event.state().attendees.begin()->first == 1);
    CHECK(event.present_count() == 3);
    CHECK_FALSE(event.state().deadline);
}

TEST_CASE("host commands from an attendee or the server are refused and change nothing") {
    Event event = event_with(4);
    for (const Command& command :
         std::vector<Command>{StartEvent{}, EndEvent{}, Broadcast{"x"}, PauseRotation{}}) {
        auto fx = event.apply(Actor::of(1), command, t0);
        REQUIRE(fx.error);
        CHECK(fx.error->code == ErrorCode::forbidden);
        CHECK(fx.records.empty());
    }
    CHECK(event.apply(Actor::host(), PostChat{"hi"}, t0).error->code == ErrorCode::forbidden);
    CHECK(event.state().phase == Phase::lobby);
}

TEST_CASE("starting seats everyone present exactly once, in allowed sizes, and records who met") {
    Event event = event_with(12);
    auto fx = drive(event, Actor::host(), StartEvent{}, t0);
    REQUIRE_FALSE(fx.error);
    CHECK(event.state().phase == Phase::round);
    CHECK(event.state().round == 1);
    CHECK(event.state().deadline == t0 + 600'000);
    check_valid_round(event);
    CHECK(count_records<RoundStarted>(fx) == 1);
    CHECK(count_records<Seated>(fx) == 12);
    std::size_t pairs = 0;
    for (const auto& table : event.state().tables) pairs += table.seats.size() * (table.seats.size() - 1) / 2;
    CHECK(event.state().tablemates.size() == pairs);
    auto messages = fx.outbox.messages();
    CHECK(std::any_of(messages.begin(), messages.end(), [](const Message& m) {
        return m.to == Audience::attendees() && std::holds_alternative<ViewChanged>(m.body);
    }));
    CHECK(drive(event, Actor::host(), StartEvent{}, t0).error->code == ErrorCode::wrong_phase);
}

TEST_CASE("timers advance round, break, round, and the last round ends the event") {
    Event event = event_with(9, 2);
    drive(event, Actor::host(), StartEvent{}, t0);
    CHECK(drive(event, Actor::system(), Tick{}, t0 + 599'999).records.empty());
    CHECK(event.state().phase == Phase::round);
    drive(event, Actor::system(), Tick{}, t0 + 600'000);
    CHECK(event.state().phase == Phase::pause_between_rounds);
    CHECK(event.state().deadline == t0 + 720'000);
    drive(event, Actor::system(), Tick{}, t0 + 720'000);
    CHECK(event.state().phase == Phase::round);
    CHECK(event.state().round == 2);
    check_valid_round(event);
    auto fx = drive(event, Actor::system(), Tick{}, t0 + 1'320'000);
    CHECK(event.state().phase == Phase::ended);
    REQUIRE(fx.outbox.disconnections().size() == 1);
    CHECK(fx.outbox.disconnections()[0].who == Audience::everyone());
    CHECK(fx.outbox.disconnections()[0].reason == Disconnection::Reason::event_ended);
    CHECK(drive(event, Actor::host(), NextRound{}, t0).error->code == ErrorCode::event_ended);
}

TEST_CASE("the second round avoids tablemates of the first") {
    Event event = event_with(16);
    drive(event, Actor::host(), StartEvent{}, t0);
    auto first = event.state().history;
    drive(event, Actor::host(), NextRound{}, t0 + 1000);
    for (const auto& table : event.state().tables)
        for (std::size_t i = 0; i < table.seats.size(); ++i)
            for (std::size_t j = i + 1; j < table.seats.size(); ++j)
                CHECK(first.times_met(table.seats[i], table.seats[j]) == 0);
}

TEST_CASE("a late joiner is seated at once and nobody else moves") {
    Event event = event_with(12);
    drive(event, Actor::host(), StartEvent{}, t0);
    auto before = event.state().tables;
    auto joined = event.apply(Actor::system(), Join{"Late", "OrgX", "", "h"}, t0 + 5);
    auto fx = event.apply(Actor::system(), Connect{*joined.joined}, t0 + 6);
    REQUIRE_FALSE(fx.error);
    int table = event.table_of(*joined.joined);
    REQUIRE(table > 0);
    for (std::size_t t = 0; t < before.size(); ++t) {
        auto seats = event.state().tables[t].seats;
        std::erase(seats, *joined.joined);
        CHECK(seats == before[t].seats);
    }
    CHECK(count_records<Seated>(fx) == 1);
    for (AttendeeId other : event.state().tables[std::size_t(table - 1)].seats)
        if (other != *joined.joined) CHECK(event.state().history.times_met(*joined.joined, other) == 1);
}

TEST_CASE("a table left with one person is merged into another; a disconnect keeps the seat") {
    Event event = event_with(9, 3, 3);
    drive(event, Actor::host(), StartEvent{}, t0);
    const auto table = event.state().tables[0].seats;
    REQUIRE(table.size() == 3);

    event.apply(Actor::system(), Disconnect{table[0]}, t0 + 1);
    CHECK(event.table_of(table[0]) == 1);
    event.apply(Actor::system(), Connect{table[0]}, t0 + 2);
    CHECK(event.table_of(table[0]) == 1);

    event.apply(Actor::of(table[0]), Leave{}, t0 + 3);
    CHECK(event.table_of(table[0]) == 0);
    auto fx = event.apply(Actor::host(), RemoveAttendee{table[1]}, t0 + 4);
    REQUIRE(fx.outbox.disconnections().size() == 1);
    CHECK(fx.outbox.disconnections()[0].who == Audience::of(table[1]));
    CHECK(fx.outbox.disconnections()[0].reason == Disconnection::Reason::removed);
    CHECK(event.table_of(table[2]) > 1);
    for (const auto& t : event.state().tables) CHECK(t.seats.size() != 1);
    CHECK(everyone_seated(event).size() == 7);
}

TEST_CASE("pause freezes the countdown, resume goes on from there, extend adds minutes") {
    Event event = event_with(6);
    drive(event, Actor::host(), StartEvent{}, t0);
    event.apply(Actor::host(), PauseRotation{}, t0 + 100'000);
    CHECK(event.state().paused);
    CHECK_FALSE(event.state().deadline);
    CHECK(event.state().remaining_ms == 500'000);
    drive(event, Actor::system(), Tick{}, t0 + 10'000'000);
    CHECK(event.state().phase == Phase::round);
    event.apply(Actor::host(), ExtendRound{2}, t0 + 10'000'000);
    CHECK(event.state().remaining_ms == 620'000);
    event.apply(Actor::host(), ResumeRotation{}, t0 + 20'000'000);
    CHECK(event.state().deadline == t0 + 20'620'000);
    CHECK(event.apply(Actor::host(), ResumeRotation{}, t0).error->code == ErrorCode::wrong_phase);
    event.apply(Actor::host(), ExtendRound{1}, t0 + 20'000'000);
    CHECK(event.state().deadline == t0 + 20'680'000);
}

TEST_CASE("chat reaches only the author's table and needs a seat") {
    Event event = event_with(8);
    CHECK(event.apply(Actor::of(1), PostChat{"hello"}, t0).error->code == ErrorCode::wrong_phase);
    drive(event, Actor::host(), StartEvent{}, t0);
    auto fx = event.apply(Actor::of(1), PostChat{"hello"}, t0 + 1);
    auto messages = fx.outbox.messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0].to == Audience::at_table(event.table_of(1)));
    CHECK(std::get<ChatPosted>(messages[0].body).message.name == "P0");
    CHECK(event.state().tables[std::size_t(event.table_of(1) - 1)].chat.size() == 1);
}

TEST_CASE("the host moves someone to another table or a new one") {
    Event event = event_with(8);
    drive(event, Actor::host(), StartEvent{}, t0);
    int tables = int(event.state().tables.size());
    int from = event.table_of(1);
    int to = from == 1 ? 2 : 1;
    REQUIRE_FALSE(event.apply(Actor::host(), MoveAttendee{1, to}, t0).error);
    CHECK(event.table_of(1) == to);
    CHECK(event.apply(Actor::host(), MoveAttendee{1, to}, t0).error);
    CHECK(event.apply(Actor::host(), MoveAttendee{1, tables + 2}, t0).error->code == ErrorCode::not_found);
    REQUIRE_FALSE(event.apply(Actor::host(), MoveAttendee{1, tables + 1}, t0).error);
    CHECK(event.table_of(1) == tables + 1);
    CHECK(everyone_seated(event).size() == 8);
}

TEST_CASE("an event rebuilt from its state finds everyone's table again") {
    Event event = event_with(10);
    drive(event, Actor::host(), StartEvent{}, t0);
    Event restored(event.state());
    for (const auto& [id, a] : event.state().attendees) CHECK(restored.table_of(id) == event.table_of(id));
}

TEST_CASE("settings are checked against the protocol's limits") {
    auto s = settings();
    CHECK_FALSE(validate(s));
    s.min_table_size = 6;
    CHECK(validate(s)->field == "min_table_size");
    s = settings();
    s.video_link_template = "javascript:alert(1)";
    CHECK(validate(s)->field == "video_link_template");
    s.video_link_template = "https://visio.example.org/{event}-{round}-{table}";
    CHECK(video_url(s, "abc", 2, 7) == "https://visio.example.org/abc-2-7");
    CHECK(prompt_for_round(s, 3) == "Premier");
}

TEST_CASE("with steady attendance the planned rounds repeat nobody, up to the mathematical bound") {
    Event event = event_with(16, 5);  // tables of 4: floor(15 / 3) = 5 rounds without a repeat
    drive(event, Actor::host(), StartEvent{}, t0);
    for (int round = 2; round <= 5; ++round)
        REQUIRE_FALSE(drive(event, Actor::host(), NextRound{}, t0 + round).error);
    for (AttendeeId a = 1; a <= 16; ++a)
        for (AttendeeId b = a + 1; b <= 16; ++b) CHECK(event.state().history.times_met(a, b) <= 1);
    check_valid_round(event);
}

TEST_CASE("when tables of the target size force repeats, smaller tables avoid them") {
    Event event = event_with(12, 3);  // 3 tables of 4 cannot give two rounds without a repeat; 4 of 3 can
    drive(event, Actor::host(), StartEvent{}, t0);
    for (int round = 2; round <= 3; ++round)
        REQUIRE_FALSE(drive(event, Actor::host(), NextRound{}, t0 + round).error);
    for (AttendeeId a = 1; a <= 12; ++a)
        for (AttendeeId b = a + 1; b <= 12; ++b) CHECK(event.state().history.times_met(a, b) <= 1);
    check_valid_round(event);
}

TEST_CASE(
    "forming tables is a job: the event waits for its SeatRound, refuses a second start, ignores ticks") {
    Event event = event_with(8);
    auto fx = event.apply(Actor::host(), StartEvent{}, t0);
    REQUIRE(fx.seating);
    CHECK(fx.records.empty());
    CHECK(event.seating_round() == 1);
    CHECK(event.state().phase == Phase::lobby);
    CHECK(event.apply(Actor::host(), StartEvent{}, t0).error->code == ErrorCode::wrong_phase);
    CHECK(event.apply(Actor::host(), NextRound{}, t0).error->code == ErrorCode::wrong_phase);
    CHECK_FALSE(event.apply(Actor::system(), Tick{}, t0 + 1).seating);

    // Someone leaves and someone arrives while the matcher works: neither breaks the round.
    auto job = *fx.seating;
    REQUIRE_FALSE(event.apply(Actor::of(3), Leave{}, t0 + 1).error);
    auto late = event.apply(Actor::system(), Join{"Late", "OrgX", "", "h"}, t0 + 2);
    REQUIRE_FALSE(event.apply(Actor::system(), Connect{*late.joined}, t0 + 2).error);
    CHECK(
        event.apply(Actor::system(), SeatRound{2, form_tables(job)}, t0 + 3).records.empty());  // not awaited
    auto seated = event.apply(Actor::system(), SeatRound{1, form_tables(job)}, t0 + 3);
    REQUIRE_FALSE(seated.error);
    CHECK(event.state().phase == Phase::round);
    CHECK(event.table_of(3) == 0);
    CHECK(event.table_of(*late.joined) > 0);
    check_valid_round(event);
    CHECK(count_records<PlanMade>(seated) == 1);
    REQUIRE(event.state().plan);
    CHECK(event.state().plan->rounds.size() == 3);
}

TEST_CASE("the outbox addresses each message to its audience") {
    Event event = event_with(8);
    drive(event, Actor::host(), StartEvent{}, t0);
    int table = event.table_of(1);

    auto left = event.apply(Actor::of(1), Leave{}, t0 + 1);
    REQUIRE(left.outbox.disconnections().size() == 1);
    CHECK(left.outbox.disconnections()[0].who == Audience::of(1));
    CHECK(left.outbox.disconnections()[0].reason == Disconnection::Reason::left);
    auto messages = left.outbox.messages();
    CHECK(std::any_of(messages.begin(), messages.end(), [&](const Message& m) {
        return m.to == Audience::at_table(table) && std::holds_alternative<ViewChanged>(m.body);
    }));
    const auto& host = std::get<HostChanges>(messages.back().body);
    CHECK(messages.back().to == Audience::hosts());
    CHECK(host.attendees.count(1) == 1);  // the console keeps a leaver, marked as left
    CHECK(host.gone.empty());

    auto broadcast = event.apply(Actor::host(), Broadcast{"Bienvenue"}, t0 + 2);
    REQUIRE(broadcast.outbox.messages().size() == 1);
    CHECK(broadcast.outbox.messages()[0].to == Audience::everyone());

    auto gone = event.apply(Actor::system(), Disconnect{2}, t0 + 3);
    messages = gone.outbox.messages();
    CHECK(std::any_of(messages.begin(), messages.end(),
                      [](const Message& m) { return std::holds_alternative<PresenceChanged>(m.body); }));
}

TEST_CASE("the head count is kept as people come, go, leave and are removed") {
    Event event = event_with(6);
    CHECK(event.present_count() == 6);
    event.apply(Actor::system(), Disconnect{1}, t0);
    event.apply(Actor::system(), Disconnect{1}, t0);
    CHECK(event.present_count() == 5);
    event.apply(Actor::of(2), Leave{}, t0);
    event.apply(Actor::host(), RemoveAttendee{3}, t0);
    event.apply(Actor::host(), RemoveAttendee{1}, t0);
    CHECK(event.present_count() == 3);
    event.apply(Actor::system(), Connect{4}, t0);
    CHECK(event.present_count() == 3);
    CHECK(Event(event.state()).present_count() == 3);
}

TEST_CASE("a restored event follows the stored plan, so a restart adds no repeat") {
    Event event = event_with(16, 5);
    drive(event, Actor::host(), StartEvent{}, t0);
    drive(event, Actor::host(), NextRound{}, t0 + 1);
    Event restored(event.state());  // as storage brings it back: the plan is part of the state
    for (AttendeeId id = 1; id <= 16; ++id) restored.apply(Actor::system(), Connect{id}, t0 + 2);
    for (int round = 3; round <= 5; ++round)
        REQUIRE_FALSE(drive(restored, Actor::host(), NextRound{}, t0 + round).error);
    for (AttendeeId a = 1; a <= 16; ++a)
        for (AttendeeId b = a + 1; b <= 16; ++b) CHECK(restored.state().history.times_met(a, b) <= 1);
}

TEST_CASE("a table hears who comes and goes at its pace; the one who comes back sees their table at once") {
    Event event = event_with(8);
    drive(event, Actor::host(), StartEvent{}, t0);
    int table = event.table_of(1);
    auto addressed = [](const Effects& fx, const Audience& to, auto body) {
        auto messages = fx.outbox.messages();
        return std::count_if(messages.begin(), messages.end(), [&](const Message& m) {
            return m.to == to && std::holds_alternative<decltype(body)>(m.body);
        });
    };
    auto gone = event.apply(Actor::system(), Disconnect{1}, t0 + 1);
    CHECK(addressed(gone, Audience::at_table(table), ConnectionsChanged{}) == 1);
    CHECK(addressed(gone, Audience::at_table(table), ViewChanged{}) == 0);
    auto back = event.apply(Actor::system(), Connect{1}, t0 + 2);
    CHECK(addressed(back, Audience::of(1), ViewChanged{}) == 1);
    CHECK(addressed(back, Audience::at_table(table), ConnectionsChanged{}) == 1);
    CHECK(addressed(back, Audience::at_table(table), ViewChanged{}) == 0);
}

TEST_CASE("someone who comes back during a break hears the break, not their last table") {
    Event event = event_with(8);
    drive(event, Actor::host(), StartEvent{}, t0);
    drive(event, Actor::host(), EndRound{}, t0 + 1);
    REQUIRE(event.state().phase == Phase::pause_between_rounds);
    event.apply(Actor::system(), Disconnect{1}, t0 + 2);
    auto fx = event.apply(Actor::system(), Connect{1}, t0 + 3);
    auto messages = fx.outbox.messages();
    CHECK(std::any_of(messages.begin(), messages.end(), [](const Message& m) {
        return m.to == Audience::of(1) && std::holds_alternative<ViewChanged>(m.body);
    }));
}

// The tables of every seated attendee, table by table.
RoundSeats seats_now(const Event& event) {
    RoundSeats seats;
    for (const auto& table : event.state().tables) seats.push_back(table.seats);
    return seats;
}

TEST_CASE("the host can look back at each round's tables as they ended") {
    Event event = event_with(10);
    CHECK_FALSE(event.round_seats(1));
    drive(event, Actor::host(), StartEvent{}, t0);
    CHECK(event.round_seats(1) == seats_now(event));
    event.apply(Actor::of(1), Leave{}, t0 + 1);  // leaving during the round frees the seat
    const RoundSeats first = seats_now(event);
    drive(event, Actor::host(), EndRound{}, t0 + 2);
    REQUIRE(event.state().phase == Phase::pause_between_rounds);
    event.apply(Actor::host(), RemoveAttendee{2}, t0 + 3);  // during the break: round 1 stays as it ended
    CHECK(event.round_seats(1) == first);
    CHECK_FALSE(event.round_seats(2));

    drive(event, Actor::host(), NextRound{}, t0 + 4);
    REQUIRE(event.state().round == 2);
    CHECK(event.round_seats(1) == first);
    CHECK(event.round_seats(2) == seats_now(event));
    CHECK(event.round_seats(2) != first);
    CHECK_FALSE(event.round_seats(0));
    CHECK_FALSE(event.round_seats(3));
    drive(event, Actor::host(), EndEvent{}, t0 + 5);
    CHECK(event.round_seats(1) == first);
    CHECK(Event(event.state()).round_seats(1) == first);  // part of the state: storage brings it back
}

TEST_CASE("someone who leaves or is removed stays on the host's list, with a status") {
    Event event = event_with(4);
    event.apply(Actor::system(), Disconnect{3}, t0);
    for (auto [who, command] : {std::pair{AttendeeId{1}, Command{RemoveAttendee{1}}},
                                std::pair{AttendeeId{3}, Command{RemoveAttendee{3}}}}) {
        CAPTURE(who);
        auto fx = event.apply(Actor::host(), command, t0 + 1);
        const auto messages = fx.outbox.messages();
        const auto& host = std::get<HostChanges>(messages.back().body);
        CHECK(host.attendees == std::set<AttendeeId>{who});  // even when already offline
        CHECK(host.gone.empty());
        CHECK(event.state().attendees.at(who).status == AttendeeStatus::removed);
    }
    auto left = event.apply(Actor::of(2), Leave{}, t0 + 2);
    const auto messages = left.outbox.messages();
    CHECK(std::get<HostChanges>(messages.back().body).attendees == std::set<AttendeeId>{2});
}
