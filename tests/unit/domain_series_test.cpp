// An event of a series counts the meetings of the series' earlier events, by email, as already made.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "domain/event.hpp"
#include "domain/series.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

std::string email(int i) { return "p" + std::to_string(i) + "@example.org"; }

// Six people met every other one in earlier events except 0-3, 1-4 and 2-5: the one round of pairs
// without a repeat.
EventState in_series() {
    EventSettings s;
    s.title = "Février";
    s.table_size = s.min_table_size = s.max_table_size = 2;
    s.rounds = 1;
    s.round_seconds = 600;
    EventState state = Event::create("ev2", s, t0).state();
    state.series_id = "se1";
    for (int a = 0; a < 6; ++a)
        for (int b = 0; b < 6; ++b)
            if (a != b && (a + 3) % 6 != b) state.series_past[email(a)].push_back(email(b));
    return state;
}

}  // namespace

TEST_CASE("series: one person key per email, whatever its case and spaces") {
    CHECK(person_key("  Ann.Lee@Example.ORG ") == "ann.lee@example.org");
    CHECK(person_key("") == "");
}

TEST_CASE("series: the first round seats nobody with someone met in an earlier event") {
    Event event(in_series());
    for (int i = 0; i < 6; ++i) {
        // Upper case for some: the same person all the same.
        std::string given = i % 2 ? email(i) : " P" + std::to_string(i) + "@EXAMPLE.org";
        auto fx = event.apply(Actor::system(), Join{"P" + std::to_string(i), "Org", "", "h", given}, t0);
        REQUIRE(fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    CHECK(event.state().history.times_met(1, 2) == 1);  // p0 and p1 met before this event
    CHECK(event.state().history.times_met(1, 4) == 0);  // p0 and p3 never did
    REQUIRE_FALSE(drive(event, Actor::host(), StartEvent{}, t0).error);
    std::set<std::pair<AttendeeId, AttendeeId>> pairs;
    for (const auto& table : event.state().tables) {
        REQUIRE(table.seats.size() == 2);
        pairs.insert(std::minmax(table.seats[0], table.seats[1]));
    }
    CHECK(pairs == std::set<std::pair<AttendeeId, AttendeeId>>{{1, 4}, {2, 5}, {3, 6}});
}

TEST_CASE("series: a reloaded event recalls the series' meetings again") {
    Event event(in_series());
    for (int i = 0; i < 6; ++i)
        REQUIRE(event.apply(Actor::system(), Join{"P", "Org", "", "h", email(i)}, t0).joined);
    auto state = event.state();
    state.history = {};  // as storage reads it: this event's own meetings only
    Event reloaded(std::move(state));
    CHECK(reloaded.state().history.times_met(1, 2) == 1);
    CHECK(reloaded.state().history.times_met(1, 4) == 0);
    // Outside a series, an email is only a contact.
    auto plain = in_series();
    plain.series_id.clear();
    Event alone(std::move(plain));
    for (int i = 0; i < 2; ++i)
        REQUIRE(alone.apply(Actor::system(), Join{"P", "Org", "", "h", email(i)}, t0).joined);
    CHECK(alone.state().history.times_met(1, 2) == 0);
}
