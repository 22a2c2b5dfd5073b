// Host links and the log of who did what come back after a restart: names, hashes, revocations, and the
// last 50 actions with the names of those they name.
#include <doctest/doctest.h>

#include "domain/event.hpp"
#include "storage/event_repository.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;

constexpr TimeMs t0 = 1'700'000'000'000;

}  // namespace

TEST_CASE("storage: host links and the host log round-trip, the revoked link included") {
    test::TempDir dir;
    Database db{dir.file("ensemble.db")};
    EventRepository events{db};
    Event event = Event::create("evt-hosts", test::sample_settings(), t0, "Camille", "creator-hash");
    events.create_event(event.state(), "creator-hash");

    auto run = [&](const Actor& actor, const Command& command, TimeMs at) {
        auto fx = event.apply(actor, command, at);
        REQUIRE_FALSE(fx.error);
        events.commit(event.state().id, fx.records);
    };
    run(Actor::system(), Join{"Ada", "CCAS", "", "ada-hash"}, t0 + 1);
    run(Actor::host(1), CreateHostLink{"Dominique", "dominique-hash"}, t0 + 2);
    run(Actor::host(1), CreateHostLink{"Eva", "eva-hash"}, t0 + 3);
    run(Actor::host(2), RemoveAttendee{1}, t0 + 4);
    run(Actor::host(2), RevokeHostLink{3}, t0 + 5);
    for (int i = 0; i < 55; ++i) run(Actor::host(1), Broadcast{"message " + std::to_string(i)}, t0 + 10 + i);

    auto stored = events.load_stored_event("evt-hosts");
    REQUIRE(stored);
    const auto& links = stored->state.host_links;
    REQUIRE(links.size() == 3);
    CHECK(links.at(1).name == "Camille");
    CHECK(links.at(1).credential_hash == "creator-hash");
    CHECK(links.at(1).created_by == 0);
    CHECK(links.at(2).name == "Dominique");
    CHECK(links.at(2).credential_hash == "dominique-hash");
    CHECK(links.at(2).created_by == 1);
    CHECK(links.at(2).created_at == t0 + 2);
    CHECK(links.at(2).active());
    CHECK(links.at(3).revoked_at == t0 + 5);

    // The live log and the loaded one are the same 50 actions.
    const auto& got = stored->state.host_log;
    const auto& want = event.state().host_log;
    REQUIRE(got.size() == 50);
    REQUIRE(want.size() == 50);
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].kind == want[i].kind);
        CHECK(got[i].by == want[i].by);
        CHECK(got[i].by_name == want[i].by_name);
        CHECK(got[i].at == want[i].at);
        CHECK(got[i].text == want[i].text);
    }
    CHECK(got.back().text == "message 54");

    // Further back, the names come from the links and attendees they point to.
    db.execute("DELETE FROM host_actions WHERE kind = 'broadcast'");
    auto older = events.load_stored_event("evt-hosts");
    REQUIRE(older);
    const auto& log = older->state.host_log;
    REQUIRE(log.size() == 4);
    CHECK(log[0].kind == HostAction::Kind::host_link_created);
    CHECK(log[0].by_name == "Camille");
    CHECK(log[0].name == "Dominique");
    CHECK(log[2].kind == HostAction::Kind::remove_attendee);
    CHECK(log[2].by_name == "Dominique");
    CHECK(log[2].name == "Ada");
    CHECK(log[3].kind == HostAction::Kind::host_link_revoked);
    CHECK(log[3].link == 3);
    CHECK(log[3].name == "Eva");
}

TEST_CASE("storage: a host link's hash is unique, like every credential") {
    test::TempDir dir;
    Database db{dir.file("ensemble.db")};
    EventRepository events{db};
    Event event = Event::create("evt-hosts", test::sample_settings(), t0, "", "creator-hash");
    events.create_event(event.state(), "creator-hash");
    auto fx = event.apply(Actor::host(1), CreateHostLink{"Copie", "creator-hash"}, t0 + 1);
    REQUIRE_FALSE(fx.error);
    CHECK_THROWS(events.commit(event.state().id, fx.records));
    auto stored = events.load_stored_event("evt-hosts");
    REQUIRE(stored);
    CHECK(stored->state.host_links.size() == 1);
    CHECK(stored->state.host_log.empty());
}
}  // namespace ensemble::storage
