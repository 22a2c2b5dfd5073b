// Data protection in the database file: the retention setting, the end of an event kept, the purge of
// expired events (every row, nothing of the others, nothing left in the file's bytes), and erasure.
#include <doctest/doctest.h>

#include <fstream>
#include <future>
#include <iterator>
#include <sstream>

#include "cli/purge.hpp"
#include "storage/event_repository.hpp"
#include "storage/purge.hpp"
#include "storage/settings_json.hpp"
#include "storage/sqlite_store.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;
constexpr TimeMs day = 24LL * 3600 * 1000;

// Every table that holds rows of an event, and its column naming the event.
const std::pair<const char*, const char*> event_tables[] = {
    {"events", "id"},
    {"attendees", "event_id"},
    {"rounds", "event_id"},
    {"seats", "event_id"},
    {"encounters", "event_id"},
    {"chat_messages", "event_id"},
    {"announcements", "event_id"},
    {"plans", "event_id"},
    {"host_links", "event_id"},
    {"host_actions", "event_id"},
    {"talked_answers", "event_id"},
    {"contact_wishes", "event_id"},
    {"table_ratings", "event_id"},
};

std::int64_t rows(Database& db, const std::string& table, const std::string& column, const std::string& id) {
    auto query = db.prepare("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?1");
    query->bind(1, id);
    REQUIRE(query->step());
    return query->column_int64(0);
}

