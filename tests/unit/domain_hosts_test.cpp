// Several people run an event: host links made and revoked, and every host action logged with who did it.
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

template <class R>
std::vector<R> records_of(const Effects& fx) {
    std::vector<R> out;
    for (const auto& record : fx.records)
        if (const auto* r = record_if<R>(record)) out.push_back(*r);
    return out;
}

// A co-host link made by the creator, its id.
HostLinkId add_link(Event& event, const std::string& name, TimeMs at = t0) {
    auto fx = event.apply(Actor::host(1), CreateHostLink{name, name + "-hash"}, at);
    REQUIRE_FALSE(fx.error);
    REQUIRE(fx.host_link);
    return *fx.host_link;
}

}  // namespace

TEST_CASE("hosts: the creator's link is link 1, named as given, and the log starts empty") {
    Event event = event_with(0);
    REQUIRE(event.state().host_links.size() == 1);
    const auto& creator = event.state().host_links.at(1);
    CHECK(creator.name == "Camille");
    CHECK(creator.credential_hash == "creator-hash");
    CHECK(creator.active());
    CHECK(event.state().host_log.empty());
}

TEST_CASE("hosts: each action is logged with who did it and when, recorded and told to the consoles") {
    Event event = event_with(4);
    HostLinkId dominique = add_link(event, "Dominique");
    drive(event, Actor::host(1), StartEvent{}, t0 + 10);
    auto fx = event.apply(Actor::host(dominique), ExtendRound{2}, t0 + 20);
    REQUIRE_FALSE(fx.error);

    auto acted = records_of<HostActed>(fx);
    REQUIRE(acted.size() == 1);
    CHECK(acted[0].action.kind == HostAction::Kind::extend_round);
    CHECK(acted[0].action.by == dominique);
    CHECK(acted[0].action.by_name == "Dominique");
    CHECK(acted[0].action.number == 2);
    CHECK(acted[0].action.at == t0 + 20);
    REQUIRE(fx.outbox.host().log.size() == 1);
    CHECK(fx.outbox.host().log[0].by_name == "Dominique");

    // The whole story, oldest first: the link, the start, the extension.
    const auto& log = event.state().host_log;
    REQUIRE(log.size() == 3);
    CHECK(log[0].kind == HostAction::Kind::host_link_created);
    CHECK(log[0].by_name == "Camille");
    CHECK(log[0].name == "Dominique");
    CHECK(log[1].kind == HostAction::Kind::start_event);
    CHECK(log[1].number == 1);
    CHECK(log[2].kind == HostAction::Kind::extend_round);
}

