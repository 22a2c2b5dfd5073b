// SqliteStore: jobs run in order on the store's own thread, commits queued together share a transaction,
// a failing command fails alone, an event whose change was lost refuses more until reloaded, a locked
// database fails a group cleanly, and stop() drains the queue. Waits are on futures, never on sleeps.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/sqlite_store.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;
constexpr std::chrono::milliseconds short_busy_timeout{100};

EventState new_event(const std::string& id) { return test::new_event(id, t0); }

Record join(AttendeeId id, const std::string& event_id) {
    Attendee attendee{id, "P" + std::to_string(id), "Org", "", AttendeeStatus::active, t0 + id, false};
    return AttendeeJoined{attendee, event_id + "-hash-" + std::to_string(id)};
}

// Refused by the writer: nobody holds a seat in round 1 yet.
Record bad_record() { return Unseated{1, 1, 1, t0}; }

StoreError create(SqliteStore& store, const std::string& id, const std::string& host_hash) {
    std::promise<StoreError> done;
    auto result = done.get_future();
    store.create_event(new_event(id), host_hash,
                       [&done](StoreError error) { done.set_value(std::move(error)); });
    return result.get();
}

StoreError commit(SqliteStore& store, const std::string& id, std::vector<Record> records) {
    std::promise<StoreError> done;
    auto result = done.get_future();
    store.commit(id, std::move(records), [&done](StoreError error) { done.set_value(std::move(error)); });
    return result.get();
}

std::pair<std::optional<StoredEvent>, StoreError> load(SqliteStore& store, const std::string& id) {
    std::promise<std::pair<std::optional<StoredEvent>, StoreError>> done;
    auto result = done.get_future();
    store.load(id, [&done](std::optional<StoredEvent> stored, StoreError error) {
        done.set_value({std::move(stored), std::move(error)});
    });
    return result.get();
}

// Outcomes of commits queued without waiting, read once the last is in.
struct Outcomes {
    std::vector<StoreError> errors;
    std::promise<void> all_done;
    std::size_t expected = 0;

    explicit Outcomes(std::size_t count) : expected(count) {}

    EventStore::Committed next() {
        return [this](StoreError error) {
            errors.push_back(std::move(error));  // only ever on the store's thread
            if (errors.size() == expected) all_done.set_value();
        };
    }
    void wait() { all_done.get_future().wait(); }
};

// Holds the store's thread inside a job until opened, so that what is queued meanwhile is taken together.
class Gate {
  public:
    explicit Gate(SqliteStore& store) {
        auto opened = opened_.get_future().share();
        store.load("evt-gate", [this, opened](std::optional<StoredEvent>, StoreError) {
            entered_.set_value();
            opened.wait();
        });
        entered_.get_future().wait();
    }
    ~Gate() { open(); }
    Gate(const Gate&) = delete;
    Gate& operator=(const Gate&) = delete;

    void open() {
        if (open_) return;
        open_ = true;
        opened_.set_value();
    }

  private:
    std::promise<void> entered_;
    std::promise<void> opened_;
    bool open_ = false;
};

// What another process would read in the file: a connection of its own, read-only.
std::int64_t count_in_file(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    std::int64_t count = -1;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            count = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return count;
}

bool contains(const StoreError& error, const std::string& part) {
    return error && error->find(part) != std::string::npos;
}

TEST_CASE("storage store: commits complete in order and are durable when done is called") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    SqliteStore store(path);
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));

    constexpr int commits = 50;
    std::vector<int> order;
    std::vector<std::int64_t> rows_seen;
    std::promise<void> last;
    for (int i = 0; i < commits; ++i)
        store.commit("evt-a", {join(i + 1, "evt-a")}, [&, i](StoreError error) {
            CHECK_FALSE(error);
            order.push_back(i);
            // Read from another connection at the moment we are told: the row must already be there.
            rows_seen.push_back(count_in_file(path, "SELECT COUNT(*) FROM attendees"));
            if (i == commits - 1) last.set_value();
        });
    last.get_future().wait();

    REQUIRE(order.size() == commits);
    for (int i = 0; i < commits; ++i) {
        CAPTURE(i);
        CHECK(order[static_cast<std::size_t>(i)] == i);
        CHECK(rows_seen[static_cast<std::size_t>(i)] >= i + 1);
    }
}