std::int64_t value(Database& db, const std::string& sql, const std::string& id) {
    auto query = db.prepare(sql);
    query->bind(1, id);
    REQUIRE(query->step());
    return query->column_int64(0);
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Attendee person(AttendeeId id, std::string name) {
    Attendee a;
    a.id = id;
    a.name = std::move(name);
    a.organisation = "Org " + a.name;
    a.role = "Rôle";
    a.joined_at = t0;
    return a;
}

// An event with a row in every table: three people at one table of round 1, chat, answers, an
// announcement, a plan, a second host link and a host action; then ended at `ended_at` (if given).
void fill_event(EventRepository& events, Database& db, const std::string& id, const std::string& prefix,
                std::optional<TimeMs> ended_at, int retention_days = 90) {
    auto state = test::new_event(id, t0);
    state.settings.retention_days = retention_days;
    events.create_event(state, "host-" + id);
    std::vector<Record> records;
    for (AttendeeId a = 1; a <= 3; ++a)
        records.push_back(
            AttendeeJoined{person(a, prefix + std::to_string(a)), id + "-cred-" + std::to_string(a)});
    records.push_back(RoundStarted{1, t0});
    for (AttendeeId a = 1; a <= 3; ++a) records.push_back(Seated{1, 1, a, t0});
    records.push_back(PhaseChanged{Phase::round, 1, t0 + 600'000, false, 0, t0});
    records.push_back(ChatPosted{1, 1, {1, "", prefix + " chat secret", t0}});
    records.push_back(ChatPosted{1, 1, {2, "", "reply", t0}});
    records.push_back(Announced{"Bienvenue", t0});
    records.push_back(PlanMade{1, {{{1, 2, 3}}}});
    HostLink link;
    link.id = 2, link.name = "Co", link.credential_hash = "co-" + id, link.created_at = t0,
    link.created_by = 1;
    records.push_back(HostLinkCreated{link});
    HostAction action;
    action.kind = HostAction::Kind::broadcast, action.by = 1, action.at = t0, action.text = "Bienvenue";
    records.push_back(HostActed{action});
    if (ended_at) records.push_back(PhaseChanged{Phase::ended, 1, std::nullopt, false, 0, *ended_at});
    events.commit(id, records);
    // The answers of migration 6 (their records come with the end-of-round card).
    for (AttendeeId a = 1; a <= 3; ++a) {
        AttendeeId about = a % 3 + 1;
        db.prepare("INSERT INTO talked_answers VALUES (?1, 1, ?2, ?3, 1, ?4)")
            ->bind(1, id)
            .bind(2, a)
            .bind(3, about)
            .bind(4, t0)
            .run();
        db.prepare("INSERT INTO contact_wishes VALUES (?1, ?2, ?3, ?4)")
            ->bind(1, id)
            .bind(2, a)
            .bind(3, about)
            .bind(4, t0)
            .run();
        db.prepare("INSERT INTO table_ratings VALUES (?1, 1, ?2, 4, ?3)")
            ->bind(1, id)
            .bind(2, a)
            .bind(3, t0)
            .run();
    }
    db.prepare("UPDATE attendees SET email = ?2 WHERE event_id = ?1 AND id = 1")
        ->bind(1, id)
        .bind(2, prefix + "@example.org")
        .run();
}

}  // namespace

TEST_CASE("retention_days: a setting row with its default, limits and storage") {
    EventSettings settings = test::sample_settings();
    CHECK(settings.retention_days == 90);
    CHECK_FALSE(validate(settings));
    for (int bad : {0, -1, 3651}) {
        settings.retention_days = bad;
        auto problem = validate(settings);
        REQUIRE(problem);
        CHECK(problem->field == "retention_days");
    }
    settings.retention_days = 365;
    CHECK(settings_from_json(settings_to_json(settings)).retention_days == 365);
    // Events stored before the setting existed keep the default.
    CHECK(settings_from_json(R"({"title":"Ancien"})").retention_days == 90);
}

TEST_CASE("ended_at: written when the event ends, kept by later changes, restored") {
    test::TempDir dir;
    Database db(dir.file("e.db"));
    EventRepository events(db);
    events.create_event(test::new_event("evt", t0), "host");
    auto before = events.load_stored_event("evt");
    REQUIRE(before);
    CHECK_FALSE(before->state.ended_at);
    events.commit("evt", {PhaseChanged{Phase::ended, 0, std::nullopt, false, 0, t0 + 5000}});
    events.commit("evt", {PhaseChanged{Phase::ended, 0, std::nullopt, false, 0, t0 + 9000}});
    auto after = events.load_stored_event("evt");
    REQUIRE(after);
    CHECK(after->state.ended_at == t0 + 5000);
}

TEST_CASE("retention_start: the end recorded, or creation plus the lobby lifetime; none while running") {
    CHECK(retention_start(Phase::ended, t0, t0 + 7) == t0 + 7);
    CHECK(retention_start(Phase::ended, t0, std::nullopt) == t0 + lobby_lifetime_ms);
    CHECK(retention_start(Phase::lobby, t0, std::nullopt) == t0 + lobby_lifetime_ms);
    CHECK_FALSE(retention_start(Phase::round, t0, std::nullopt));
    CHECK_FALSE(retention_start(Phase::pause_between_rounds, t0, std::nullopt));
}

TEST_CASE("purge: every row of an expired event goes, nothing of the others, no name left in the file") {
    test::TempDir dir;
    const auto path = dir.file("purge.db");
    const TimeMs now = t0 + 200 * day;
    {
        Database db(path);
        enable_secure_delete(db);
        EventRepository events(db);
        fill_event(events, db, "old", "Zephyrinequasimodo", t0 + day);      // 90 days over
        fill_event(events, db, "fresh", "Fresh", t0 + 150 * day);           // 50 days ago
        fill_event(events, db, "short", "Shortlived", t0 + 150 * day, 30);  // its own 30 days over
        fill_event(events, db, "running", "Running", std::nullopt);         // never ends by itself
        // An event ended before the end was recorded: its creation plus the lobby lifetime stands for it.
        fill_event(events, db, "legacy", "Legacy", t0 + day);
        db.execute("UPDATE events SET ended_at = NULL WHERE id = 'legacy'");

        for (const auto& [table, column] : event_tables) CHECK(rows(db, table, column, "old") > 0);

        auto dry = find_expired(db, now).events;
        REQUIRE(dry.size() == 3);
        CHECK(rows(db, "events", "id", "old") == 1);  // a dry run deletes nothing

        auto purged = purge_expired(db, now).events;
        REQUIRE(purged.size() == 3);
        CHECK(purged[0].id == "old");
        CHECK(purged[0].ended_at == t0 + day);
        CHECK(purged[0].attendees == 3);
        CHECK(purged[1].id == "legacy");
        CHECK(purged[1].ended_at == t0 + lobby_lifetime_ms);
        CHECK(purged[2].id == "short");
        for (const char* gone : {"old", "legacy", "short"})
            for (const auto& [table, column] : event_tables) {
                CAPTURE(gone);
                CAPTURE(table);
                CHECK(rows(db, table, column, gone) == 0);
            }
        for (const char* kept : {"fresh", "running"}) {
            CHECK(rows(db, "attendees", "event_id", kept) == 3);
            CHECK(rows(db, "encounters", "event_id", kept) == 3);
            CHECK(rows(db, "chat_messages", "event_id", kept) == 2);
            CHECK(rows(db, "talked_answers", "event_id", kept) == 3);
            CHECK(rows(db, "host_links", "event_id", kept) == 2);
        }
        CHECK(purge_expired(db, now).empty());
    }
    // The last connection closed: the WAL is in the file, and the file is all there is.
    auto bytes = file_bytes(path);
    REQUIRE(bytes.find("Fresh1") != std::string::npos);  // the search works: a kept name is found
    CHECK(bytes.find("Zephyrinequasimodo") == std::string::npos);
    CHECK(bytes.find("Shortlived") == std::string::npos);
}

TEST_CASE("purge: without secure delete the name would stay in the file (the test above can fail)") {
    test::TempDir dir;
    const auto path = dir.file("plain.db");
    {
        Database db(path);
        db.execute("PRAGMA secure_delete = OFF");
        EventRepository events(db);
        fill_event(events, db, "old", "Zephyrinequasimodo", t0 + day);
        db.checkpoint();
        delete_event_rows(db, "old");
    }
    CHECK(file_bytes(path).find("Zephyrinequasimodo") != std::string::npos);
}

TEST_CASE("erasure in the file: texts blanked, own chat and answers gone, seats and encounters kept") {
    test::TempDir dir;
    const auto path = dir.file("erase.db");
    {
        Database db(path);
        enable_secure_delete(db);
        EventRepository events(db);
        fill_event(events, db, "evt", "Quentinxylophage", std::nullopt);
        events.commit("evt", {AttendeeStatusChanged{1, AttendeeStatus::removed, t0 + 1},
                              AttendeeErased{1, "fresh-cred", t0 + 2}});
        const char* one =
            "SELECT COUNT(*) FROM attendees WHERE event_id = ?1 AND id = 1 AND name = '' AND "
            "organisation = '' AND role = '' AND email = '' AND phone = '' AND erased_at IS NOT NULL "
            "AND credential_hash = 'fresh-cred'";
        CHECK(value(db, one, "evt") == 1);
        CHECK(value(db, "SELECT COUNT(*) FROM chat_messages WHERE event_id = ?1 AND attendee_id = 1",
                    "evt") == 0);
        CHECK(value(db, "SELECT COUNT(*) FROM chat_messages WHERE event_id = ?1", "evt") == 1);
        for (const char* table : {"talked_answers", "contact_wishes", "table_ratings"}) {
            CAPTURE(table);
            CHECK(value(db,
                        std::string("SELECT COUNT(*) FROM ") + table +
                            " WHERE event_id = ?1 AND attendee_id = 1",
                        "evt") == 0);
            CHECK(value(db, std::string("SELECT COUNT(*) FROM ") + table + " WHERE event_id = ?1", "evt") ==
                  2);
        }
        // What others said about them stays: their answers.
        CHECK(value(db, "SELECT COUNT(*) FROM contact_wishes WHERE event_id = ?1 AND about = 1", "evt") == 1);
        CHECK(value(db, "SELECT COUNT(*) FROM seats WHERE event_id = ?1 AND attendee_id = 1", "evt") == 1);
        CHECK(value(db, "SELECT COUNT(*) FROM encounters WHERE event_id = ?1 AND (a = 1 OR b = 1)", "evt") ==
              2);
        // Restored as the anonymous entry it is; the old credential is no longer there.
        auto stored = events.load_stored_event("evt");
        REQUIRE(stored);
        const auto& a = stored->state.attendees.at(1);
        CHECK(a.name.empty());
        CHECK(a.erased_at == t0 + 2);
        CHECK(stored->attendee_credentials.count("evt-cred-1") == 0);
        CHECK(stored->attendee_credentials.at("fresh-cred") == 1);
        CHECK(stored->state.attendees.at(2).name == "Quentinxylophage2");
    }
    auto bytes = file_bytes(path);
    REQUIRE(bytes.find("Quentinxylophage2") != std::string::npos);
    CHECK(bytes.find("Quentinxylophage1") == std::string::npos);
    CHECK(bytes.find("Quentinxylophage chat secret") == std::string::npos);
}

TEST_CASE("the store deletes an event and purges on its own thread, with secure delete on its connection") {
    test::TempDir dir;
    const auto path = dir.file("store.db");
    const TimeMs now = t0 + 200 * day;
    {
        Database db(path);
        EventRepository events(db);
        fill_event(events, db, "old", "Storeoldname", t0 + day);
        fill_event(events, db, "gone", "Storegonename", std::nullopt);
        fill_event(events, db, "kept", "Storekeptname", std::nullopt);
    }
    {
        SqliteStore store(path);
        std::promise<StoreError> deleted;
        store.delete_event("gone", [&](StoreError error) { deleted.set_value(std::move(error)); });
        CHECK_FALSE(deleted.get_future().get());
        std::promise<StoreError> missing;
        store.delete_event("gone", [&](StoreError error) { missing.set_value(std::move(error)); });
        CHECK(missing.get_future().get());  // no such event any more
        std::promise<std::vector<PurgedEvent>> purged;
        store.purge_expired(now, [&](Expired expired, StoreError error) {
            CHECK_FALSE(error);
            purged.set_value(std::move(expired.events));
        });
        auto events = purged.get_future().get();
        REQUIRE(events.size() == 1);
        CHECK(events[0].id == "old");
        CHECK(events[0].attendees == 3);
        store.stop();
    }
    Database db(path);
    CHECK(rows(db, "events", "id", "old") == 0);
    CHECK(rows(db, "attendees", "event_id", "gone") == 0);
    CHECK(rows(db, "attendees", "event_id", "kept") == 3);
    auto bytes = file_bytes(path);
    REQUIRE(bytes.find("Storekeptname") != std::string::npos);
    CHECK(bytes.find("Storeoldname") == std::string::npos);
    CHECK(bytes.find("Storegonename") == std::string::npos);
}

TEST_CASE("ensemble purge: lists and deletes, --dry-run deletes nothing, a missing file is an error") {
    test::TempDir dir;
    const auto path = dir.file("cli.db");
    const TimeMs now = t0 + 200 * day;
    {
        Database db(path);
        EventRepository events(db);
        fill_event(events, db, "old", "Oldname", t0 + day);
        fill_event(events, db, "fresh", "Freshname", t0 + 150 * day);
    }
    std::ostringstream out, err;
    CHECK(cli::run_purge({"--db", path, "--dry-run"}, now, out, err) == 0);
    CHECK(out.str().find("event old, ended 2023-11-15") != std::string::npos);
    CHECK(out.str().find("3 attendees: would be deleted") != std::string::npos);
    CHECK(out.str().find("fresh") == std::string::npos);
    CHECK(out.str().find("Oldname") == std::string::npos);  // never a name
    {
        Database db(path);
        CHECK(rows(db, "events", "id", "old") == 1);
    }
    out.str("");
    CHECK(cli::run_purge({"--db", path}, now, out, err) == 0);
    CHECK(out.str().find("event old") != std::string::npos);
    CHECK(out.str().find("1 event deleted") != std::string::npos);
    {
        Database db(path);
        CHECK(rows(db, "events", "id", "old") == 0);
        CHECK(rows(db, "attendees", "event_id", "old") == 0);
        CHECK(rows(db, "events", "id", "fresh") == 1);
    }
    err.str("");
    CHECK(cli::run_purge({"--db", dir.file("missing.db")}, now, out, err) == 1);
    CHECK(err.str().find("no database file") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
    CHECK(cli::run_purge({"--db", dir.file("")}, now, out, err) == 1);  // a directory
    {
        std::ofstream garbage(dir.file("garbage.db"));
        garbage << std::string(4096, 'x');
    }
    err.str("");
    CHECK(cli::run_purge({"--db", dir.file("garbage.db")}, now, out, err) == 1);
    CHECK(err.str().find("ensemble purge: ") == 0);
    CHECK(cli::run_purge({}, now, out, err) == 2);
    CHECK(cli::run_purge({"--db"}, now, out, err) == 2);
}

}  // namespace ensemble::storage
