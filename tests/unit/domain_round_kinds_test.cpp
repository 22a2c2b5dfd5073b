// Kinds of round (protocol.md, Kinds of round): the plan set at creation and changed live, and what each
// kind asks of the matcher, on hand-made events whose expected tables are worked out in the test.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "domain/event.hpp"
#include "domain/round_needs.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;
using ensemble::domain::test::fill;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

EventSettings settings_with(std::vector<RoundKind> kinds, int table_size = 4) {
    EventSettings settings;
    settings.title = "Rencontres";
    settings.table_size = table_size;
    settings.min_table_size = std::min(3, table_size);
    settings.max_table_size = table_size + 1;
    settings.rounds = std::max<int>(2, static_cast<int>(kinds.size()));
    settings.topics = {{"logement", "Logement", ""}, {"emploi", "Emploi", ""}, {"sante", "Santé", ""}};
    settings.round_kinds = std::move(kinds);
    return settings;
}

Purpose purpose(std::vector<std::string> needs, std::vector<std::string> offers,
                std::string departement = {}) {
    return Purpose{std::move(needs), "", std::move(offers), std::move(departement), ""};
}

std::vector<std::size_t> sizes(const Event& event) {
    std::vector<std::size_t> out;
    for (const auto& table : event.state().tables) out.push_back(table.seats.size());
    std::sort(out.rbegin(), out.rend());
    return out;
}

}  // namespace

TEST_CASE("mutual help: the one who seeks help sits with the one attendee who offers it") {
    // Nine people; 1 seeks logement and only 6 offers it; 2 seeks santé and nobody offers it. Tried on ten
    // events (ten seeds): a random seating would put 1 with 6 about 3 times in 8.
    for (int e = 0; e < 10; ++e) {
        auto event =
            Event::create("mutual-" + std::to_string(e), settings_with({RoundKind::mutual_help}), t0);
        std::vector<Purpose> purposes(9);
        purposes[0] = purpose({"logement"}, {});
        purposes[0].need_text = "Une famille à reloger";
        purposes[1] = purpose({"sante"}, {"emploi"});
        purposes[5] = purpose({}, {"logement", "emploi"});
        fill(event, purposes, t0);
        REQUIRE_FALSE(drive(event, Actor::host(), StartEvent{}, t0).error);
        REQUIRE(event.table_of(1) != 0);
        CHECK(event.table_of(1) == event.table_of(6));
        // The table states the need it serves; santé is met nowhere, and no cover is invented for it.
        const auto& seats = event.state().tables.at(static_cast<std::size_t>(event.table_of(1) - 1)).seats;
        auto served = served_need(event.state(), seats);
        REQUIRE(served);
        CHECK(served->seeker == 1);
        CHECK(served->topic == "logement");
        auto needs = needs_at(event.state(), *event.round_seats(1));
        CHECK(needs.met == std::vector<AttendeeId>{1});
        CHECK(needs.unmet == std::vector<AttendeeId>{2});
        CHECK(needs_never_met(event.state()) == std::set<AttendeeId>{2});
    }
}

TEST_CASE("pairs: tables of two, one of three when the count is odd, and no pair twice") {
    auto odd = Event::create("pairs-odd", settings_with({RoundKind::pairs}), t0);
    fill(odd, std::vector<Purpose>(7), t0);
    REQUIRE_FALSE(drive(odd, Actor::host(), StartEvent{}, t0).error);
    CHECK(sizes(odd) == std::vector<std::size_t>{3, 2, 2});

    auto even = Event::create("pairs-even",
                              settings_with({RoundKind::pairs, RoundKind::pairs, RoundKind::pairs}), t0);
    fill(even, std::vector<Purpose>(8), t0);
    REQUIRE_FALSE(drive(even, Actor::host(), StartEvent{}, t0).error);
    for (int round = 2; round <= 3; ++round) {
        CHECK(sizes(even) == std::vector<std::size_t>{2, 2, 2, 2});
        REQUIRE_FALSE(drive(even, Actor::host(), NextRound{}, t0).error);
    }
    // Three rounds of pairs among eight: 12 pairs, all different.
    int repeats = 0;
    even.state().history.for_each([&](auto, auto, const auto& meeting) { repeats += meeting.times - 1; });
    CHECK(even.state().history.pair_count() == 12);
    CHECK(repeats == 0);
}

TEST_CASE("local: tables of one département, and the one person of a département sits with a bordering one") {
    // Three from the Rhône (69), one from the Ain (01, which borders it), four from the Bouches-du-Rhône
    // (13, which borders neither): two tables of four, 69 with 01, and 13 alone.
    std::vector<Purpose> purposes{purpose({}, {}, "69"), purpose({}, {}, "13"), purpose({}, {}, "69"),
                                  purpose({}, {}, "13"), purpose({}, {}, "01"), purpose({}, {}, "13"),
                                  purpose({}, {}, "69"), purpose({}, {}, "13")};
    for (int e = 0; e < 5; ++e) {
        auto event = Event::create("local-" + std::to_string(e), settings_with({RoundKind::local}), t0);
        fill(event, purposes, t0);
        REQUIRE_FALSE(drive(event, Actor::host(), StartEvent{}, t0).error);
        CHECK(sizes(event) == std::vector<std::size_t>{4, 4});
        for (AttendeeId id : {3, 5, 7}) CHECK(event.table_of(id) == event.table_of(1));
        for (AttendeeId id : {4, 6, 8}) CHECK(event.table_of(id) == event.table_of(2));
    }
}

