// The cards' answers, contacts and presence per seat, written as the domain records them and read back:
// a restarted event keeps every answer and goes on summing presence from where it was.
#include <doctest/doctest.h>

#include "domain/event.hpp"
#include "domain_driver.hpp"
#include "storage/event_repository.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

using namespace domain;
using domain::test::drive;

constexpr TimeMs t0 = 1'700'000'000'000;

struct Fixture {
    storage::test::TempDir dir;
    Database db{dir.file("ensemble.db")};
    EventRepository events{db};
    Event event = Event::create("evt-answers", storage::test::sample_settings(), t0);

    Fixture() {
        events.create_event(event.state(), "host-hash");
        for (int i = 0; i < 6; ++i)
            apply(Actor::system(),
                  Join{"P" + std::to_string(i), "Org", "", "hash-" + std::to_string(i),
                       i == 0 ? "ana@example.org" : "", i == 0 ? "+33 6 00" : ""},
                  t0);
        for (AttendeeId id = 1; id <= 6; ++id) apply(Actor::system(), Connect{id}, t0);
        apply(Actor::host(), StartEvent{}, t0);
        REQUIRE(event.state().phase == Phase::round);
    }

    // Applied by the domain, committed as the room does.
    void apply(const Actor& actor, const Command& command, TimeMs now) {
        auto fx = drive(event, actor, command, now);
        REQUIRE_FALSE(fx.error);
        events.commit(event.state().id, fx.records);
    }

    EventState load() {
        auto stored = events.load_stored_event(event.state().id);
        REQUIRE(stored);
        return std::move(stored->state);
    }

    AttendeeId mate_of(AttendeeId id) const {
        for (AttendeeId x : event.state().tables.at(static_cast<std::size_t>(event.table_of(id) - 1)).seats)
            if (x != id) return x;
        FAIL("alone at a table");
        return 0;
    }

    std::int64_t number(const std::string& sql) {
        auto query = db.prepare(sql);
        REQUIRE(query->step());
        return query->column_int64(0);
    }
};

}  // namespace

TEST_CASE("storage: answers, wishes and ratings are written, withdrawn and read back") {
    Fixture f;
    AttendeeId mate = f.mate_of(1);
    f.apply(Actor::of(1), AnswerTalked{1, mate, true}, t0 + 1000);
    f.apply(Actor::of(1), AnswerTalked{1, mate, false}, t0 + 2000);  // changed: one row, the latest answer
    f.apply(Actor::of(1), WishContact{mate, true}, t0 + 3000);
    f.apply(Actor::of(mate), WishContact{1, true}, t0 + 3000);
    f.apply(Actor::of(mate), WishContact{1, false}, t0 + 4000);  // withdrawn: its row goes
    f.apply(Actor::of(1), RateTable{1, 3}, t0 + 5000);
    f.apply(Actor::of(1), RateTable{1, 5}, t0 + 6000);

    CHECK(f.number("SELECT COUNT(*) FROM talked_answers") == 1);
    CHECK(f.number("SELECT talked FROM talked_answers") == 0);
    CHECK(f.number("SELECT COUNT(*) FROM contact_wishes") == 1);
    CHECK(f.number("SELECT attendee_id FROM contact_wishes") == 1);
    CHECK(f.number("SELECT score FROM table_ratings") == 5);
    CHECK(f.number("SELECT COUNT(*) FROM attendees WHERE email = 'ana@example.org' AND phone = '+33 6 00'") ==
          1);

    EventState loaded = f.load();
    CHECK(loaded.talked == f.event.state().talked);
    CHECK(loaded.contact_wishes == f.event.state().contact_wishes);
    CHECK(loaded.ratings == f.event.state().ratings);
    CHECK(loaded.tablemates == f.event.state().tablemates);
    CHECK(loaded.attendees.at(1).email == "ana@example.org");
    CHECK(loaded.attendees.at(1).phone == "+33 6 00");
    CHECK(loaded.attendees.at(2).email.empty());

    // The restored event goes on: the same rule holds with what was loaded.
    Event restored(std::move(loaded));
    auto fx = restored.apply(Actor::of(mate), WishContact{1, true}, t0 + 7000);
    REQUIRE_FALSE(fx.error);
    CHECK(restored.state().contact_wishes.count({1, mate}));
    CHECK(restored.state().contact_wishes.count({mate, 1}));
}

