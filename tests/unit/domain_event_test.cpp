// The rules of a live event, driven by hand-set times: no sockets, no clock, no files.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "domain/event.hpp"

using namespace ensemble::domain;

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
        auto fx = event.apply(Actor::system(), Join{"P" + std::to_string(i), "Org" + std::to_string(i % 5), "", "h"}, t0);
        REQUIRE(fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    return event;
}

std::vector<AttendeeId> everyone_seated(const Event& event) {
    std::vector<AttendeeId> seated;
    for (const auto& table : event.state().tables) seated.insert(seated.end(), table.seats.begin(), table.seats.end());
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
                                          [](const Record& r) { return std::holds_alternative<T>(r); }));
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
    for (const Command& command : std::vector<Command>{StartEvent{}, EndEvent{}, Broadcast{"x"}, PauseRotation{}}) {
        auto fx = event.apply(Actor::of(1), command, t0);
        REQUIRE(fx.error);
        CHECK(fx.error->code == "forbidden");
        CHECK(fx.records.empty());
    }
    CHECK(event.apply(Actor::host(), PostChat{"hi"}, t0).error->code == "forbidden");
    CHECK(event.state().phase == Phase::lobby);
}

TEST_CASE("starting seats everyone present exactly once, in allowed sizes, and records who met") {
    Event event = event_with(12);
    auto fx = event.apply(Actor::host(), StartEvent{}, t0);
    REQUIRE_FALSE(fx.error);
    CHECK(event.state().phase == Phase::round);
    CHECK(event.state().round == 1);
    CHECK(event.state().deadline == t0 + 600'000);
    check_valid_round(event);
    CHECK(count_records<RoundStarted>(fx) == 1);
    CHECK(count_records<Seated>(fx) == 12);
    int pairs = 0;
    for (const auto& table : event.state().tables) pairs += int(table.seats.size() * (table.seats.size() - 1) / 2);
    CHECK(count_records<Met>(fx) == pairs);
    CHECK(fx.all_attendee_views_changed);
    CHECK(event.apply(Actor::host(), StartEvent{}, t0).error->code == "wrong_phase");
}

TEST_CASE("timers advance round, break, round, and the last round ends the event") {
    Event event = event_with(9, 2);
    event.apply(Actor::host(), StartEvent{}, t0);
    CHECK(event.apply(Actor::system(), Tick{}, t0 + 599'999).records.empty());
    CHECK(event.state().phase == Phase::round);
    event.apply(Actor::system(), Tick{}, t0 + 600'000);
    CHECK(event.state().phase == Phase::pause_between_rounds);
    CHECK(event.state().deadline == t0 + 720'000);
    event.apply(Actor::system(), Tick{}, t0 + 720'000);
    CHECK(event.state().phase == Phase::round);
    CHECK(event.state().round == 2);
    check_valid_round(event);
    auto fx = event.apply(Actor::system(), Tick{}, t0 + 1'320'000);
    CHECK(event.state().phase == Phase::ended);
    CHECK(fx.ended);
    CHECK(event.apply(Actor::host(), NextRound{}, t0).error->code == "event_ended");
}

TEST_CASE("the second round avoids tablemates of the first") {
    Event event = event_with(16);
    event.apply(Actor::host(), StartEvent{}, t0);
    auto first = event.state().history;
    event.apply(Actor::host(), NextRound{}, t0 + 1000);
    for (const auto& table : event.state().tables)
        for (std::size_t i = 0; i < table.seats.size(); ++i)
            for (std::size_t j = i + 1; j < table.seats.size(); ++j)
                CHECK(first.times_met(table.seats[i], table.seats[j]) == 0);
}

TEST_CASE("a late joiner is seated at once and nobody else moves") {
    Event event = event_with(12);
    event.apply(Actor::host(), StartEvent{}, t0);
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
    CHECK(count_records<Met>(fx) == int(event.state().tables[std::size_t(table - 1)].seats.size()) - 1);
}

TEST_CASE("a table left with one person is merged into another; a disconnect keeps the seat") {
    Event event = event_with(9, 3, 3);
    event.apply(Actor::host(), StartEvent{}, t0);
    const auto table = event.state().tables[0].seats;
    REQUIRE(table.size() == 3);

    event.apply(Actor::system(), Disconnect{table[0]}, t0 + 1);
    CHECK(event.table_of(table[0]) == 1);
    event.apply(Actor::system(), Connect{table[0]}, t0 + 2);
    CHECK(event.table_of(table[0]) == 1);

    event.apply(Actor::of(table[0]), Leave{}, t0 + 3);
    CHECK(event.table_of(table[0]) == 0);
    auto fx = event.apply(Actor::host(), RemoveAttendee{table[1]}, t0 + 4);
    CHECK(fx.removed == std::vector<AttendeeId>{table[1]});
    CHECK(event.table_of(table[2]) > 1);
    for (const auto& t : event.state().tables) CHECK(t.seats.size() != 1);
    CHECK(everyone_seated(event).size() == 7);
}

TEST_CASE("pause freezes the countdown, resume goes on from there, extend adds minutes") {
    Event event = event_with(6);
    event.apply(Actor::host(), StartEvent{}, t0);
    event.apply(Actor::host(), PauseRotation{}, t0 + 100'000);
    CHECK(event.state().paused);
    CHECK_FALSE(event.state().deadline);
    CHECK(event.state().remaining_ms == 500'000);
    event.apply(Actor::system(), Tick{}, t0 + 10'000'000);
    CHECK(event.state().phase == Phase::round);
    event.apply(Actor::host(), ExtendRound{2}, t0 + 10'000'000);
    CHECK(event.state().remaining_ms == 620'000);
    event.apply(Actor::host(), ResumeRotation{}, t0 + 20'000'000);
    CHECK(event.state().deadline == t0 + 20'620'000);
    CHECK(event.apply(Actor::host(), ResumeRotation{}, t0).error->code == "wrong_phase");
    event.apply(Actor::host(), ExtendRound{1}, t0 + 20'000'000);
    CHECK(event.state().deadline == t0 + 20'680'000);
}

TEST_CASE("chat reaches only the author's table and needs a seat") {
    Event event = event_with(8);
    CHECK(event.apply(Actor::of(1), PostChat{"hello"}, t0).error->code == "wrong_phase");
    event.apply(Actor::host(), StartEvent{}, t0);
    auto fx = event.apply(Actor::of(1), PostChat{"hello"}, t0 + 1);
    REQUIRE(fx.chats.size() == 1);
    CHECK(fx.chats[0].table == event.table_of(1));
    CHECK(fx.chats[0].message.name == "P0");
    CHECK(event.state().tables[std::size_t(event.table_of(1) - 1)].chat.size() == 1);
}

TEST_CASE("the host moves someone to another table or a new one") {
    Event event = event_with(8);
    event.apply(Actor::host(), StartEvent{}, t0);
    int tables = int(event.state().tables.size());
    int from = event.table_of(1);
    int to = from == 1 ? 2 : 1;
    REQUIRE_FALSE(event.apply(Actor::host(), MoveAttendee{1, to}, t0).error);
    CHECK(event.table_of(1) == to);
    CHECK(event.apply(Actor::host(), MoveAttendee{1, to}, t0).error);
    CHECK(event.apply(Actor::host(), MoveAttendee{1, tables + 2}, t0).error->code == "not_found");
    REQUIRE_FALSE(event.apply(Actor::host(), MoveAttendee{1, tables + 1}, t0).error);
    CHECK(event.table_of(1) == tables + 1);
    CHECK(everyone_seated(event).size() == 8);
}

TEST_CASE("an event rebuilt from its state finds everyone's table again") {
    Event event = event_with(10);
    event.apply(Actor::host(), StartEvent{}, t0);
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
    event.apply(Actor::host(), StartEvent{}, t0);
    for (int round = 2; round <= 5; ++round) REQUIRE_FALSE(event.apply(Actor::host(), NextRound{}, t0 + round).error);
    for (AttendeeId a = 1; a <= 16; ++a)
        for (AttendeeId b = a + 1; b <= 16; ++b) CHECK(event.state().history.times_met(a, b) <= 1);
    check_valid_round(event);
}

TEST_CASE("when tables of the target size force repeats, smaller tables avoid them") {
    Event event = event_with(12, 3);  // 3 tables of 4 cannot give two rounds without a repeat; 4 of 3 can
    event.apply(Actor::host(), StartEvent{}, t0);
    for (int round = 2; round <= 3; ++round) REQUIRE_FALSE(event.apply(Actor::host(), NextRound{}, t0 + round).error);
    for (AttendeeId a = 1; a <= 12; ++a)
        for (AttendeeId b = a + 1; b <= 12; ++b) CHECK(event.state().history.times_met(a, b) <= 1);
    check_valid_round(event);
}
