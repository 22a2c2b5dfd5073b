// Schema migrations: new and empty files are brought up to date, up-to-date files are left alone,
// and a file from a newer server is refused.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>
#include <stdexcept>

#include "storage/event_repository.hpp"
#include "storage/review_reader.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

// Everything in the file that a migration could touch, as text: schema, versions and rows.
std::string dump(Database& db) {
    std::string out;
    {
        auto schema = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name");
        while (schema->step())
            out +=
                schema->column_text(0) + " " + schema->column_text(1) + " " + schema->column_text(2) + "\n";
    }
    {
        auto versions = db.prepare("SELECT version FROM schema_version ORDER BY version");
        while (versions->step()) out += "version " + versions->column_text(0) + "\n";
    }
    for (const char* sql :
         {"SELECT id, settings, phase, round FROM events ORDER BY id",
          "SELECT event_id, id, name, credential_hash FROM attendees ORDER BY event_id, id"}) {
        auto rows = db.prepare(sql);
        while (rows->step())
            out += rows->column_text(0) + "|" + rows->column_text(1) + "|" + rows->column_text(2) + "|" +
                   rows->column_text(3) + "\n";
    }
    return out;
}

bool has_table(Database& db, const char* name) {
    auto query = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    query->bind(1, name);
    return query->step();
}

// Writes a file with the raw C API, as an older or newer server would have left it.
void write_raw(const std::string& path, const char* sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(raw, sql, nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(raw);
    REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

TEST_CASE("storage: migrations bring a version 0 file up to date") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    REQUIRE(latest_schema_version() >= 1);

    SUBCASE("a file that does not exist yet") {}
    SUBCASE("an empty file") { std::ofstream(path).flush(); }
    SUBCASE("a database with an empty schema_version table") {
        write_raw(path, "CREATE TABLE schema_version (version INTEGER NOT NULL);");
    }

    Database db(path);
    CHECK(schema_version(db) == latest_schema_version());
    for (const char* table :
         {"events", "attendees", "rounds", "seats", "chat_messages", "announcements", "plans"}) {
        CAPTURE(table);
        CHECK(has_table(db, table));
    }
    CHECK_FALSE(has_table(db, "encounters"));  // read from the seats (migration 10)
    // One row per migration applied.
    auto rows = db.prepare("SELECT COUNT(*) FROM schema_version");
    REQUIRE(rows->step());
    CHECK(rows->column_int(0) == latest_schema_version());
}

TEST_CASE("storage: reopening an up-to-date file changes nothing") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    std::string before;
    {
        Database db(path);
        EventRepository events(db);
        domain::EventState state;
        state.id = "evt-migrate";
        state.settings = test::sample_settings();
        state.created_at = 1'700'000'000'000;
        events.create_event(state, "host-hash");
        domain::Attendee ada{1, "Ada", "CCAS", "", domain::AttendeeStatus::active, 1'700'000'000'100, false};
        events.commit(state.id, {domain::AttendeeJoined{ada, "ada-hash"}});
        before = dump(db);
    }
    Database db(path);
    CHECK(dump(db) == before);
    CHECK(schema_version(db) == latest_schema_version());
    EventRepository events(db);
    auto stored = events.load_stored_event("evt-migrate");
    REQUIRE(stored);
    CHECK(stored->state.attendees.at(1).name == "Ada");
}

TEST_CASE("storage: a version 1 file keeps its rows through every later migration") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    // As a version 1 server left it: round 1 of an event with one table of three, one of whom moved in.
    write_raw(path, (std::string(migration_sql(1)) + R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
INSERT INTO events (id, settings, created_at, phase, round, deadline, paused, remaining_ms, host_credential_hash)
    VALUES ('evt-old', '{}', 1000, 'round', 1, 900000, 0, 0, 'host-hash');
INSERT INTO attendees (event_id, id, name, organisation, role, status, joined_at, credential_hash) VALUES
    ('evt-old', 1, 'Ada', 'CCAS', '', 'active', 1001, 'hash-1'),
    ('evt-old', 2, 'Bilal', 'CAF', '', 'active', 1002, 'hash-2'),
    ('evt-old', 3, 'Chloé', 'PLIE', '', 'active', 1003, 'hash-3');
INSERT INTO rounds (event_id, round, started_at) VALUES ('evt-old', 1, 2000);
INSERT INTO seats (event_id, round, table_number, attendee_id, seated_at, left_at) VALUES
    ('evt-old', 1, 1, 1, 2000, NULL), ('evt-old', 1, 1, 2, 2000, NULL), ('evt-old', 1, 2, 3, 2000, 2500),
    ('evt-old', 1, 1, 3, 2500, NULL);
INSERT INTO encounters (event_id, round, table_number, a, b) VALUES
    ('evt-old', 1, 1, 1, 2), ('evt-old', 1, 1, 1, 3), ('evt-old', 1, 1, 2, 3);
)sql")
                        .c_str());

    Database db(path);
    CHECK(schema_version(db) == latest_schema_version());
    EventRepository events(db);
    auto loaded = events.load_stored_event("evt-old");
    REQUIRE(loaded);
    CHECK(loaded->host_credential_hash == "host-hash");
    // Migration 5 made the creator's host link of the event's hash, with no name.
    REQUIRE(loaded->state.host_links.size() == 1);
    CHECK(loaded->state.host_links.at(1).credential_hash == "host-hash");
    CHECK(loaded->state.host_links.at(1).name.empty());
    CHECK(loaded->attendee_credentials.size() == 3);
    REQUIRE(loaded->state.tables.size() == 2);
    CHECK(loaded->state.tables[0].seats == std::vector<domain::AttendeeId>{1, 2, 3});
    CHECK(loaded->state.tables[1].seats.empty());
    CHECK(loaded->state.history.pair_count() == 3);
    CHECK(loaded->state.history.last_round_met(2, 3) == 1);
    CHECK_FALSE(loaded->state.plan);

    // The migrated tables take new rows as before, and the seat index still finds a seat to leave.
    events.commit("evt-old", {domain::Unseated{1, 1, 3, 3000}, domain::PlanMade{2, {{{1, 2, 3}}}}});
    loaded = events.load_stored_event("evt-old");
    CHECK(loaded->state.tables[0].seats == std::vector<domain::AttendeeId>{1, 2});
    REQUIRE(loaded->state.plan);
    CHECK(loaded->state.plan->first_round == 2);
}

