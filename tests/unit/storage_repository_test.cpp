// EventRepository with hand-built records: each record kind round-trips, a failing command commits
// nothing, a group of commands fails command by command, credentials come back with the event.
#include <doctest/doctest.h>

#include <stdexcept>
#include <thread>

#include "storage/event_repository.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;

EventState new_event(const std::string& id) { return test::new_event(id, t0); }

Attendee person(AttendeeId id, std::string name, std::string organisation, std::string role = "") {
    return Attendee{
        id,   std::move(name), std::move(organisation), std::move(role), AttendeeStatus::active, t0 + id,
        false};
}

// The state of an event that must exist.
EventState load_state(EventRepository& events, const std::string& event_id) {
    auto stored = events.load_stored_event(event_id);
    REQUIRE(stored);
    return std::move(stored->state);
}

std::int64_t count(Database& db, const char* sql, const std::string& event_id) {
    auto query = db.prepare(sql);
    query->bind(1, event_id);
    REQUIRE(query->step());
    return query->column_int64(0);
}

// An event in round 1 with two tables, built record by record alongside the state it should load as.
struct Fixture {
    test::TempDir dir;
    Database db{dir.file("ensemble.db")};
    EventRepository events{db};
    EventState want = new_event("evt-roundtrip");

    Fixture() {
        events.create_event(want, "host-hash");
        std::vector<Record> joins;
        const Attendee people[] = {person(1, "Ada", "CCAS Lyon", "conseillère"),
                                   person(2, "Bilal", "Mission locale"),
                                   person(3, "Chloé", "France Travail", "chargée d'accueil"),
                                   person(4, "Dmitri", ""), person(5, "Émile", "Département du Rhône")};
        for (const auto& p : people) {
            joins.push_back(AttendeeJoined{p, "hash-" + std::to_string(p.id)});
            want.attendees.emplace(p.id, p);
        }
        events.commit(want.id, joins);

        const TimeMs start = t0 + 60'000;
        std::vector<Record> round{RoundStarted{1, start}};
        const std::vector<std::vector<AttendeeId>> tables = {{1, 2, 3}, {4, 5}};
        for (std::size_t t = 0; t < tables.size(); ++t) {
            const int number = static_cast<int>(t + 1);
            want.tables.emplace_back();
            for (AttendeeId id : tables[t]) {
                for (AttendeeId other : want.tables.back().seats) want.history.record_pair(id, other, 1);
                round.push_back(Seated{1, number, id, start});
                want.tables.back().seats.push_back(id);
            }
        }
        round.push_back(PhaseChanged{Phase::round, 1, start + 600'000, false, 0});
        want.phase = Phase::round;
        want.round = 1;
        want.deadline = start + 600'000;
        events.commit(want.id, round);
    }
};

TEST_CASE("storage: every record kind round-trips through the database") {
    Fixture f;
    SUBCASE("event, AttendeeJoined, RoundStarted, Seated, PhaseChanged") {
        test::check_same_state(load_state(f.events, f.want.id), f.want);
        CHECK(count(f.db, "SELECT COUNT(*) FROM rounds WHERE event_id = ?1 AND round = 1", f.want.id) == 1);
    }
    SUBCASE("ChatPosted comes back on its table, oldest first, with the author's name") {
        const ChatMessage first{1, "Ada", "Bonjour à toutes et à tous", t0 + 70'000};
        const ChatMessage second{3, "Chloé", "<b>pas du HTML</b> \"quotes\" 'apostrophes'", t0 + 71'000};
        const ChatMessage other_table{5, "Émile", "Hello from table 2", t0 + 72'000};
        f.events.commit(f.want.id,
                        {ChatPosted{1, 1, first}, ChatPosted{1, 1, second}, ChatPosted{1, 2, other_table}});
        f.want.tables[0].chat = {first, second};
        f.want.tables[1].chat = {other_table};
        test::check_same_state(load_state(f.events, f.want.id), f.want);
    }
    SUBCASE("Unseated frees the seat; moving keeps the order of arrival; an emptied table keeps its number") {
        const TimeMs later = t0 + 120'000;
        // Ada moves to table 2, then Bilal and Chloé open table 3, leaving table 1 empty.
        f.events.commit(f.want.id, {Unseated{1, 1, 1, later}, Seated{1, 2, 1, later}});
        f.events.commit(f.want.id, {Unseated{1, 1, 2, later + 1}, Seated{1, 3, 2, later + 1},
                                    Unseated{1, 1, 3, later + 1}, Seated{1, 3, 3, later + 1}});
        f.want.tables[0].seats = {};
        f.want.tables[1].seats = {4, 5, 1};
        f.want.tables.push_back(Table{{2, 3}, {}});
        f.want.history.record_pair(1, 4, 1);
        f.want.history.record_pair(1, 5, 1);
        // Bilal and Chloé had already met at table 1 this round: the same round's meeting counts once.
        test::check_same_state(load_state(f.events, f.want.id), f.want);

        // The last table empties too: it keeps its place, so no number shifts.
        f.events.commit(f.want.id, {Unseated{1, 3, 2, later + 2}, Unseated{1, 3, 3, later + 2}});
        f.want.tables[2].seats = {};
        test::check_same_state(load_state(f.events, f.want.id), f.want);
        CHECK(count(f.db, "SELECT COUNT(*) FROM seats WHERE event_id = ?1 AND left_at IS NOT NULL",
                    f.want.id) == 5);
    }
    SUBCASE("AttendeeStatusChanged updates the status") {
        f.events.commit(f.want.id, {AttendeeStatusChanged{4, AttendeeStatus::left, t0 + 130'000},
                                    Unseated{1, 2, 4, t0 + 130'000},
                                    AttendeeStatusChanged{2, AttendeeStatus::removed, t0 + 131'000},
                                    Unseated{1, 1, 2, t0 + 131'000}});
        f.want.attendees.at(4).status = AttendeeStatus::left;
        f.want.attendees.at(2).status = AttendeeStatus::removed;
        f.want.tables[0].seats = {1, 3};
        f.want.tables[1].seats = {5};
        test::check_same_state(load_state(f.events, f.want.id), f.want);
    }
    SUBCASE("PhaseChanged: a paused break with time frozen, then the end") {
        f.events.commit(f.want.id,
                        {PhaseChanged{Phase::pause_between_rounds, 1, std::nullopt, true, 90'000}});
        f.want.phase = Phase::pause_between_rounds;
        f.want.deadline.reset();
        f.want.paused = true;
        f.want.remaining_ms = 90'000;
        // The last round's tables stay in the state during the break, as the domain keeps them.
        test::check_same_state(load_state(f.events, f.want.id), f.want);
        CHECK(f.events.load_running_stored_events().size() == 1);

        f.events.commit(f.want.id, {PhaseChanged{Phase::ended, 1, std::nullopt, false, 0}});
        CHECK(load_state(f.events, f.want.id).phase == Phase::ended);
        CHECK(f.events.load_running_stored_events().empty());
    }
    SUBCASE("a new round brings its own tables and chat; earlier rounds stay in the history") {
        f.events.commit(f.want.id, {ChatPosted{1, 1, ChatMessage{1, "Ada", "round one", t0 + 70'000}}});
        const TimeMs start = t0 + 900'000;
        f.events.commit(f.want.id, {RoundStarted{2, start}, Seated{2, 1, 1, start}, Seated{2, 1, 4, start},
                                    PhaseChanged{Phase::round, 2, start + 600'000, false, 0}});
        f.want.round = 2;
        f.want.deadline = start + 600'000;
        f.want.past_rounds = {{{1, 2, 3}, {4, 5}}};  // round 1's tables, as it ended
        f.want.tables = {Table{{1, 4}, {}}};
        f.want.history.record_pair(1, 4, 2);
        test::check_same_state(load_state(f.events, f.want.id), f.want);
    }
    SUBCASE("PlanMade comes back as the event's plan; a later plan replaces it") {
        const PlanMade first{1, {{{1, 2, 3}, {4, 5}}, {{1, 4}, {2, 5, 3}}, {{1, 5}, {2, 4, 3}}}};
        f.events.commit(f.want.id, {first});
        f.want.plan = matching::Plan{first.first_round, first.rounds, {}};
        test::check_same_state(load_state(f.events, f.want.id), f.want);

        // Replanned from round 2 after people came and went.
        const PlanMade second{2, {{{1, 2}, {3, 4, 5}}, {{1, 3}, {2, 4, 5}}}};
        f.events.commit(f.want.id, {second});
        f.want.plan = matching::Plan{second.first_round, second.rounds, {}};
        test::check_same_state(load_state(f.events, f.want.id), f.want);
        CHECK(count(f.db, "SELECT COUNT(*) FROM plans WHERE event_id = ?1", f.want.id) == 1);
    }
    SUBCASE("Announced is kept with the event") {
        f.events.commit(f.want.id, {Announced{"Pause café dans 5 minutes", t0 + 80'000}});
        auto query = f.db.prepare("SELECT text, at FROM announcements WHERE event_id = ?1");
        query->bind(1, f.want.id);
        REQUIRE(query->step());
        CHECK(query->column_text(0) == "Pause café dans 5 minutes");
        CHECK(query->column_int64(1) == t0 + 80'000);
        CHECK_FALSE(query->step());
    }
}

TEST_CASE("storage: only the last 200 chat messages of a table are loaded, oldest first") {
    Fixture f;
    std::vector<Record> chat;
    for (int i = 0; i < 205; ++i) {
        const ChatMessage message{2, "Bilal", "message " + std::to_string(i), t0 + 70'000 + i};
        chat.push_back(ChatPosted{1, 1, message});
        if (i >= 5) f.want.tables[0].chat.push_back(message);
    }
    f.events.commit(f.want.id, chat);
    const auto loaded = load_state(f.events, f.want.id);
    REQUIRE(loaded.tables[0].chat.size() == 200);
    CHECK(loaded.tables[0].chat.front().text == "message 5");
    CHECK(loaded.tables[0].chat.back().text == "message 204");
    test::check_same_state(loaded, f.want);
}

TEST_CASE("storage: a failing record rolls back the whole command") {
    Fixture f;
    const auto before = load_state(f.events, f.want.id);
    const Attendee newcomer = person(6, "Fatou", "CAF");
    std::vector<Record> command{AttendeeJoined{newcomer, "hash-6"}, Seated{1, 1, 6, t0 + 100'000},
                                PhaseChanged{Phase::round, 1, t0 + 999'999, false, 0}};

    SUBCASE("a seat for an unknown attendee breaks a foreign key") {
        command.push_back(Seated{1, 2, 999, t0 + 100'000});
        CHECK_THROWS_WITH_AS(f.events.commit(f.want.id, command), doctest::Contains("FOREIGN KEY"),
                             std::runtime_error);
    }
    SUBCASE("leaving a seat nobody holds") {
        command.push_back(Unseated{1, 2, 1, t0 + 100'000});
        CHECK_THROWS_WITH_AS(f.events.commit(f.want.id, command), doctest::Contains("no open seat"),
                             std::runtime_error);
    }
    SUBCASE("a credential hash already in use") {
        command.push_back(AttendeeJoined{person(7, "Gaspard", "ADIL"), "hash-1"});
        CHECK_THROWS_WITH_AS(f.events.commit(f.want.id, command), doctest::Contains("UNIQUE"),
                             std::runtime_error);
    }
    SUBCASE("a status change for an unknown attendee") {
        command.push_back(AttendeeStatusChanged{999, AttendeeStatus::left, t0 + 100'000});
        CHECK_THROWS_WITH_AS(f.events.commit(f.want.id, command), doctest::Contains("no such attendee"),
                             std::runtime_error);
    }
    SUBCASE("a plan for an event that does not exist") {
        CHECK_THROWS_WITH_AS(f.events.commit("evt-missing", {PlanMade{1, {{{1, 2}}}}}),
                             doctest::Contains("FOREIGN KEY"), std::runtime_error);
    }
    SUBCASE("a phase change for an event that does not exist") {
        command.push_back(PhaseChanged{Phase::ended, 1, std::nullopt, false, 0});
        CHECK_THROWS_AS(f.events.commit("evt-missing", command), std::runtime_error);
        CHECK_THROWS_WITH_AS(
            f.events.commit("evt-missing", {PhaseChanged{Phase::ended, 1, std::nullopt, false, 0}}),
            doctest::Contains("no such event"), std::runtime_error);
    }

    auto after = f.events.load_stored_event(f.want.id);
    REQUIRE(after);
    test::check_same_state(after->state, before);
    CHECK(after->state.attendees.count(6) == 0);
    CHECK(after->attendee_credentials.count("hash-6") == 0);
    // The connection is still usable after the rollback.
    f.events.commit(f.want.id, {AttendeeJoined{newcomer, "hash-6"}});
    CHECK(load_state(f.events, f.want.id).attendees.count(6) == 1);
}

TEST_CASE("storage: the stored credentials tell the host, an attendee and a wrong hash apart") {
    Fixture f;
    f.events.create_event(new_event("evt-other"), "other-host-hash");

    auto stored = f.events.load_stored_event(f.want.id);
    REQUIRE(stored);
    CHECK(stored->host_credential_hash == "host-hash");
    CHECK(stored->attendee_credentials.count("host-hash") == 0);
    REQUIRE(stored->attendee_credentials.count("hash-3") == 1);
    CHECK(stored->attendee_credentials.at("hash-3") == 3);
    CHECK(stored->state.attendees.at(3).status == AttendeeStatus::active);

    CHECK(stored->attendee_credentials.count("wrong-hash") == 0);
    CHECK(stored->attendee_credentials.count("") == 0);
    // A credential only opens its own event.
    auto other = f.events.load_stored_event("evt-other");
    REQUIRE(other);
    CHECK(other->host_credential_hash == "other-host-hash");
    CHECK(other->attendee_credentials.empty());
    CHECK_FALSE(f.events.load_stored_event("evt-missing"));

    // A removed attendee keeps their credential, so they are recognised, and refused.
    f.events.commit(f.want.id, {AttendeeStatusChanged{3, AttendeeStatus::removed, t0 + 200'000},
                                Unseated{1, 1, 3, t0 + 200'000}});
    auto removed = f.events.load_stored_event(f.want.id);
    REQUIRE(removed);
    REQUIRE(removed->attendee_credentials.count("hash-3") == 1);
    CHECK(removed->attendee_credentials.at("hash-3") == 3);
    CHECK(removed->state.attendees.at(3).status == AttendeeStatus::removed);
}

TEST_CASE("storage: load_stored_event brings every credential hash, whatever the attendee's status") {
    Fixture f;
    f.events.commit(
        f.want.id,
        {AttendeeStatusChanged{3, AttendeeStatus::removed, t0 + 200'000}, Unseated{1, 1, 3, t0 + 200'000},
         AttendeeStatusChanged{4, AttendeeStatus::left, t0 + 201'000}, Unseated{1, 2, 4, t0 + 201'000}});
    auto stored = f.events.load_stored_event(f.want.id);
    REQUIRE(stored);
    CHECK(stored->host_credential_hash == "host-hash");
    REQUIRE(stored->attendee_credentials.size() == 5);
    for (AttendeeId id = 1; id <= 5; ++id)
        CHECK(stored->attendee_credentials.at("hash-" + std::to_string(id)) == id);
    CHECK(stored->state.attendees.at(3).status == AttendeeStatus::removed);
    CHECK(stored->state.attendees.at(4).status == AttendeeStatus::left);
    CHECK_FALSE(f.events.load_stored_event("evt-missing"));

    auto unfinished = f.events.load_running_stored_events();
    REQUIRE(unfinished.size() == 1);
    CHECK(unfinished.front().host_credential_hash == "host-hash");
    CHECK(unfinished.front().attendee_credentials.size() == 5);
}

TEST_CASE("storage: a group commit undoes a failing command alone, and the later ones of its event") {
    Fixture f;
    f.events.create_event(new_event("evt-other"), "other-host-hash");
    const std::string other = "evt-other";
    const std::vector<Record> joins_6{AttendeeJoined{person(6, "Fatou", "CAF"), "hash-6"}};
    const std::vector<Record> no_seat{AttendeeJoined{person(7, "Gaspard", "ADIL"), "hash-7"},
                                      Unseated{1, 2, 1, t0 + 100'000}};
    const std::vector<Record> joins_8{AttendeeJoined{person(8, "Hélène", "PLIE"), "hash-8"}};
    const std::vector<Record> other_joins_1{AttendeeJoined{person(1, "Ines", "CCAS"), "other-1"}};
    const std::vector<Record> other_joins_2{AttendeeJoined{person(2, "Jules", "CAF"), "other-2"}};
    const std::vector<Record> nothing;
    const std::vector<EventRepository::Command> group{{f.want.id, joins_6},   {f.want.id, no_seat},
                                                      {other, other_joins_1}, {f.want.id, joins_8},
                                                      {other, nothing},       {other, other_joins_2}};

    auto errors = f.events.commit_group(group);
    REQUIRE(errors.size() == group.size());
    CHECK_FALSE(errors[0]);
    REQUIRE(errors[1]);
    CHECK(errors[1]->find("no open seat") != std::string::npos);
    CHECK(errors[1]->find("record 1, Unseated") != std::string::npos);
    CHECK_FALSE(errors[2]);
    REQUIRE(errors[3]);
    CHECK(*errors[3] == earlier_change_not_saved);
    CHECK_FALSE(errors[4]);
    CHECK_FALSE(errors[5]);

    const auto loaded = load_state(f.events, f.want.id);
    CHECK(loaded.attendees.count(6) == 1);
    CHECK(loaded.attendees.count(7) == 0);  // the failing command is undone whole
    CHECK(loaded.attendees.count(8) == 0);
    CHECK(load_state(f.events, other).attendees.size() == 2);
}

TEST_CASE("storage: a large command is written several rows to a statement, with the same result") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    EventRepository events(db);
    EventState want = new_event("evt-large");
    events.create_event(want, "host-hash");
    // 263 people: two full batches of seats, then statements of 4, 2 and 1; meetings end part-way too,
    // and the last table is a short one.
    constexpr int people = 263;
    std::vector<Record> joins;
    for (AttendeeId id = 1; id <= people; ++id) {
        joins.push_back(
            AttendeeJoined{person(id, "P" + std::to_string(id), "O"), "hash-" + std::to_string(id)});
        want.attendees.emplace(id, person(id, "P" + std::to_string(id), "O"));
    }
    events.commit(want.id, joins);

    // Seats in a scrambled order within each table.
    const TimeMs start = t0 + 60'000;
    std::vector<Record> round{RoundStarted{1, start}};
    for (AttendeeId i = 0; i < people; ++i) {
        const AttendeeId id = (i * 37) % people + 1;
        const auto table = static_cast<std::size_t>(i / 5);
        if (want.tables.size() <= table) want.tables.emplace_back();
        for (AttendeeId other : want.tables[table].seats) want.history.record_pair(id, other, 1);
        round.push_back(Seated{1, static_cast<int>(table + 1), id, start});
        want.tables[table].seats.push_back(id);
    }
    // In the same command, the first seated person moves to the last table: a seat left after all are taken.
    const AttendeeId mover = want.tables[0].seats.front();
    round.push_back(Unseated{1, 1, mover, start + 1});
    for (AttendeeId other : want.tables.back().seats) want.history.record_pair(mover, other, 1);
    round.push_back(Seated{1, static_cast<int>(want.tables.size()), mover, start + 1});
    std::erase(want.tables[0].seats, mover);
    want.tables.back().seats.push_back(mover);
    round.push_back(PhaseChanged{Phase::round, 1, start + 600'000, false, 0});
    want.phase = Phase::round;
    want.round = 1;
    want.deadline = start + 600'000;
    events.commit(want.id, round);
    test::check_same_state(load_state(events, want.id), want);

    SUBCASE("a record at fault inside a batch is named, and nothing of the command is kept") {
        // 40 seats go as statements of 32 and 8 rows: the fault is in the first, then in the second.
        for (std::size_t bad : {30, 38}) {
            CAPTURE(bad);
            std::vector<Record> next{RoundStarted{2, start + 900'000}};
            for (int i = 0; i < 40; ++i) next.push_back(Seated{2, 1 + i / 5, i + 1, start + 900'000});
            next[bad] = Seated{2, 6, 999, start + 900'000};  // nobody
            const std::string named = "record " + std::to_string(bad) + ", Seated";
            CHECK_THROWS_WITH_AS(events.commit(want.id, next), doctest::Contains(named.c_str()),
                                 std::runtime_error);
        }
        CHECK(count(db, "SELECT COUNT(*) FROM seats WHERE event_id = ?1 AND round = 2", want.id) == 0);
        CHECK(count(db, "SELECT COUNT(*) FROM rounds WHERE event_id = ?1 AND round = 2", want.id) == 0);
    }
    SUBCASE("who met whom is read from the seats: at the same table at the same time, once a round") {
        const TimeMs at = start + 900'000;
        // 1 and 2 sit at table 7, then move together to table 3; 3 leaves table 5 as 4 sits down.
        events.commit(want.id, {Seated{9, 7, 1, at}, Seated{9, 7, 2, at}, Unseated{9, 7, 1, at + 1},
                                Unseated{9, 7, 2, at + 1}, Seated{9, 3, 2, at + 1}, Seated{9, 3, 1, at + 1},
                                Seated{9, 5, 3, at + 2}, Unseated{9, 5, 3, at + 3}, Seated{9, 5, 4, at + 3}});
        auto query =
            db.prepare("SELECT table_number, a, b FROM encounters WHERE event_id = ?1 AND round = 9");
        query->bind(1, want.id);
        REQUIRE(query->step());
        CHECK(query->column_int(0) == 7);
        CHECK(query->column_int64(1) == 1);
        CHECK(query->column_int64(2) == 2);
        CHECK_FALSE(query->step());
    }
}

TEST_CASE("storage: committing no records is not an error") {
    Fixture f;
    f.events.commit(f.want.id, {});
    test::check_same_state(load_state(f.events, f.want.id), f.want);
}

TEST_CASE("storage: create_event refuses a taken id, and only created events load") {
    Fixture f;
    CHECK(f.events.load_stored_event(f.want.id));
    CHECK_FALSE(f.events.load_stored_event("evt-missing"));
    CHECK_THROWS_WITH_AS(f.events.create_event(new_event(f.want.id), "another-hash"),
                         doctest::Contains("UNIQUE"), std::runtime_error);
    CHECK_THROWS_WITH_AS(f.events.create_event(new_event("evt-new"), "host-hash"),
                         doctest::Contains("UNIQUE"), std::runtime_error);
    CHECK_FALSE(f.events.load_stored_event("evt-new"));
}

TEST_CASE("storage: creating an event in a full database fails cleanly, and works once there is room") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    EventRepository events(db);
    // No page more than the file has: the first event that needs one finds the database full.
    std::int64_t pages = 0;
    {
        auto query = db.prepare("PRAGMA page_count");
        REQUIRE(query->step());
        pages = query->column_int64(0);
    }
    db.execute("PRAGMA max_page_count = " + std::to_string(pages));
    std::string full;
    int created = 0;
    for (; created < 1000 && full.empty(); ++created) {
        try {
            events.create_event(new_event("evt-" + std::to_string(created)),
                                "host-" + std::to_string(created));
        } catch (const std::runtime_error& e) {
            full = e.what();
        }
    }
    REQUIRE_MESSAGE(!full.empty(), "1000 events fitted in the pages the file had");
    CHECK(full.find("full") != std::string::npos);
    const std::string refused = "evt-" + std::to_string(created - 1);
    CHECK_FALSE(db.in_transaction());
    CHECK_FALSE(events.load_stored_event(refused));

    db.execute("PRAGMA max_page_count = 1073741823");
    events.create_event(new_event(refused), "host-again");
    CHECK(events.load_stored_event(refused));
}

TEST_CASE("storage: connections owned by different threads share one file") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    Database db(path);
    constexpr int per_thread = 100;
    // A connection is never shared: each thread opens its own, as SqliteStore and the checkpointer do.
    auto fill = [&](const std::string& id) {
        Database own(path);
        EventRepository events(own);
        events.create_event(new_event(id), "host-" + id);
        for (int i = 1; i <= per_thread; ++i) {
            events.commit(id, {AttendeeJoined{person(i, "P", "O"), id + "-" + std::to_string(i)}});
            auto stored = events.load_stored_event(id);
            CHECK(stored->attendee_credentials.count(id + "-" + std::to_string(i)) == 1);
        }
    };
    std::thread first(fill, "evt-a");
    std::thread second(fill, "evt-b");
    first.join();
    second.join();
    EventRepository events(db);
    CHECK(load_state(events, "evt-a").attendees.size() == per_thread);
    CHECK(load_state(events, "evt-b").attendees.size() == per_thread);
    CHECK(events.load_running_stored_events().empty());  // both still in their lobby
}

}  // namespace
}  // namespace ensemble::storage
