// SqliteStore::load_review: the event as staff review it, read on the store's thread after every commit
// queued before, with the round's length and the time it ended; staff links saved with their role.
#include <doctest/doctest.h>

#include <future>

#include "storage/sqlite.hpp"
#include "storage/sqlite_store.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;

std::pair<std::optional<review::EventGraph>, StoreError> load_review(SqliteStore& store,
                                                                     const std::string& id) {
    std::promise<std::pair<std::optional<review::EventGraph>, StoreError>> done;
    store.load_review(id, [&done](std::optional<review::EventGraph> graph, StoreError error) {
        done.set_value({std::move(graph), std::move(error)});
    });
    return done.get_future().get();
}

Attendee person(AttendeeId id, std::string name) {
    Attendee a;
    a.id = id, a.name = std::move(name), a.organisation = "CCAS", a.joined_at = t0;
    return a;
}

}  // namespace

TEST_CASE("load_review: after the commits queued before it, with the round length and the end") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    SqliteStore store(path);
    std::promise<StoreError> created;
    store.create_event(test::new_event("ev1", t0), "host-hash", [&](StoreError e) { created.set_value(e); });
    REQUIRE_FALSE(created.get_future().get());
    // Not waited for: load_review comes after them all the same.
    store.commit("ev1", {AttendeeJoined{person(1, "Ana"), "h1"}, AttendeeJoined{person(2, "Bilal"), "h2"}},
                 [](StoreError) {});
    store.commit("ev1", {RoundStarted{1, t0 + 10}, Seated{1, 1, 1, t0 + 10}, Seated{1, 1, 2, t0 + 10}},
                 [](StoreError) {});
    auto [graph, error] = load_review(store, "ev1");
    REQUIRE_FALSE(error);
    REQUIRE(graph);
    CHECK(graph->people.size() == 2);
    CHECK(graph->encounters.size() == 1);
    CHECK(graph->round_ms == 600'000);  // the sample settings' round_seconds
    CHECK_FALSE(graph->ended_at);

    {
        Database db(path);
        db.execute("UPDATE events SET ended_at = 1700000999000 WHERE id = 'ev1'");
    }
    auto ended = load_review(store, "ev1").first;
    REQUIRE(ended);
    CHECK(ended->ended_at == 1'700'000'999'000);
    auto none = load_review(store, "nope");
    CHECK_FALSE(none.second);
    CHECK_FALSE(none.first);
}

TEST_CASE("staff links are saved with their role and come back as staff links") {
    test::TempDir dir;
    const auto path = dir.file("ensemble.db");
    {
        SqliteStore store(path);
        std::promise<StoreError> created;
        store.create_event(test::new_event("ev1", t0), "host-hash",
                           [&](StoreError e) { created.set_value(e); });
        REQUIRE_FALSE(created.get_future().get());
        HostLink staff{2, "Évaluation", "staff-hash", t0, 1, std::nullopt, LinkRole::staff};
        std::promise<StoreError> committed;
        store.commit("ev1", {HostLinkCreated{staff}}, [&](StoreError e) { committed.set_value(e); });
        REQUIRE_FALSE(committed.get_future().get());
    }
    SqliteStore store(path);
    std::promise<std::optional<StoredEvent>> loaded;
    store.load("ev1",
               [&](std::optional<StoredEvent> stored, StoreError) { loaded.set_value(std::move(stored)); });
    auto stored = loaded.get_future().get();
    REQUIRE(stored);
    CHECK(stored->state.host_links.at(1).role == LinkRole::host);
    CHECK(stored->state.host_links.at(2).role == LinkRole::staff);
    CHECK(stored->state.host_links.at(2).name == "Évaluation");
}

}  // namespace ensemble::storage
