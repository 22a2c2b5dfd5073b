// read_event_graph on a real database file: people, presence, meetings and answers as staff review them;
// merged entries folded away, erased ones anonymous, other events and unknown people left out.
#include <doctest/doctest.h>

#include "storage/event_repository.hpp"
#include "storage/review_reader.hpp"
#include "storage/schema.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;

Attendee person(AttendeeId id, std::string name, std::string organisation) {
    Attendee attendee;
    attendee.id = id;
    attendee.name = std::move(name);
    attendee.organisation = std::move(organisation);
    attendee.role = "Conseiller·e";
    attendee.joined_at = t0 + id;
    return attendee;
}

void sql(Database& db, const char* statement) { db.execute(statement); }

// Round 1: table 1 = {1, 2, 3}, table 2 = {4, 5}; 5 is merged into 4 afterwards (their meeting is
// dropped by the merge); 3 leaves; 2 is erased. Another event shares the file.
void play(EventRepository& events, Database& db) {
    events.create_event(test::new_event("ev1", t0), "host-hash-1");
    events.create_event(test::new_event("ev2", t0), "host-hash-2");
    std::vector<Record> joins;
    const char* names[] = {"Ana", "Bilal", "Chloé", "Dina", "Dina (téléphone)"};
    const char* organisations[] = {"CCAS", "Mission locale", "CCAS", "France Travail", "France Travail"};
    for (AttendeeId id = 1; id <= 5; ++id)
        joins.push_back(
            AttendeeJoined{person(id, names[id - 1], organisations[id - 1]), "hash-" + std::to_string(id)});
    events.commit("ev1", joins);
    events.commit("ev2", {AttendeeJoined{person(1, "Autre", "Ailleurs"), "other-hash"}});

    std::vector<Record> round{RoundStarted{1, t0 + 100}};
    for (AttendeeId id : {1, 2, 3}) round.push_back(Seated{1, 1, id, t0 + 100});
    for (AttendeeId id : {4, 5}) round.push_back(Seated{1, 2, id, t0 + 100});
    events.commit("ev1", round);
    events.commit("ev1", {AttendeeStatusChanged{3, AttendeeStatus::left, t0 + 200}});
    events.commit("ev1", {AttendeesMerged{5, 4, t0 + 300}});

    sql(db,
        "UPDATE seats SET visible_ms = 60000, chat_sent = 2, video_opened = 1 "
        "WHERE event_id = 'ev1' AND attendee_id = 1");
    sql(db,
        "UPDATE attendees SET name = '', organisation = '', role = '', erased_at = 1 "
        "WHERE event_id = 'ev1' AND id = 2");
    sql(db,
        "INSERT INTO talked_answers VALUES ('ev1', 1, 1, 2, 1, 0), ('ev1', 1, 2, 1, 0, 0), "
        "('ev1', 1, 1, 99, 1, 0), ('ev2', 1, 1, 2, 1, 0)");
    sql(db, "INSERT INTO contact_wishes VALUES ('ev1', 1, 3, 0), ('ev1', 3, 1, 0), ('ev1', 4, 77, 0)");
    sql(db, "INSERT INTO table_ratings VALUES ('ev1', 1, 4, 5, 0), ('ev1', 1, 1, 2, 0)");
}