TEST_CASE("hosts: what each action says, as the state stood before it") {
    Event event = event_with(4);
    drive(event, Actor::host(1), StartEvent{}, t0);
    AttendeeId mover = event.state().tables[0].seats[0];
    int to = static_cast<int>(event.state().tables.size()) + 1;
    struct Case {
        Command command;
        HostAction::Kind kind;
        int number;
        std::string name;
        std::string text;
    };
    const Case cases[] = {
        {Broadcast{"Bonjour"}, HostAction::Kind::broadcast, 0, "", "Bonjour"},
        {MoveAttendee{mover, to}, HostAction::Kind::move_attendee, to, "P" + std::to_string(mover - 1), ""},
        {PauseRotation{}, HostAction::Kind::pause, 0, "", ""},
        {ResumeRotation{}, HostAction::Kind::resume, 0, "", ""},
        {EndRound{}, HostAction::Kind::end_round, 1, "", ""},
        {NextRound{}, HostAction::Kind::next_round, 2, "", ""},
        {RemoveAttendee{mover}, HostAction::Kind::remove_attendee, 0, "P" + std::to_string(mover - 1), ""},
        {EndEvent{}, HostAction::Kind::end_event, 0, "", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(to_string(c.kind));
        auto fx = drive(event, Actor::host(1), c.command, t0 + 1000);
        REQUIRE_FALSE(fx.error);
        const auto& last = event.state().host_log.back();
        CHECK(last.kind == c.kind);
        CHECK(last.number == c.number);
        CHECK(last.name == c.name);
        CHECK(last.text == c.text);
        CHECK(records_of<HostActed>(fx).size() == 1);
    }
}

TEST_CASE("hosts: a refused command, a system command and the server acting for the hosts log nothing") {
    Event event = event_with(2);
    CHECK(event.apply(Actor::host(1), EndRound{}, t0).error);
    CHECK(event.apply(Actor::host(0), Broadcast{"from the server"}, t0).records.size() == 1);
    drive(event, Actor::system(), Tick{}, t0);
    CHECK(event.state().host_log.empty());
}

TEST_CASE("hosts: the log keeps the last 50 actions") {
    Event event = event_with(0);
    for (int i = 0; i < 60; ++i)
        REQUIRE_FALSE(event.apply(Actor::host(1), Broadcast{std::to_string(i)}, t0 + i).error);
    REQUIRE(event.state().host_log.size() == 50);
    CHECK(event.state().host_log.front().text == "10");
    CHECK(event.state().host_log.back().text == "59");
}

TEST_CASE("hosts: a revoked link closes its consoles, is refused from then on, and one link always remains") {
    Event event = event_with(0);
    HostLinkId dominique = add_link(event, "Dominique");
    auto made =
        records_of<HostLinkCreated>(event.apply(Actor::host(1), CreateHostLink{"Eva", "eva-hash"}, t0));
    REQUIRE(made.size() == 1);
    CHECK(made[0].link.credential_hash == "eva-hash");
    CHECK(made[0].link.created_by == 1);
    HostLinkId eva = made[0].link.id;
    CHECK(eva == dominique + 1);

    auto fx = event.apply(Actor::host(dominique), RevokeHostLink{eva}, t0 + 5);
    REQUIRE_FALSE(fx.error);
    auto revoked = records_of<HostLinkRevoked>(fx);
    REQUIRE(revoked.size() == 1);
    CHECK(revoked[0].link == eva);
    CHECK(revoked[0].at == t0 + 5);
    CHECK(fx.outbox.host().host_links);
    REQUIRE(fx.outbox.disconnections().size() == 1);
    CHECK(fx.outbox.disconnections()[0].who == Audience::of_link(eva));
    CHECK(fx.outbox.disconnections()[0].reason == Disconnection::Reason::link_revoked);
    CHECK(event.state().host_log.back().kind == HostAction::Kind::host_link_revoked);
    CHECK(event.state().host_log.back().name == "Eva");

    // Whatever Eva's console still sends is refused; her link cannot be revoked twice.
    CHECK(event.apply(Actor::host(eva), Broadcast{"encore là"}, t0 + 6).error->code ==
          ErrorCode::unauthorized);
    CHECK(event.apply(Actor::host(1), RevokeHostLink{eva}, t0 + 6).error->code == ErrorCode::not_found);
    CHECK(event.apply(Actor::host(1), RevokeHostLink{99}, t0 + 6).error->code == ErrorCode::not_found);

    // The creator's link goes while Dominique's works; then Dominique's is the last and stays.
    REQUIRE_FALSE(event.apply(Actor::host(dominique), RevokeHostLink{1}, t0 + 7).error);
    auto last = event.apply(Actor::host(dominique), RevokeHostLink{dominique}, t0 + 8);
    REQUIRE(last.error);
    CHECK(last.error->code == ErrorCode::invalid_field);
    CHECK(event.state().host_links.at(dominique).active());
}

TEST_CASE("hosts: links are for hosts only, at most 20 at a time, and not after the end") {
    Event event = event_with(1);
    CHECK(event.apply(Actor::of(1), CreateHostLink{"X", "x"}, t0).error->code == ErrorCode::forbidden);
    CHECK(event.apply(Actor::of(1), RevokeHostLink{1}, t0).error->code == ErrorCode::forbidden);
    for (int i = 2; i <= 20; ++i) add_link(event, "L" + std::to_string(i));
    auto full = event.apply(Actor::host(1), CreateHostLink{"Too many", "too-many"}, t0);
    REQUIRE(full.error);
    CHECK(full.error->code == ErrorCode::invalid_field);
    REQUIRE_FALSE(event.apply(Actor::host(1), RevokeHostLink{2}, t0).error);
    add_link(event, "In place of L2");
    REQUIRE_FALSE(event.apply(Actor::host(1), EndEvent{}, t0).error);
    CHECK(event.apply(Actor::host(1), CreateHostLink{"Late", "late"}, t0).error->code ==
          ErrorCode::event_ended);
}