TEST_CASE("storage store: commits queued together go in one transaction, up to the group's cap") {
    test::TempDir dir;
    SqliteStore store(dir.file("ensemble.db"));
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));
    REQUIRE_FALSE(create(store, "evt-b", "host-b"));

    SUBCASE("a burst smaller than the cap") {
        constexpr int commits = 300;
        Outcomes outcomes(commits);
        const auto before = store.transactions_committed();
        {
            Gate gate(store);
            for (int i = 0; i < commits; ++i) {
                const std::string id = i % 2 ? "evt-a" : "evt-b";
                store.commit(id, {join(i + 1, id)}, outcomes.next());
            }
        }
        outcomes.wait();
        for (const auto& error : outcomes.errors) CHECK_FALSE(error);
        CHECK(store.transactions_committed() - before == 1);
    }
    SUBCASE("a burst larger than the cap is cut into groups of the cap") {
        const int commits = static_cast<int>(2 * SqliteStore::max_group + 1);
        Outcomes outcomes(static_cast<std::size_t>(commits));
        const auto before = store.transactions_committed();
        {
            Gate gate(store);
            for (int i = 0; i < commits; ++i) store.commit("evt-a", {join(i + 1, "evt-a")}, outcomes.next());
        }
        outcomes.wait();
        for (const auto& error : outcomes.errors) CHECK_FALSE(error);
        CHECK(store.transactions_committed() - before == 3);
    }
    CHECK(load(store, "evt-a").first->state.attendees.size() +
              load(store, "evt-b").first->state.attendees.size() ==
          count_in_file(dir.file("ensemble.db"), "SELECT COUNT(*) FROM attendees"));
}

TEST_CASE("storage store: a failing command fails alone; the others of its group commit") {
    test::TempDir dir;
    SqliteStore store(dir.file("ensemble.db"));
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));
    REQUIRE_FALSE(create(store, "evt-b", "host-b"));

    Outcomes outcomes(5);
    const auto before = store.transactions_committed();
    {
        Gate gate(store);
        store.commit("evt-a", {join(1, "evt-a")}, outcomes.next());
        store.commit("evt-a", {join(2, "evt-a"), bad_record()}, outcomes.next());
        store.commit("evt-b", {join(1, "evt-b")}, outcomes.next());
        store.commit("evt-a", {join(3, "evt-a")}, outcomes.next());  // built on the failed one
        store.commit("evt-b", {join(2, "evt-b")}, outcomes.next());
    }
    outcomes.wait();
    CHECK(store.transactions_committed() - before == 1);

    const auto& errors = outcomes.errors;
    CHECK_FALSE(errors[0]);
    CHECK(contains(errors[1], "no open seat"));
    CHECK_FALSE(errors[2]);
    CHECK(contains(errors[3], "an earlier change of this event was not saved"));
    CHECK_FALSE(errors[4]);

    auto a = load(store, "evt-a");
    REQUIRE(a.first);
    CHECK(a.first->state.attendees.size() == 1);
    CHECK(a.first->state.attendees.count(1) == 1);
    CHECK(load(store, "evt-b").first->state.attendees.size() == 2);
}

TEST_CASE("storage store: after a failed commit, later commits of that event fail until it is loaded") {
    test::TempDir dir;
    SqliteStore store(dir.file("ensemble.db"));
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));
    REQUIRE_FALSE(create(store, "evt-b", "host-b"));

    CHECK(contains(commit(store, "evt-a", {bad_record()}), "no open seat"));
    CHECK(contains(commit(store, "evt-a", {join(1, "evt-a")}),
                   "an earlier change of this event was not saved"));
    CHECK(contains(commit(store, "evt-a", {}), "an earlier change of this event was not saved"));
    CHECK_FALSE(commit(store, "evt-b", {join(1, "evt-b")}));  // other events go on

    auto reloaded = load(store, "evt-a");
    CHECK_FALSE(reloaded.second);
    REQUIRE(reloaded.first);
    CHECK(reloaded.first->state.attendees.empty());  // nothing of the refused commits was written
    CHECK_FALSE(commit(store, "evt-a", {join(1, "evt-a")}));
    CHECK(load(store, "evt-a").first->state.attendees.size() == 1);
}

TEST_CASE(
    "storage store: a database locked beyond the busy timeout fails the whole group, then works again") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    SqliteStore store(path, short_busy_timeout);
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));
    REQUIRE_FALSE(create(store, "evt-b", "host-b"));

    // Another process holds the write lock.
    Database other(path);
    other.execute("BEGIN IMMEDIATE");
    Outcomes outcomes(3);
    {
        Gate gate(store);
        store.commit("evt-a", {join(1, "evt-a")}, outcomes.next());
        store.commit("evt-b", {join(1, "evt-b")}, outcomes.next());
        store.commit("evt-a", {join(2, "evt-a")}, outcomes.next());
    }
    outcomes.wait();
    for (const auto& error : outcomes.errors) {
        CHECK(contains(error, "database is locked"));
        CHECK(contains(error, "none saved"));
    }
    other.execute("ROLLBACK");

    // Both events lost a change: they refuse more until loaded, then go on.
    CHECK(contains(commit(store, "evt-b", {join(2, "evt-b")}),
                   "an earlier change of this event was not saved"));
    for (const char* id : {"evt-a", "evt-b"}) {
        CAPTURE(id);
        auto reloaded = load(store, id);
        REQUIRE(reloaded.first);
        CHECK(reloaded.first->state.attendees.empty());
        CHECK_FALSE(commit(store, id, {join(1, id)}));
    }
    CHECK(count_in_file(path, "SELECT COUNT(*) FROM attendees") == 2);
}