TEST_CASE("read_event_graph: an event as staff review it, from the database file") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    migrate(db);
    EventRepository events(db);
    play(events, db);

    CHECK_FALSE(read_event_graph(db, "nope"));
    auto graph = read_event_graph(db, "ev1");
    REQUIRE(graph);
    CHECK(graph->title == test::sample_settings().title);
    CHECK(graph->rounds == 1);
    CHECK(graph->phase == "lobby");
    CHECK(graph->round_ms == 600000);
    CHECK_FALSE(graph->ended_at);

    REQUIRE(graph->people.size() == 4);  // 5 was merged into 4
    const auto& ana = graph->people[0];
    CHECK(ana.id == 1);
    CHECK(ana.name == "Ana");
    CHECK(ana.organisation == "CCAS");
    CHECK(ana.visible_ms == 60000);
    CHECK(ana.chat_sent == 2);
    CHECK(ana.rounds_seated == 1);
    CHECK(ana.video_opened == 1);
    const auto& erased = graph->people[1];
    CHECK(erased.erased);
    CHECK(erased.name.empty());
    CHECK(erased.organisation.empty());
    CHECK(graph->people[2].left);
    CHECK(graph->people[3].id == 4);
    CHECK(graph->people[3].rounds_seated == 1);  // the duplicate's seat became theirs

    // The merge dropped the meeting of 4 with their own duplicate.
    REQUIRE(graph->encounters.size() == 3);
    CHECK(graph->encounters[0].a == 1);
    CHECK(graph->encounters[0].b == 2);
    CHECK(graph->encounters[0].table == 1);

    REQUIRE(graph->talked.size() == 2);  // the answer about nobody and the other event's are left out
    CHECK(graph->talked[0].talked);
    CHECK_FALSE(graph->talked[1].talked);
    REQUIRE(graph->wishes.size() == 2);
    CHECK(graph->wishes[0].from == 1);
    CHECK(graph->wishes[0].about == 3);
    REQUIRE(graph->ratings.size() == 2);
    CHECK(graph->ratings[0].from == 1);
    CHECK(graph->ratings[0].table == 1);
    CHECK(graph->ratings[0].score == 2);
    CHECK(graph->ratings[1].table == 2);  // 4 sits at table 2
}

// The table a rating is about is found without an index by attendee (schema.cpp, migration 9).
TEST_CASE("read_event_graph: a rating is of the table its author last sat at in that round") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    EventRepository events(db);
    events.create_event(test::new_event("ev1", t0), "host-hash-1");
    std::vector<Record> joins;
    for (AttendeeId id = 1; id <= 4; ++id)
        joins.push_back(
            AttendeeJoined{person(id, "P" + std::to_string(id), "O"), "hash-" + std::to_string(id)});
    events.commit("ev1", joins);
    events.commit("ev1", {RoundStarted{1, t0 + 100}, Seated{1, 1, 1, t0 + 100}, Seated{1, 1, 2, t0 + 100},
                          Seated{1, 2, 3, t0 + 100}, Seated{1, 2, 4, t0 + 100}});
    // 1 moves to table 2, then to table 3 within the same millisecond: the later row wins the tie.
    events.commit("ev1", {Unseated{1, 1, 1, t0 + 200}, Seated{1, 2, 1, t0 + 200}, Unseated{1, 2, 1, t0 + 200},
                          Seated{1, 3, 1, t0 + 200}});
    // 2 moves away and back: the latest seat is at table 1 again.
    events.commit("ev1", {Unseated{1, 1, 2, t0 + 300}, Seated{1, 2, 2, t0 + 300}, Unseated{1, 2, 2, t0 + 400},
                          Seated{1, 1, 2, t0 + 400}});
    events.commit("ev1", {RoundStarted{2, t0 + 1000}, Seated{2, 1, 1, t0 + 1000}, Seated{2, 1, 3, t0 + 1000},
                          Seated{2, 2, 2, t0 + 1000}});
    events.commit("ev1", {TableRated{1, 1, 5, t0 + 900}, TableRated{1, 2, 4, t0 + 900},
                          TableRated{1, 3, 3, t0 + 900}, TableRated{2, 1, 2, t0 + 1900},
                          TableRated{2, 2, 1, t0 + 1900}, TableRated{2, 4, 1, t0 + 1900}});

    auto graph = read_event_graph(db, "ev1");
    REQUIRE(graph);
    REQUIRE(graph->ratings.size() == 6);
    struct Want {
        int round;
        AttendeeId from;
        int table;
    };
    const Want want[] = {{1, 1, 3}, {1, 2, 1}, {1, 3, 2}, {2, 1, 1}, {2, 2, 2}, {2, 4, 0}};  // 4: no seat
    for (std::size_t i = 0; i < 6; ++i) {
        CAPTURE(i);
        CHECK(graph->ratings[i].round == want[i].round);
        CHECK(graph->ratings[i].from == want[i].from);
        CHECK(graph->ratings[i].table == want[i].table);
    }
    CHECK(graph->people[0].rounds_seated == 2);  // three seats in round 1 count once
    CHECK(graph->people[3].rounds_seated == 1);
}

}  // namespace
}  // namespace ensemble::storage
