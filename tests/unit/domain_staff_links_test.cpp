// Read-only staff links: made and revoked by hosts like co-host links, counted apart, never a host.
#include <doctest/doctest.h>

#include "domain/event.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

Event event_with(int count) {
    EventSettings s;
    s.title = "Rencontres";
    s.rounds = 3;
    Event event = Event::create("ev1", s, t0, "Camille", "creator-hash");
    for (int i = 0; i < count; ++i) {
        auto fx = event.apply(Actor::system(), Join{"P" + std::to_string(i), "Org", "", "h"}, t0);
        REQUIRE(fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    return event;
}

HostLinkId add_staff(Event& event, const std::string& name, TimeMs at = t0) {
    auto fx = event.apply(Actor::host(1), CreateHostLink{name, name + "-hash", LinkRole::staff}, at);
    REQUIRE_FALSE(fx.error);
    REQUIRE(fx.host_link);
    return *fx.host_link;
}

}  // namespace

TEST_CASE("staff links: made by a host, logged, and saved with their role") {
    Event event = event_with(2);
    auto fx =
        event.apply(Actor::host(1), CreateHostLink{"Évaluation", "staff-hash", LinkRole::staff}, t0 + 5);
    REQUIRE_FALSE(fx.error);
    REQUIRE(fx.host_link);
    const auto& link = event.state().host_links.at(*fx.host_link);
    CHECK(link.role == LinkRole::staff);
    CHECK(link.name == "Évaluation");
    bool recorded = false;
    for (const auto& record : fx.records)
        if (const auto* r = record_if<HostLinkCreated>(record)) recorded = r->link.role == LinkRole::staff;
    CHECK(recorded);
    CHECK(fx.outbox.host().host_links);
    REQUIRE_FALSE(event.state().host_log.empty());
    CHECK(event.state().host_log.back().kind == HostAction::Kind::staff_link_created);
    CHECK(event.state().host_log.back().name == "Évaluation");
}

TEST_CASE("staff links: a staff actor can do nothing a host or an attendee does") {
    Event event = event_with(4);
    HostLinkId staff = add_staff(event, "Évaluation");
    const Command commands[] = {StartEvent{},
                                Broadcast{"Bonjour"},
                                EndEvent{},
                                PauseRotation{},
                                CreateHostLink{"X", "x-hash"},
                                CreateHostLink{"Y", "y-hash", LinkRole::staff},
                                RevokeHostLink{1},
                                RevokeHostLink{staff, LinkRole::staff},
                                RemoveAttendee{1},
                                PostChat{"salut"},
                                Leave{}};
    for (const auto& command : commands) {
        auto fx = event.apply(Actor::staff(staff), command, t0 + 1);
        REQUIRE(fx.error);
        CHECK(fx.error->code == ErrorCode::forbidden);
        CHECK(fx.records.empty());
    }
    CHECK(event.state().phase == Phase::lobby);
}

TEST_CASE("staff links: their own limit; host links' limit and last-link rule count host links only") {
    Event event = event_with(0);
    for (int i = 0; i < 20; ++i) add_staff(event, "S" + std::to_string(i));
    auto refused = event.apply(Actor::host(1), CreateHostLink{"S20", "s20-hash", LinkRole::staff}, t0);
    REQUIRE(refused.error);
    CHECK(refused.error->code == ErrorCode::invalid_field);
    // 20 staff links take nothing from the host links.
    auto cohost = event.apply(Actor::host(1), CreateHostLink{"Dominique", "d-hash"}, t0);
    REQUIRE_FALSE(cohost.error);
    REQUIRE_FALSE(event.apply(Actor::host(1), RevokeHostLink{*cohost.host_link}, t0).error);
    // The creator's link is the last host link: staff links do not count as another.
    auto last = event.apply(Actor::host(1), RevokeHostLink{1}, t0);
    REQUIRE(last.error);
    CHECK(last.error->code == ErrorCode::invalid_field);
}

TEST_CASE("staff links: revoked with revoke_staff_link only, logged; any of them, even the last") {
    Event event = event_with(0);
    HostLinkId staff = add_staff(event, "Évaluation");
    // A host-link revocation does not find a staff link, nor the reverse.
    auto wrong = event.apply(Actor::host(1), RevokeHostLink{staff}, t0);
    REQUIRE(wrong.error);
    CHECK(wrong.error->code == ErrorCode::not_found);
    auto reverse = event.apply(Actor::host(1), RevokeHostLink{1, LinkRole::staff}, t0);
    REQUIRE(reverse.error);
    CHECK(reverse.error->code == ErrorCode::not_found);

    auto fx = event.apply(Actor::host(1), RevokeHostLink{staff, LinkRole::staff}, t0 + 9);
    REQUIRE_FALSE(fx.error);
    CHECK_FALSE(event.state().host_links.at(staff).active());
    CHECK(event.state().host_log.back().kind == HostAction::Kind::staff_link_revoked);
    CHECK(event.state().host_links.at(1).active());
}

TEST_CASE("staff links: made and revoked after the end, unlike host links") {
    Event event = event_with(2);
    drive(event, Actor::host(1), EndEvent{}, t0);
    REQUIRE(event.state().phase == Phase::ended);
    HostLinkId staff = add_staff(event, "Évaluation", t0 + 1);
    CHECK_FALSE(event.apply(Actor::host(1), RevokeHostLink{staff, LinkRole::staff}, t0 + 2).error);
    auto host = event.apply(Actor::host(1), CreateHostLink{"Dominique", "d-hash"}, t0 + 3);
    REQUIRE(host.error);
    CHECK(host.error->code == ErrorCode::event_ended);
}