TEST_CASE("storage store: creating an event on a database locked beyond the busy timeout fails, then works") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    SqliteStore store(path, short_busy_timeout);
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));

    Database other(path);
    other.execute("BEGIN IMMEDIATE");
    CHECK(contains(create(store, "evt-b", "host-b"), "database is locked"));
    CHECK_FALSE(load(store, "evt-a").second);  // reading goes on meanwhile
    other.execute("ROLLBACK");

    CHECK_FALSE(load(store, "evt-b").first);
    CHECK_FALSE(create(store, "evt-b", "host-b"));
    CHECK(load(store, "evt-b").first);
}

TEST_CASE("storage store: load returns the state after every earlier commit, with its credentials") {
    test::TempDir dir;
    SqliteStore store(dir.file("ensemble.db"));
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));

    // Queued without waiting: load must still see them all.
    Outcomes outcomes(3);
    store.commit("evt-a", {join(1, "evt-a"), join(2, "evt-a"), join(3, "evt-a")}, outcomes.next());
    store.commit("evt-a", {AttendeeStatusChanged{2, AttendeeStatus::removed, t0 + 5}}, outcomes.next());
    store.commit("evt-a", {PlanMade{1, {{{1, 3}}, {{3, 1}}}}}, outcomes.next());
    auto loaded = load(store, "evt-a");
    outcomes.wait();
    for (const auto& error : outcomes.errors) CHECK_FALSE(error);

    CHECK_FALSE(loaded.second);
    REQUIRE(loaded.first);
    const auto& stored = *loaded.first;
    CHECK(stored.host_credential_hash == "host-a");
    REQUIRE(stored.attendee_credentials.size() == 3);
    CHECK(stored.attendee_credentials.at("evt-a-hash-1") == 1);
    CHECK(stored.attendee_credentials.at("evt-a-hash-2") == 2);
    CHECK(stored.attendee_credentials.at("evt-a-hash-3") == 3);
    CHECK(stored.state.attendees.at(2).status == AttendeeStatus::removed);
    REQUIRE(stored.state.plan);
    CHECK(stored.state.plan->rounds.size() == 2);

    auto missing = load(store, "evt-missing");
    CHECK_FALSE(missing.first);
    CHECK_FALSE(missing.second);
}

TEST_CASE("storage store: create_event refuses a taken id or host hash") {
    test::TempDir dir;
    SqliteStore store(dir.file("ensemble.db"));
    REQUIRE_FALSE(create(store, "evt-a", "host-a"));
    CHECK(contains(create(store, "evt-a", "host-other"), "UNIQUE"));
    CHECK(contains(create(store, "evt-b", "host-a"), "UNIQUE"));
    CHECK_FALSE(load(store, "evt-b").first);
}

TEST_CASE("storage store: load_running_events sees every job queued before it") {
    test::TempDir dir;
    SqliteStore store(dir.file("ensemble.db"));
    Outcomes outcomes(5);
    store.create_event(new_event("evt-a"), "host-a", outcomes.next());
    store.create_event(new_event("evt-b"), "host-b", outcomes.next());
    store.commit("evt-a", {join(1, "evt-a")}, outcomes.next());
    store.commit("evt-a", {PhaseChanged{Phase::round, 1, std::nullopt, true, 60'000}}, outcomes.next());
    store.commit("evt-b", {PhaseChanged{Phase::ended, 0, std::nullopt, false, 0}}, outcomes.next());

    auto events = store.load_running_events();
    REQUIRE(events.size() == 1);
    CHECK(events.front().state.id == "evt-a");
    CHECK(events.front().host_credential_hash == "host-a");
    CHECK(events.front().attendee_credentials.count("evt-a-hash-1") == 1);
    outcomes.wait();
}

TEST_CASE("storage store: stop() finishes every queued job; later jobs fail at once") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    auto store = std::make_unique<SqliteStore>(path);
    REQUIRE_FALSE(create(*store, "evt-a", "host-a"));

    constexpr int commits = 500;
    int done = 0;  // written by the store's thread, read after stop() joined it
    for (int i = 0; i < commits; ++i)
        store->commit("evt-a", {join(i + 1, "evt-a")}, [&done](StoreError error) {
            if (!error) ++done;
        });
    store->stop();
    CHECK(done == commits);
    CHECK(count_in_file(path, "SELECT COUNT(*) FROM attendees") == commits);

    StoreError late;
    store->commit("evt-a", {join(commits + 1, "evt-a")},
                  [&late](StoreError error) { late = std::move(error); });
    CHECK(contains(late, "stopped"));
    std::optional<StoredEvent> late_load;
    StoreError late_load_error;
    store->load("evt-a", [&](std::optional<StoredEvent> stored, StoreError error) {
        late_load = std::move(stored);
        late_load_error = std::move(error);
    });
    CHECK_FALSE(late_load);
    CHECK(contains(late_load_error, "stopped"));
    CHECK_THROWS_AS(store->load_running_events(), std::runtime_error);
    store.reset();  // a second stop, from the destructor, is harmless
}

TEST_CASE("storage store: an unusable file fails at construction with a clear message") {
    test::TempDir dir;
    const auto path = dir.file("missing/ensemble.db");
    CHECK_THROWS_WITH_AS(SqliteStore{path}, doctest::Contains("cannot open database"), std::runtime_error);
}

}  // namespace
}  // namespace ensemble::storage