TEST_CASE("storage: presence sums are written per seat and go on after a restart") {
    Fixture f;
    f.apply(Actor::of(2), PostChat{"bonjour"}, t0 + 1000);
    f.apply(Actor::of(2), OpenVideo{}, t0 + 2000);
    f.apply(Actor::of(2), SetVisibility{false}, t0 + 40'000);
    CHECK(f.number("SELECT visible_ms FROM seats WHERE attendee_id = 2") == 40'000);
    CHECK(f.number("SELECT chat_sent FROM seats WHERE attendee_id = 2") == 1);
    CHECK(f.number("SELECT video_opened FROM seats WHERE attendee_id = 2") == 1);
    // Only what was asked for is written: nobody else's seat has a sum yet.
    CHECK(f.number("SELECT COUNT(*) FROM seats WHERE visible_ms > 0") == 1);

    // A restart: the loaded seat goes on from 40 s when the person comes back.
    EventState loaded = f.load();
    REQUIRE(loaded.presence.count(2));
    CHECK(loaded.presence.at(2).visible_ms == 40'000);
    CHECK(loaded.presence.at(2).chat_sent == 1);
    CHECK(loaded.presence.at(2).video_opened);
    Event restored(std::move(loaded));
    auto connect = restored.apply(Actor::system(), Connect{2}, t0 + 100'000);
    REQUIRE_FALSE(connect.error);
    auto fx = restored.apply(Actor::system(), Disconnect{2}, t0 + 110'000);
    REQUIRE_FALSE(fx.error);
    f.events.commit(restored.state().id, connect.records);
    f.events.commit(restored.state().id, fx.records);
    CHECK(f.number("SELECT visible_ms FROM seats WHERE attendee_id = 2") == 50'000);
    CHECK(f.number("SELECT chat_sent FROM seats WHERE attendee_id = 2") == 1);
}

TEST_CASE("storage: a merge moves the duplicate's answers to the entry kept, as the domain does") {
    Fixture f;
    AttendeeId mate = f.mate_of(1);
    AttendeeId other = 0;  // someone at another table, who will turn out to be the same person as `mate`
    for (AttendeeId id = 1; id <= 6; ++id)
        if (f.event.table_of(id) != f.event.table_of(1)) other = id;
    AttendeeId others_mate = f.mate_of(other);
    f.apply(Actor::of(1), AnswerTalked{1, mate, true}, t0 + 1000);
    f.apply(Actor::of(1), WishContact{mate, true}, t0 + 1000);
    f.apply(Actor::of(mate), WishContact{1, true}, t0 + 1000);
    f.apply(Actor::of(mate), RateTable{1, 2}, t0 + 1000);
    f.apply(Actor::of(other), RateTable{1, 5}, t0 + 1000);  // the entry kept has its own: it wins
    f.apply(Actor::of(other), AnswerTalked{1, others_mate, false}, t0 + 1000);
    f.apply(Actor::host(), MergeAttendees{mate, other}, t0 + 2000);

    const auto& s = f.event.state();
    CHECK(s.talked.at({1, 1, other}) == true);
    CHECK_FALSE(s.talked.count({1, 1, mate}));
    CHECK(s.contact_wishes == std::set<std::pair<AttendeeId, AttendeeId>>{{1, other}, {other, 1}});
    CHECK(s.ratings.at({1, other}) == 5);
    CHECK_FALSE(s.ratings.count({1, mate}));

    EventState loaded = f.load();
    CHECK(loaded.talked == s.talked);
    CHECK(loaded.contact_wishes == s.contact_wishes);
    CHECK(loaded.ratings == s.ratings);
    CHECK(loaded.tablemates == s.tablemates);
}

}  // namespace ensemble::storage
