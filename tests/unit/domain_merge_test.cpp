// The host merges two entries of one person: the duplicate's seat, meetings and chat pass to the entry kept.
#include <doctest/doctest.h>

#include <algorithm>

#include "domain/event.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

Event event_with(int count) {
    EventSettings settings;
    settings.title = "Rencontres";
    settings.rounds = 3;
    settings.round_seconds = 600;
    settings.break_seconds = 120;
    Event event = Event::create("ev-merge", settings, t0);
    for (int i = 0; i < count; ++i) {
        auto fx = event.apply(Actor::system(), Join{"P" + std::to_string(i), "Org", "", "h"}, t0);
        REQUIRE(fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    return event;
}

template <class R>
const R* find_record(const Effects& fx) {
    for (const auto& record : fx.records)
        if (const auto* r = record_if<R>(record)) return r;
    return nullptr;
}

}  // namespace

TEST_CASE(
    "merge: the entry kept takes the duplicate's seat, meetings and chat; the duplicate's link signs in "
    "as them") {
    Event event = event_with(8);
    drive(event, Actor::host(), StartEvent{}, t0);
    // The person's first entry lost its connection; they came back as a new entry, seated late.
    const AttendeeId first = event.state().tables[0].seats[0];
    const AttendeeId mate = event.state().tables[0].seats[1];
    event.apply(Actor::system(), Disconnect{first}, t0 + 1);
    const AttendeeId second = *event.apply(Actor::system(), Join{"P again", "Org", "", "h2"}, t0 + 2).joined;
    REQUIRE_FALSE(drive(event, Actor::system(), Connect{second}, t0 + 2).error);
    const int second_table = event.table_of(second);
    REQUIRE(second_table > 0);
    REQUIRE_FALSE(event.apply(Actor::of(second), PostChat{"c'est moi"}, t0 + 3).error);
    const AttendeeId second_mate = [&] {
        for (AttendeeId id : event.state().tables[std::size_t(second_table - 1)].seats)
            if (id != second && id != first) return id;
        return AttendeeId{0};
    }();
    REQUIRE(second_mate != 0);

    AttendeeId keep = first;
    SUBCASE(
        "the entry kept is seated: it stays, the duplicate's seat is freed and its connection told to come "
        "back") {
        auto fx = event.apply(Actor::host(), MergeAttendees{second, first}, t0 + 5);
        REQUIRE_FALSE(fx.error);
        CHECK(event.state().attendees.at(second).status == AttendeeStatus::merged);
        CHECK(event.state().attendees.at(second).merged_into == first);
        CHECK(event.table_of(first) == 1);
        REQUIRE(fx.outbox.disconnections().size() == 1);
        CHECK(fx.outbox.disconnections()[0].who == Audience::of(second));
        CHECK(fx.outbox.disconnections()[0].reason == Disconnection::Reason::merged);
        const auto* merged = find_record<AttendeesMerged>(fx);
        REQUIRE(merged);
        CHECK(merged->duplicate == second);
        CHECK(merged->keep == first);
        CHECK(event.state().history.times_met(first, mate) == 1);
    }
    SUBCASE("the entry kept has no seat (joined, never connected): it sits where the duplicate sat") {
        keep = *event.apply(Actor::system(), Join{"P3", "Org", "", "h3"}, t0 + 4).joined;
        REQUIRE(event.table_of(keep) == 0);
        REQUIRE_FALSE(event.apply(Actor::host(), MergeAttendees{second, keep}, t0 + 5).error);
        CHECK(event.table_of(keep) == second_table);
    }
    CHECK(event.identity_of(second) == keep);
    CHECK(event.table_of(second) == 0);
    // Meetings: the duplicate's tablemates are now the kept entry's, and the chat is theirs.
    CHECK(event.state().history.times_met(keep, second_mate) == 1);
    CHECK(event.state().history.times_met(second, second_mate) == 0);
    bool found = false;
    for (const auto& table : event.state().tables)
        for (const auto& message : table.chat)
            if (message.text == "c'est moi") {
                found = true;
                CHECK(message.from == keep);
                CHECK(message.name == event.state().attendees.at(keep).name);
            }
    CHECK(found);
    // The duplicate is no longer anyone: it can be neither merged nor moved again.
    CHECK(event.apply(Actor::host(), MergeAttendees{second, keep}, t0 + 6).error->code ==
          ErrorCode::not_found);
    CHECK(event.apply(Actor::host(), MoveAttendee{second, 1}, t0 + 6).error->code == ErrorCode::not_found);
    CHECK(event.present_count() == 7);
}

TEST_CASE("merge: refused for oneself, unknown entries, an entry kept that left, and anyone but the host") {
    Event event = event_with(4);
    CHECK(event.apply(Actor::host(), MergeAttendees{1, 1}, t0).error->code == ErrorCode::invalid_field);
    CHECK(event.apply(Actor::host(), MergeAttendees{9, 1}, t0).error->code == ErrorCode::not_found);
    CHECK(event.apply(Actor::host(), MergeAttendees{1, 9}, t0).error->code == ErrorCode::not_found);
    CHECK(event.apply(Actor::of(1), MergeAttendees{2, 1}, t0).error->code == ErrorCode::forbidden);
    REQUIRE_FALSE(event.apply(Actor::of(3), Leave{}, t0).error);
    CHECK(event.apply(Actor::host(), MergeAttendees{2, 3}, t0).error->code == ErrorCode::not_found);
    // A duplicate that left is still folded into the entry kept (its meetings count), without any close.
    auto fx = event.apply(Actor::host(), MergeAttendees{3, 2}, t0);
    REQUIRE_FALSE(fx.error);
    CHECK(fx.outbox.disconnections().empty());
    CHECK(event.identity_of(3) == 2);
    // Merges follow each other: 2 into 1 makes 3 sign in as 1.
    REQUIRE_FALSE(event.apply(Actor::host(), MergeAttendees{2, 1}, t0).error);
    CHECK(event.identity_of(3) == 1);
    CHECK(event.identity_of(4) == 4);
}
