// Erasing one attendee: their texts and chat go from the state, an anonymous entry stays with its seats
// and meetings, the table is mended, and only a host or the attendee themself may do it.
#include <doctest/doctest.h>

#include <algorithm>

#include "domain/event.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

// Tables of two, so that one person going leaves a table of one, which is always mended.
Event event_with(int count) {
    EventSettings settings;
    settings.title = "Rencontres";
    settings.rounds = 3;
    settings.round_seconds = 600;
    settings.break_seconds = 120;
    settings.table_size = 2;
    settings.min_table_size = 2;
    settings.max_table_size = 3;
    Event event = Event::create("ev-erase", settings, t0);
    for (int i = 0; i < count; ++i) {
        auto fx = event.apply(
            Actor::system(),
            Join{"Nom" + std::to_string(i), "Org" + std::to_string(i % 3), "Rôle", "h" + std::to_string(i)},
            t0);
        REQUIRE(fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    return event;
}

template <class R>
std::vector<R> records_of(const Effects& fx) {
    std::vector<R> found;
    for (const auto& record : fx.records)
        if (const auto* r = record_if<R>(record)) found.push_back(*r);
    return found;
}

bool seated_anywhere(const Event& event, AttendeeId id) {
    for (const auto& table : event.state().tables)
        if (std::count(table.seats.begin(), table.seats.end(), id)) return true;
    return false;
}

}  // namespace

TEST_CASE("erase by a host: texts and chat blanked, unseated and the table mended, meetings kept") {
    Event event = event_with(6);
    drive(event, Actor::host(), StartEvent{}, t0);
    REQUIRE(event.state().phase == Phase::round);
    REQUIRE(event.state().tables[0].seats.size() == 2);
    const AttendeeId gone = event.state().tables[0].seats[0];
    const AttendeeId mate = event.state().tables[0].seats[1];
    REQUIRE_FALSE(event.apply(Actor::of(gone), PostChat{"mon secret"}, t0 + 1).error);
    REQUIRE_FALSE(event.apply(Actor::of(mate), PostChat{"bonjour"}, t0 + 2).error);
    const int met_before = event.state().history.times_met(gone, mate);
    REQUIRE(met_before == 1);

    auto fx = drive(event, Actor::host(1), EraseAttendee{gone, "new-hash"}, t0 + 3);
    REQUIRE_FALSE(fx.error);
    const auto& a = event.state().attendees.at(gone);
    CHECK(a.name.empty());
    CHECK(a.organisation.empty());
    CHECK(a.role.empty());
    CHECK(a.erased_at == t0 + 3);
    CHECK(a.status == AttendeeStatus::removed);
    CHECK_FALSE(a.connected);
    CHECK_FALSE(seated_anywhere(event, gone));
    CHECK(event.table_of(gone) == 0);
    // The tablemate left alone was seated at another table: nobody sits alone.
    CHECK(event.table_of(mate) != 0);
    for (const auto& table : event.state().tables)
        if (!table.seats.empty()) CHECK(table.seats.size() >= 2);
    // Their message is gone, the tablemate's stays.
    for (const auto& table : event.state().tables)
        for (const auto& message : table.chat) {
            CHECK(message.from != gone);
            CHECK(message.text != "mon secret");
        }
    CHECK(event.state().history.times_met(gone, mate) == met_before);

    auto erased = records_of<AttendeeErased>(fx);
    REQUIRE(erased.size() == 1);
    CHECK(erased[0].attendee == gone);
    CHECK(erased[0].credential_hash == "new-hash");
    CHECK(records_of<Unseated>(fx).size() >= 1);
    auto status = records_of<AttendeeStatusChanged>(fx);
    REQUIRE(status.size() == 1);
    CHECK(status[0].status == AttendeeStatus::removed);
    REQUIRE(fx.outbox.disconnections().size() == 1);
    CHECK(fx.outbox.disconnections()[0].reason == Disconnection::Reason::erased);
    CHECK(fx.outbox.disconnections()[0].who == Audience::of(gone));

    // The host log says who was erased by id, never by name.
    auto acted = records_of<HostActed>(fx);
    REQUIRE(acted.size() == 1);
    CHECK(acted[0].action.kind == HostAction::Kind::erase_attendee);
    CHECK(acted[0].action.attendee == gone);
    CHECK(acted[0].action.name.empty());
    // An anonymous entry cannot be erased twice, nor come back.
    CHECK(event.apply(Actor::host(), EraseAttendee{gone, "x"}, t0 + 4).error->code == ErrorCode::not_found);
    CHECK(event.apply(Actor::system(), Connect{gone}, t0 + 4).error->code == ErrorCode::forbidden);
}

TEST_CASE("erase: an attendee erases themself, after the end too; never someone else; never the server") {
    Event event = event_with(4);
    CHECK(event.apply(Actor::of(1), EraseAttendee{2, "h"}, t0).error->code == ErrorCode::forbidden);
    CHECK(event.apply(Actor::system(), EraseAttendee{2, "h"}, t0).error->code == ErrorCode::forbidden);
    CHECK(event.state().attendees.at(2).name == "Nom1");

    auto fx = event.apply(Actor::of(1), EraseAttendee{1, "h-new"}, t0 + 1);
    REQUIRE_FALSE(fx.error);
    CHECK(event.state().attendees.at(1).status == AttendeeStatus::left);
    CHECK(event.state().attendees.at(1).name.empty());
    CHECK(records_of<HostActed>(fx).empty());  // not a host action

    REQUIRE_FALSE(event.apply(Actor::host(), EndEvent{}, t0 + 2).error);
    // The event is over: still, personal data can go.
    auto after = event.apply(Actor::of(2), EraseAttendee{2, "h2-new"}, t0 + 3);
    REQUIRE_FALSE(after.error);
    CHECK(event.state().attendees.at(2).erased_at == t0 + 3);
    CHECK(event.state().attendees.at(2).organisation.empty());
    // Others are untouched.
    CHECK(event.state().attendees.at(3).name == "Nom2");
    CHECK(event.apply(Actor::host(), EraseAttendee{99, "h"}, t0 + 4).error->code == ErrorCode::not_found);
}

TEST_CASE("erase: a revoked host link may not erase") {
    Event event = event_with(3);
    REQUIRE_FALSE(event.apply(Actor::host(1), CreateHostLink{"Co", "co-hash"}, t0).error);
    REQUIRE_FALSE(event.apply(Actor::host(1), RevokeHostLink{2}, t0 + 1).error);
    CHECK(event.apply(Actor::host(2), EraseAttendee{1, "h"}, t0 + 2).error->code == ErrorCode::unauthorized);
    CHECK(event.state().attendees.at(1).name == "Nom0");
}
