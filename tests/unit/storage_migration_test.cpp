// Schema migrations: new and empty files are brought up to date, up-to-date files are left alone,
// and a file from a newer server is refused.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>
#include <stdexcept>

#include "storage/event_repository.hpp"
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
    for (const char* table : {"events", "attendees", "rounds", "seats", "encounters", "chat_messages",
                              "announcements", "plans"}) {
        CAPTURE(table);
        CHECK(has_table(db, table));
    }
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
    REQUIRE(events.load_event("evt-migrate"));
    CHECK(events.load_event("evt-migrate")->attendees.at(1).name == "Ada");
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
