// The end-of-round cards, contacts on mutual consent and presence per seat, driven by hand-set times.
#include <doctest/doctest.h>

#include <algorithm>

#include "domain/event.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

EventSettings settings() {
    EventSettings s;
    s.title = "Rencontres";
    s.table_size = 4;
    s.min_table_size = 3;
    s.max_table_size = 5;
    s.rounds = 2;
    s.round_seconds = 600;
    s.break_seconds = 120;
    return s;
}

// Eight people joined and connected, the first round started at t0.
Event started() {
    Event event = Event::create("ev1", settings(), t0);
    for (int i = 0; i < 8; ++i) {
        auto fx = event.apply(Actor::system(),
                              Join{"P" + std::to_string(i), "Org", "", "h" + std::to_string(i),
                                   "p" + std::to_string(i) + "@example.org", ""},
                              t0);
        REQUIRE(fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    REQUIRE_FALSE(drive(event, Actor::host(), StartEvent{}, t0).error);
    REQUIRE(event.state().phase == Phase::round);
    return event;
}

// Someone at the same table as `id`, and someone at another one.
std::pair<AttendeeId, AttendeeId> mate_and_stranger(const Event& event, AttendeeId id) {
    const auto& seats = event.state().tables.at(static_cast<std::size_t>(event.table_of(id) - 1)).seats;
    AttendeeId mate = *std::find_if(seats.begin(), seats.end(), [&](AttendeeId x) { return x != id; });
    AttendeeId stranger = 0;
    for (const auto& [other, a] : event.state().attendees)
        if (event.table_of(other) != event.table_of(id)) stranger = other;
    return {mate, stranger};
}

template <typename T>
std::vector<T> records_of(const Effects& fx) {
    std::vector<T> out;
    for (const auto& r : fx.records)
        if (auto* x = record_if<T>(r)) out.push_back(*x);
    return out;
}

bool tells(const Effects& fx, AttendeeId id) {
    for (const auto& m : fx.outbox.messages())
        if (std::holds_alternative<PersonalChanged>(m.body) && m.to == Audience::of(id)) return true;
    return false;
}

}  // namespace

TEST_CASE("talked is answered about a tablemate of a round that happened, and can be changed") {
    Event event = started();
    auto [mate, stranger] = mate_and_stranger(event, 1);
    auto fx = event.apply(Actor::of(1), AnswerTalked{1, mate, true}, t0 + 1000);
    REQUIRE_FALSE(fx.error);
    auto answered = records_of<TalkedAnswered>(fx);
    REQUIRE(answered.size() == 1);
    CHECK(answered[0].about == mate);
    CHECK(answered[0].talked);
    CHECK(tells(fx, 1));
    CHECK_FALSE(tells(fx, mate));  // one person's answer is theirs alone
    fx = event.apply(Actor::of(1), AnswerTalked{1, mate, false}, t0 + 2000);
    REQUIRE_FALSE(fx.error);
    CHECK(event.state().talked.at({1, 1, mate}) == false);

    CHECK(event.apply(Actor::of(1), AnswerTalked{1, stranger, true}, t0).error->code ==
          ErrorCode::invalid_field);
    CHECK(event.apply(Actor::of(1), AnswerTalked{1, 1, true}, t0).error->code == ErrorCode::invalid_field);
    CHECK(event.apply(Actor::of(1), AnswerTalked{2, mate, true}, t0).error->code ==
          ErrorCode::invalid_field);  // round 2 has not happened
    CHECK(event.apply(Actor::host(), AnswerTalked{1, mate, true}, t0).error->code == ErrorCode::forbidden);
}

TEST_CASE("a rating is 1 to 5 about a round one sat in") {
    Event event = started();
    CHECK(event.apply(Actor::of(1), RateTable{1, 0}, t0).error->code == ErrorCode::invalid_field);
    CHECK(event.apply(Actor::of(1), RateTable{1, 6}, t0).error->code == ErrorCode::invalid_field);
    CHECK(event.apply(Actor::of(1), RateTable{2, 3}, t0).error->code == ErrorCode::invalid_field);
    auto fx = event.apply(Actor::of(1), RateTable{1, 4}, t0);
    REQUIRE_FALSE(fx.error);
    CHECK(records_of<TableRated>(fx).at(0).score == 4);
    CHECK(event.state().ratings.at({1, 1}) == 4);
}

TEST_CASE("a contact is mutual only when both wish it, and withdrawing hides it from both at once") {
    Event event = started();
    auto [mate, stranger] = mate_and_stranger(event, 1);
    CHECK(event.apply(Actor::of(1), WishContact{stranger, true}, t0).error->code == ErrorCode::invalid_field);

    auto fx = event.apply(Actor::of(1), WishContact{mate, true}, t0);
    REQUIRE_FALSE(fx.error);
    CHECK(records_of<ContactWished>(fx).at(0).wish);
    CHECK_FALSE(tells(fx, mate));  // a one-sided wish tells the other nothing

    fx = event.apply(Actor::of(mate), WishContact{1, true}, t0);
    REQUIRE_FALSE(fx.error);
    CHECK(tells(fx, 1));  // now mutual: both see each other
    CHECK(tells(fx, mate));

    fx = event.apply(Actor::of(1), WishContact{mate, false}, t0);
    REQUIRE_FALSE(fx.error);
    CHECK_FALSE(records_of<ContactWished>(fx).at(0).wish);
    CHECK(tells(fx, mate));  // hidden again from the other at once
    CHECK_FALSE(event.state().contact_wishes.count({1, mate}));
    CHECK(event.state().contact_wishes.count({mate, 1}));

    // The same wish twice writes nothing more.
    CHECK(records_of<ContactWished>(event.apply(Actor::of(mate), WishContact{1, true}, t0)).empty());
}

TEST_CASE("answers are taken after the event ended, presence reports are not") {
    Event event = started();
    auto [mate, stranger] = mate_and_stranger(event, 1);
    REQUIRE_FALSE(event.apply(Actor::host(), EndEvent{}, t0 + 5000).error);
    REQUIRE(event.state().phase == Phase::ended);
    CHECK_FALSE(event.apply(Actor::of(1), AnswerTalked{1, mate, true}, t0 + 9000).error);
    CHECK_FALSE(event.apply(Actor::of(1), WishContact{mate, true}, t0 + 9000).error);
    CHECK_FALSE(event.apply(Actor::of(1), RateTable{1, 5}, t0 + 9000).error);
    CHECK(event.apply(Actor::of(1), SetVisibility{false}, t0 + 9000).error->code == ErrorCode::event_ended);
}

TEST_CASE("visible time is summed per seat, and recorded when the page hides, not every second") {
    Event event = started();
    // Seated and visible from t0: hidden after 30 s, shown again at 50 s, disconnected at 70 s.
    auto fx = event.apply(Actor::of(1), SetVisibility{false}, t0 + 30'000);
    REQUIRE_FALSE(fx.error);
    auto sums = records_of<SeatPresenceRecorded>(fx);
    REQUIRE(sums.size() == 1);
    CHECK(sums[0].visible_ms == 30'000);
    CHECK(sums[0].round == 1);
    CHECK(sums[0].table == event.table_of(1));

    fx = event.apply(Actor::of(1), SetVisibility{true}, t0 + 50'000);
    CHECK(records_of<SeatPresenceRecorded>(fx).empty());  // a stretch starts: nothing to add yet
    fx = event.apply(Actor::system(), Disconnect{1}, t0 + 70'000);
    CHECK(records_of<SeatPresenceRecorded>(fx).at(0).visible_ms == 50'000);

    // Reconnected at 100 s, the round ends at 600 s: 500 s more.
    REQUIRE_FALSE(event.apply(Actor::system(), Connect{1}, t0 + 100'000).error);
    fx = event.apply(Actor::system(), Tick{}, t0 + 600'000);
    REQUIRE(event.state().phase == Phase::pause_between_rounds);
    std::int64_t total = 0;
    for (const auto& s : records_of<SeatPresenceRecorded>(fx))
        if (s.attendee == 1) total = s.visible_ms;
    CHECK(total == 550'000);
    // Everyone else was visible the whole round.
    for (const auto& s : records_of<SeatPresenceRecorded>(fx))
        if (s.attendee != 1) CHECK(s.visible_ms == 600'000);
    // Nothing runs during the break.
    CHECK(records_of<SeatPresenceRecorded>(event.apply(Actor::of(1), SetVisibility{false}, t0 + 650'000))
              .empty());
}

TEST_CASE("the next round asked during a round ends its seats' presence then, not when the tables come") {
    Event event = started();
    auto asked = event.apply(Actor::host(), NextRound{}, t0 + 200'000);
    REQUIRE(asked.seating);
    auto sums = records_of<SeatPresenceRecorded>(asked);
    CHECK(sums.size() == 8);
    for (const auto& seat : sums) CHECK(seat.visible_ms == 200'000);
    auto job = *asked.seating;
    auto seated = event.apply(Actor::system(), SeatRound{job.round, form_tables(job)}, t0 + 260'000);
    REQUIRE(event.state().round == 2);
    CHECK(records_of<SeatPresenceRecorded>(seated).empty());
}

TEST_CASE("chat messages and the video link are counted on the seat") {
    Event event = started();
    REQUIRE_FALSE(event.apply(Actor::of(2), PostChat{"bonjour"}, t0 + 1000).error);
    auto fx = event.apply(Actor::of(2), PostChat{"ça va ?"}, t0 + 2000);
    CHECK(records_of<SeatPresenceRecorded>(fx).at(0).chat_sent == 2);
    fx = event.apply(Actor::of(2), OpenVideo{}, t0 + 3000);
    auto sums = records_of<SeatPresenceRecorded>(fx);
    REQUIRE(sums.size() == 1);
    CHECK(sums[0].video_opened);
    CHECK(sums[0].chat_sent == 2);
    CHECK(records_of<SeatPresenceRecorded>(event.apply(Actor::of(2), OpenVideo{}, t0 + 4000)).empty());
}

TEST_CASE("a restored seat's sums go on from where they were") {
    Event event = started();
    REQUIRE_FALSE(event.apply(Actor::of(3), SetVisibility{false}, t0 + 10'000).error);
    EventState state = event.state();
    for (auto& [id, a] : state.attendees) a.connected = false;  // as storage restores them
    for (auto& [id, seat] : state.presence) seat.visible_since.reset();
    Event restored(std::move(state));
    REQUIRE_FALSE(restored.apply(Actor::system(), Connect{3}, t0 + 20'000).error);
    auto fx = restored.apply(Actor::system(), Disconnect{3}, t0 + 25'000);
    CHECK(records_of<SeatPresenceRecorded>(fx).at(0).visible_ms == 15'000);
}

TEST_CASE("a seat left during the round closes with its sums") {
    Event event = started();
    auto table = event.table_of(4);
    auto fx = drive(event, Actor::of(4), Leave{}, t0 + 42'000);
    REQUIRE_FALSE(fx.error);
    auto sums = records_of<SeatPresenceRecorded>(fx);
    std::erase_if(sums, [](const SeatPresenceRecorded& s) { return s.attendee != 4; });
    REQUIRE(sums.size() == 1);
    CHECK(sums[0].table == table);
    CHECK(sums[0].visible_ms == 42'000);
}

TEST_CASE("erasing someone takes their answers and contact away, and tells whom it was mutual with") {
    Event event = started();
    auto [mate, stranger] = mate_and_stranger(event, 1);
    REQUIRE_FALSE(event.apply(Actor::of(1), AnswerTalked{1, mate, true}, t0).error);
    REQUIRE_FALSE(event.apply(Actor::of(1), RateTable{1, 5}, t0).error);
    REQUIRE_FALSE(event.apply(Actor::of(1), WishContact{mate, true}, t0).error);
    REQUIRE_FALSE(event.apply(Actor::of(mate), WishContact{1, true}, t0).error);
    REQUIRE_FALSE(event.apply(Actor::of(mate), AnswerTalked{1, 1, true}, t0).error);

    auto fx = event.apply(Actor::of(1), EraseAttendee{1, "new-hash"}, t0 + 1000);
    REQUIRE_FALSE(fx.error);
    CHECK(tells(fx, mate));  // their contact is gone from the other's page
    const auto& s = event.state();
    CHECK(s.attendees.at(1).email.empty());
    CHECK_FALSE(s.talked.count({1, 1, mate}));
    CHECK_FALSE(s.ratings.count({1, 1}));
    CHECK_FALSE(s.contact_wishes.count({1, mate}));
    CHECK(s.contact_wishes.count({mate, 1}));  // the other's own answers stay theirs
    CHECK(s.talked.count({1, mate, 1}));
}

TEST_CASE("who left answers the cards of the rounds they sat in; who was removed or erased does not") {
    Event event = started();
    auto [mate, stranger] = mate_and_stranger(event, 1);
    auto [strangers_mate, unused] = mate_and_stranger(event, stranger);
    REQUIRE_FALSE(drive(event, Actor::of(1), Leave{}, t0 + 1000).error);
    REQUIRE(event.state().attendees.at(1).status == AttendeeStatus::left);
    auto fx = event.apply(Actor::of(1), AnswerTalked{1, mate, true}, t0 + 2000);
    REQUIRE_FALSE(fx.error);
    CHECK(records_of<TalkedAnswered>(fx).size() == 1);
    CHECK_FALSE(event.apply(Actor::of(1), RateTable{1, 4}, t0 + 2000).error);
    CHECK_FALSE(event.apply(Actor::of(1), WishContact{mate, true}, t0 + 2000).error);
    CHECK(event.state().contact_wishes.count({1, mate}));
    CHECK(event.apply(Actor::of(1), WishContact{stranger, true}, t0).error->code == ErrorCode::invalid_field);
    // The live event stays closed to them.
    CHECK(event.apply(Actor::of(1), SetVisibility{true}, t0 + 2000).error->code == ErrorCode::forbidden);

    REQUIRE_FALSE(drive(event, Actor::host(), RemoveAttendee{stranger}, t0 + 3000).error);
    CHECK(event.apply(Actor::of(stranger), AnswerTalked{1, strangers_mate, true}, t0 + 4000).error->code ==
          ErrorCode::forbidden);
    CHECK(event.apply(Actor::of(stranger), RateTable{1, 2}, t0 + 4000).error->code == ErrorCode::forbidden);
    CHECK(event.apply(Actor::of(stranger), WishContact{strangers_mate, true}, t0 + 4000).error->code ==
          ErrorCode::forbidden);

    // Erased after leaving: nothing of theirs comes back.
    REQUIRE_FALSE(event.apply(Actor::of(1), EraseAttendee{1, "new-hash"}, t0 + 5000).error);
    CHECK(event.apply(Actor::of(1), AnswerTalked{1, mate, true}, t0 + 6000).error->code ==
          ErrorCode::forbidden);
    CHECK(event.apply(Actor::of(1), WishContact{mate, true}, t0 + 6000).error->code == ErrorCode::forbidden);
    CHECK_FALSE(event.state().contact_wishes.count({1, mate}));
}