TEST_CASE("meet again: two who both asked to keep in touch sit together again") {
    auto event = Event::create("again", settings_with({RoundKind::discovery, RoundKind::meet_again}), t0);
    fill(event, std::vector<Purpose>(12), t0);
    REQUIRE_FALSE(drive(event, Actor::host(), StartEvent{}, t0).error);
    // Two tablemates of round 1 both wish to keep in touch; a discovery round would part them (no repeat).
    const auto& first = event.state().tables.front().seats;
    REQUIRE(first.size() >= 2);
    AttendeeId a = first[0], b = first[1];
    REQUIRE_FALSE(event.apply(Actor::of(a), WishContact{b, true}, t0).error);
    REQUIRE_FALSE(event.apply(Actor::of(b), WishContact{a, true}, t0).error);
    REQUIRE_FALSE(drive(event, Actor::host(), NextRound{}, t0).error);
    CHECK(event.state().round == 2);
    CHECK(event.table_of(a) == event.table_of(b));
}

TEST_CASE("the plan of rounds: set at creation, changed live for rounds not started, one round added") {
    EventSettings too_long = settings_with({RoundKind::pairs, RoundKind::local, RoundKind::pairs});
    too_long.rounds = 2;
    CHECK(validate(too_long)->field == "round_kinds");
    CHECK(kind_of_round(settings_with({RoundKind::local}), 1) == RoundKind::local);
    CHECK(kind_of_round(settings_with({RoundKind::local}), 2) == RoundKind::discovery);
    for (auto kind : all_round_kinds) CHECK(round_kind_from_string(to_string(kind)) == kind);
    CHECK_FALSE(round_kind_from_string("topics"));

    auto event = Event::create("plan", settings_with({}), t0);
    fill(event, std::vector<Purpose>(6), t0);
    CHECK(event.apply(Actor::of(1), SetRoundKind{1, RoundKind::pairs}, t0).error->code ==
          ErrorCode::forbidden);
    auto fx = event.apply(Actor::host(), SetRoundKind{1, RoundKind::pairs}, t0);
    REQUIRE_FALSE(fx.error);
    bool saved = std::any_of(fx.records.begin(), fx.records.end(), [](const Record& r) {
        const auto* changed = record_if<SettingsChanged>(r);
        return changed && changed->settings.round_kinds == std::vector<RoundKind>{RoundKind::pairs};
    });
    CHECK(saved);
    REQUIRE_FALSE(drive(event, Actor::host(), StartEvent{}, t0).error);
    CHECK(sizes(event) == std::vector<std::size_t>{2, 2, 2});
    // Round 1 has started: it keeps its kind. Round 3 is one past the last (2): it is added.
    CHECK(event.apply(Actor::host(), SetRoundKind{1, RoundKind::local}, t0).error->code ==
          ErrorCode::wrong_phase);
    CHECK(event.apply(Actor::host(), SetRoundKind{4, RoundKind::local}, t0).error->code ==
          ErrorCode::invalid_field);
    REQUIRE_FALSE(event.apply(Actor::host(1), SetRoundKind{3, RoundKind::mutual_help}, t0).error);
    CHECK(event.state().settings.rounds == 3);
    CHECK(kind_of_round(event.state().settings, 2) == RoundKind::discovery);
    CHECK(kind_of_round(event.state().settings, 3) == RoundKind::mutual_help);
    REQUIRE_FALSE(event.state().host_log.empty());
    CHECK(event.state().host_log.back().kind == HostAction::Kind::round_kind_set);
    CHECK(event.state().host_log.back().number == 3);
}

TEST_CASE("discovery: the rounds are planned together near the round limit, formed one by one below half") {
    // 25 people at tables of 5 meet everyone new for at most floor(24 / 4) = 6 rounds.
    for (int rounds : {3, 4}) {
        CAPTURE(rounds);
        auto event =
            Event::create("plan-" + std::to_string(rounds),
                          settings_with(std::vector<RoundKind>(rounds, RoundKind::discovery), 5), t0);
        fill(event, std::vector<Purpose>(25), t0);
        auto started = drive(event, Actor::host(), StartEvent{}, t0);
        const bool planned = rounds > 3;
        CHECK(std::count_if(started.records.begin(), started.records.end(), [](const Record& r) {
                  return std::holds_alternative<PlanMade>(r);
              }) == (planned ? 1 : 0));
        CHECK(event.state().plan.has_value() == planned);
        for (int round = 2; round <= rounds; ++round)
            REQUIRE_FALSE(drive(event, Actor::host(), NextRound{}, t0 + round).error);
        for (AttendeeId a = 1; a <= 25; ++a)
            for (AttendeeId b = a + 1; b <= 25; ++b) CHECK(event.state().history.times_met(a, b) <= 1);
    }
}