TEST_CASE(
    "storage: a version 8 file keeps its seats through migration 9, which drops the index by attendee") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    // Round 2 of an event: 3 moved from table 2 to table 1 in round 1; 4, seated in round 1, is 1 again.
    std::string sql = "CREATE TABLE schema_version (version INTEGER NOT NULL);";
    for (int version = 1; version <= 8; ++version)
        sql += std::string(migration_sql(version)) + "INSERT INTO schema_version VALUES (" +
               std::to_string(version) + ");";
    write_raw(path, (sql + R"sql(
INSERT INTO events (id, settings, created_at, phase, round, deadline, paused, remaining_ms, host_credential_hash)
    VALUES ('evt-8', '{}', 1000, 'round', 2, 900000, 0, 0, 'host-hash');
INSERT INTO attendees (event_id, id, name, organisation, role, status, joined_at, credential_hash) VALUES
    ('evt-8', 1, 'Ada', 'CCAS', '', 'active', 1001, 'hash-1'),
    ('evt-8', 2, 'Bilal', 'CAF', '', 'active', 1002, 'hash-2'),
    ('evt-8', 3, 'Chloé', 'PLIE', '', 'active', 1003, 'hash-3'),
    ('evt-8', 4, 'Ada bis', 'CCAS', '', 'active', 1004, 'hash-4');
INSERT INTO rounds (event_id, round, started_at) VALUES ('evt-8', 1, 2000), ('evt-8', 2, 5000);
INSERT INTO seats (event_id, round, table_number, attendee_id, seated_at, left_at, visible_ms) VALUES
    ('evt-8', 1, 1, 1, 2000, NULL, 100), ('evt-8', 1, 1, 2, 2000, NULL, 200),
    ('evt-8', 1, 2, 3, 2000, 2500, 300), ('evt-8', 1, 1, 3, 2500, NULL, 400),
    ('evt-8', 1, 2, 4, 2000, NULL, 0), ('evt-8', 2, 1, 2, 5000, NULL, 0), ('evt-8', 2, 1, 3, 5000, NULL, 0),
    ('evt-8', 2, 2, 1, 5000, NULL, 0);
INSERT INTO table_ratings VALUES ('evt-8', 1, 3, 4, 3000);
)sql")
                        .c_str());

    Database db(path);
    CHECK(schema_version(db) == latest_schema_version());
    {
        auto index = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'seats_by_attendee_round'");
        CHECK_FALSE(index->step());
    }
    EventRepository events(db);
    auto loaded = events.load_stored_event("evt-8");
    REQUIRE(loaded);
    REQUIRE(loaded->state.past_rounds.size() == 1);
    CHECK(loaded->state.past_rounds[0][0] == std::vector<domain::AttendeeId>{1, 2, 3});
    CHECK(loaded->state.past_rounds[0][1] == std::vector<domain::AttendeeId>{4});
    REQUIRE(loaded->state.tables.size() == 2);
    CHECK(loaded->state.tables[0].seats == std::vector<domain::AttendeeId>{2, 3});
    CHECK(loaded->state.tables[1].seats == std::vector<domain::AttendeeId>{1});

    auto graph = read_event_graph(db, "evt-8");
    REQUIRE(graph);
    REQUIRE(graph->ratings.size() == 1);
    CHECK(graph->ratings[0].table == 1);  // 3's latest seat of round 1
    CHECK(graph->people[2].visible_ms == 700);
    CHECK(graph->people[2].rounds_seated == 2);

    // The seats still take a leave, a presence and a merge, found without the index.
    events.commit("evt-8",
                  {domain::Unseated{2, 1, 3, 6000}, domain::SeatPresenceRecorded{2, 1, 2, 50'000, 1, true},
                   domain::AttendeesMerged{4, 1, 7000}});
    loaded = events.load_stored_event("evt-8");
    CHECK(loaded->state.tables[0].seats == std::vector<domain::AttendeeId>{2});
    CHECK(loaded->state.past_rounds[0][1] == std::vector<domain::AttendeeId>{1});
    auto seats = db.prepare("SELECT COUNT(*) FROM seats WHERE event_id = 'evt-8' AND attendee_id = 1");
    REQUIRE(seats->step());
    CHECK(seats->column_int(0) == 3);
    auto presence =
        db.prepare("SELECT visible_ms FROM seats WHERE event_id = 'evt-8' AND round = 2 AND attendee_id = 2");
    REQUIRE(presence->step());
    CHECK(presence->column_int64(0) == 50'000);
}

TEST_CASE("storage: a file from a newer server is refused, not misread") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    const auto newer = std::to_string(latest_schema_version() + 1);
    write_raw(path, ("CREATE TABLE schema_version (version INTEGER NOT NULL);"
                     "INSERT INTO schema_version (version) VALUES (" +
                     newer + ");")
                        .c_str());
    CHECK_THROWS_WITH_AS(Database{path}, doctest::Contains("newer than this server"), std::runtime_error);
}

}  // namespace
}  // namespace ensemble::storage
