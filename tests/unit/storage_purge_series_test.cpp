// A series is data about its events: it goes with the last of them, purged by retention or deleted by a
// host, in the same transaction; while one event is kept, the series stays.
#include <doctest/doctest.h>

#include <fstream>
#include <future>
#include <iterator>
#include <sstream>

#include "cli/purge.hpp"
#include "storage/event_repository.hpp"
#include "storage/purge.hpp"
#include "storage/series.hpp"
#include "storage/sqlite_store.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;
constexpr TimeMs day = 24LL * 3600 * 1000;

std::int64_t count(Database& db, const std::string& sql, const std::string& id) {
    auto query = db.prepare(sql);
    query->bind(1, id);
    REQUIRE(query->step());
    return query->column_int64(0);
}

std::int64_t series_rows(Database& db, const std::string& id) {
    return count(db, "SELECT COUNT(*) FROM series WHERE id = ?1", id);
}

// Every row that names the series: its own, and its events'.
std::int64_t rows_naming(Database& db, const std::string& id) {
    return series_rows(db, id) + count(db, "SELECT COUNT(*) FROM events WHERE series_id = ?1", id);
}

// An event of `series` with one attendee who gave an email, ended at `ended_at` (or still running).
void series_event(EventRepository& events, const std::string& id, const std::string& series,
                  std::optional<TimeMs> ended_at) {
    auto state = test::new_event(id, t0);
    state.series_id = series;
    events.create_event(state, "host-" + id);
    Attendee a;
    a.id = 1, a.name = "Ana " + id, a.organisation = "CCAS", a.email = "ana@example.org", a.joined_at = t0;
    // Started: a lobby never started would expire by itself.
    std::vector<Record> records{AttendeeJoined{a, id + "-cred"}, RoundStarted{1, t0},
                                PhaseChanged{Phase::round, 1, t0 + 600'000, false, 0, t0}};
    if (ended_at) records.push_back(PhaseChanged{Phase::ended, 1, std::nullopt, false, 0, *ended_at});
    events.commit(id, records);
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a series goes with its last event, purged or deleted; not before, and no other series") {
    test::TempDir dir;
    const auto path = dir.file("series.db");
    {
        Database db(path);
        enable_secure_delete(db);
        EventRepository events(db);
        insert_series(db, {"monthly", "Zorglubmensuel", t0, "monthly-hash", {}});
        insert_series(db, {"programme", "Programmeducoin", t0, "programme-hash", {}});
        insert_series(db, {"kept", "Keptseriestitle", t0, "kept-hash", {}});
        series_event(events, "first", "monthly", t0 + day);
        series_event(events, "second", "monthly", t0 + 100 * day);
        series_event(events, "deleted", "programme", std::nullopt);
        series_event(events, "running", "kept", std::nullopt);
        REQUIRE(rows_naming(db, "monthly") == 3);

        // One of two events purged: the series stays, with the other.
        auto purged = purge_expired(db, t0 + 95 * day).events;
        REQUIRE(purged.size() == 1);
        CHECK(purged[0].id == "first");
        CHECK(series_rows(db, "monthly") == 1);
        auto monthly = read_series(db, "monthly");
        REQUIRE(monthly);
        REQUIRE(monthly->events.size() == 1);
        CHECK(monthly->events[0].id == "second");

        // The second purged: the series and every row naming it go; the others stay.
        purged = purge_expired(db, t0 + 200 * day).events;
        REQUIRE(purged.size() == 1);
        CHECK(purged[0].id == "second");
        CHECK(rows_naming(db, "monthly") == 0);
        CHECK_FALSE(read_series(db, "monthly"));
        CHECK(series_rows(db, "programme") == 1);
        CHECK(series_rows(db, "kept") == 1);
    }
    {
        // A host deletes the only event of a series, through the store as the server does.
        SqliteStore store(path);
        std::promise<StoreError> deleted;
        store.delete_event("deleted", [&](StoreError error) { deleted.set_value(std::move(error)); });
        CHECK_FALSE(deleted.get_future().get());
        store.stop();
    }
    Database db(path);
    CHECK(rows_naming(db, "programme") == 0);
    CHECK(rows_naming(db, "kept") == 2);
    auto bytes = file_bytes(path);
    REQUIRE(bytes.find("Keptseriestitle") != std::string::npos);  // the search works: a kept title is found
    CHECK(bytes.find("Zorglubmensuel") == std::string::npos);
    CHECK(bytes.find("Programmeducoin") == std::string::npos);
}

TEST_CASE("a series never given an event goes once the lobby's lifetime has passed, not before") {
    test::TempDir dir;
    const auto path = dir.file("empty-series.db");
    const TimeMs now = t0 + 31 * day;
    {
        Database db(path);
        enable_secure_delete(db);
        EventRepository events(db);
        insert_series(db, {"empty", "Emptyseriestitle", t0, "empty-hash", {}});
        insert_series(db, {"young", "Youngseriestitle", t0 + 20 * day, "young-hash", {}});
        insert_series(db, {"used", "Usedseriestitle", t0, "used-hash", {}});
        series_event(events, "running", "used", std::nullopt);

        CHECK(find_expired(db, now).empty_series == std::vector<std::string>{"empty"});
        CHECK(series_rows(db, "empty") == 1);  // finding deletes nothing
        auto purged = purge_expired(db, now);
        CHECK(purged.events.empty());
        CHECK(purged.empty_series == std::vector<std::string>{"empty"});
        CHECK(series_rows(db, "empty") == 0);
        CHECK(series_rows(db, "young") == 1);
        CHECK(rows_naming(db, "used") == 2);
        CHECK(purge_expired(db, now).empty());
        insert_series(db, {"later", "Laterseriestitle", t0, "later-hash", {}});
    }
    std::ostringstream out, err;
    CHECK(cli::run_purge({"--db", path, "--dry-run"}, now, out, err) == 0);
    CHECK(out.str().find("series later, never given an event: would be deleted") != std::string::npos);
    CHECK(out.str().find("Laterseriestitle") == std::string::npos);  // never a title
    out.str("");
    CHECK(cli::run_purge({"--db", path}, now, out, err) == 0);
    CHECK(out.str().find("1 series deleted") != std::string::npos);
    auto bytes = file_bytes(path);
    REQUIRE(bytes.find("Youngseriestitle") != std::string::npos);  // the search works: a kept title is found
    CHECK(bytes.find("Emptyseriestitle") == std::string::npos);
    CHECK(bytes.find("Laterseriestitle") == std::string::npos);
}

}  // namespace ensemble::storage
