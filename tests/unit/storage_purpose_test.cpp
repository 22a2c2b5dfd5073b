// Migration 7: an attendee's purpose and the event's topics are stored, read back, replaced live and
// blanked by erasure; a file from version 6 keeps its rows and gains empty purposes.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "storage/event_repository.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;

EventState event_with_topics(const std::string& id) {
    auto state = test::new_event(id, t0);
    state.settings.topics = {{"logement", "Logement", "Housing"}, {"emploi", "Emploi", ""}};
    return state;
}

Attendee attendee(AttendeeId id, const std::string& name, Purpose purpose = {}) {
    Attendee a{id, name, "CCAS", "", AttendeeStatus::active, t0 + id, false};
    a.purpose = std::move(purpose);
    return a;
}

std::string column(Database& db, const char* name, AttendeeId id) {
    auto query = db.prepare(std::string("SELECT ") + name + " FROM attendees WHERE id = ?1");
    query->bind(1, id);
    REQUIRE(query->step());
    return query->column_text(0);
}

}  // namespace

TEST_CASE("storage: topics and purposes round-trip, a change replaces the whole purpose, erasure blanks it") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    EventRepository events(db);
    auto state = event_with_topics("evt-purpose");
    events.create_event(state, "host-hash");
    const Purpose given{{"logement", "emploi"}, "Une famille à reloger", {"emploi"}, "2A", "ccas"};
    events.commit(state.id, {AttendeeJoined{attendee(1, "Ada", given), "h1"},
                             AttendeeJoined{attendee(2, "Bilal"), "h2"}});

    auto loaded = events.load_stored_event(state.id);
    REQUIRE(loaded);
    CHECK(loaded->state.settings.topics == state.settings.topics);
    CHECK(loaded->state.attendees.at(1).purpose == given);
    CHECK(loaded->state.attendees.at(2).purpose.empty());
    CHECK(column(db, "needs", 1) == "logement emploi");

    const Purpose changed{{}, "", {"logement"}, "974", ""};
    events.commit(state.id, {PurposeChanged{2, changed, t0 + 10}, PurposeChanged{1, {}, t0 + 11}});
    loaded = events.load_stored_event(state.id);
    CHECK(loaded->state.attendees.at(2).purpose == changed);
    CHECK(loaded->state.attendees.at(1).purpose.empty());

    events.commit(state.id, {PurposeChanged{1, given, t0 + 12}});
    events.commit(state.id, {AttendeeErased{1, "nobody-holds-this", t0 + 20}});
    for (const char* name : {"needs", "need_text", "offers", "departement", "structure"}) {
        CAPTURE(name);
        CHECK(column(db, name, 1).empty());
    }
    CHECK(events.load_stored_event(state.id)->state.attendees.at(1).purpose.empty());
    // A purpose for nobody is a disagreement between the domain and the file: the command is refused.
    CHECK_THROWS(events.commit(state.id, {PurposeChanged{99, changed, t0 + 30}}));
}

TEST_CASE("storage: a version 6 file gains empty purposes and no topics through migration 7") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        std::string sql = "CREATE TABLE schema_version (version INTEGER NOT NULL);";
        for (int version = 1; version <= 6; ++version)
            sql += std::string(migration_sql(version)) + "INSERT INTO schema_version VALUES (" +
                   std::to_string(version) + ");";
        sql += R"sql(
INSERT INTO events (id, settings, created_at, phase, round, paused, remaining_ms, host_credential_hash)
    VALUES ('evt-6', '{"title":"Avant"}', 1000, 'lobby', 0, 0, 0, 'host-hash');
INSERT INTO attendees (event_id, id, name, organisation, role, status, joined_at, credential_hash, email)
    VALUES ('evt-6', 1, 'Ada', 'CCAS', '', 'active', 1001, 'hash-1', 'ada@example.org');
)sql";
        char* error = nullptr;
        int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &error);
        std::string message = error ? error : "";
        sqlite3_free(error);
        sqlite3_close(raw);
        REQUIRE_MESSAGE(rc == SQLITE_OK, message);
    }
    Database db(path);
    CHECK(schema_version(db) == latest_schema_version());
    EventRepository events(db);
    auto loaded = events.load_stored_event("evt-6");
    REQUIRE(loaded);
    CHECK(loaded->state.settings.topics.empty());
    const auto& ada = loaded->state.attendees.at(1);
    CHECK(ada.email == "ada@example.org");
    CHECK(ada.purpose.empty());
}

}  // namespace ensemble::storage
