// Topic tables (protocol.md, Topic tables): opened by hosts or proposed by attendees for the coming topic
// round, chosen up to the event's largest table, and seated: choosers at their table, the others by topic.
#include <doctest/doctest.h>

#include <algorithm>

#include "domain/event.hpp"
#include "domain_driver.hpp"
#include "storage/event_repository.hpp"
#include "storage_fixture.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;
using ensemble::domain::test::fill;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

EventSettings topic_settings(std::vector<RoundKind> kinds = {RoundKind::topic_tables, RoundKind::discovery}) {
    EventSettings settings;
    settings.title = "Forum";
    settings.table_size = 4;
    settings.min_table_size = 3;
    settings.max_table_size = 5;
    settings.rounds = 2;
    settings.topics = {{"logement", "Logement", ""}, {"emploi", "Emploi", ""}, {"sante", "Santé", ""}};
    settings.round_kinds = std::move(kinds);
    return settings;
}

Purpose seeks(std::string topic) { return Purpose{{std::move(topic)}, "", {}, "", ""}; }
Purpose offers(std::string topic) { return Purpose{{}, "", {std::move(topic)}, "", ""}; }

std::optional<ErrorCode> code(const Effects& fx) {
    return fx.error ? std::optional<ErrorCode>(fx.error->code) : std::nullopt;
}

int open(Event& event, const std::string& topic, const std::string& text = {}) {
    auto fx = event.apply(Actor::host(1), OpenTopicTable{topic, text}, t0);
    REQUIRE_FALSE(fx.error);
    return event.state().topic_rounds.at(1).tables.back().id;
}

Effects choose(Event& event, AttendeeId who, int table) {
    return event.apply(Actor::of(who), ChooseTopicTable{table}, t0);
}

// The table number of the topic table `id` in round 1 once it started; 0 when it was merged away.
int table_of_topic(const Event& event, int id) { return event.state().topic_rounds.at(1).find(id)->table; }

}  // namespace

TEST_CASE("topic tables: choose up to the cap, change, unchoose; closing a table frees its choosers") {
    auto event = Event::create("topics", topic_settings(), t0);
    fill(event, std::vector<Purpose>(8), t0);
    int logement = open(event, "logement");
    int own = open(event, "", "  Mobilité en zone rurale ");
    CHECK(event.state().topic_rounds.at(1).find(own)->text == "Mobilité en zone rurale");
    for (AttendeeId who = 1; who <= 5; ++who) REQUIRE_FALSE(choose(event, who, logement).error);
    auto full = choose(event, 6, logement);
    CHECK(code(full) == ErrorCode::table_full);
    CHECK(full.records.empty());
    // Choosing again what one holds is no change, and a seat freed is a seat taken.
    CHECK(choose(event, 5, logement).records.empty());
    auto moved = choose(event, 5, own);
    REQUIRE_FALSE(moved.error);
    REQUIRE(moved.records.size() == 1);
    CHECK(std::get<TopicTableChosen>(moved.records[0]).table == own);
    CHECK_FALSE(choose(event, 6, logement).error);
    CHECK_FALSE(choose(event, 6, 0).error);
    CHECK(event.state().topic_rounds.at(1).choices.count(6) == 0);
    CHECK(code(choose(event, 6, 99)) == ErrorCode::not_found);

    auto closed = event.apply(Actor::host(1), CloseTopicTable{logement}, t0);
    REQUIRE_FALSE(closed.error);
    const auto& round = event.state().topic_rounds.at(1);
    CHECK_FALSE(round.find(logement)->open);
    CHECK(round.choices == std::map<std::int64_t, int>{{5, own}});
    CHECK(code(choose(event, 1, logement)) == ErrorCode::not_found);
    CHECK(code(event.apply(Actor::host(1), CloseTopicTable{logement}, t0)) == ErrorCode::not_found);
    // Only hosts open and close; only attendees choose.
    CHECK(code(event.apply(Actor::of(1), OpenTopicTable{"emploi", ""}, t0)) == ErrorCode::forbidden);
    CHECK(code(event.apply(Actor::host(1), ChooseTopicTable{own}, t0)) == ErrorCode::forbidden);
}

TEST_CASE(
    "topic tables: a topic of the event or one's own words, one proposal each, as many as can be filled") {
    auto event = Event::create("proposals", topic_settings(), t0);
    fill(event, std::vector<Purpose>(7), t0);  // 7 attendees, tables of 3 at least: 2 tables at most
    CHECK(code(event.apply(Actor::of(1), ProposeTopicTable{"", "   "}, t0)) == ErrorCode::invalid_field);
    CHECK(code(event.apply(Actor::of(1), ProposeTopicTable{"emploi", "Et aussi"}, t0)) ==
          ErrorCode::invalid_field);
    CHECK(code(event.apply(Actor::of(1), ProposeTopicTable{"peche", ""}, t0)) == ErrorCode::invalid_field);
    CHECK(code(event.apply(Actor::of(1), ProposeTopicTable{"", std::string(61, 'a')}, t0)) ==
          ErrorCode::invalid_field);
    auto proposed = event.apply(Actor::of(1), ProposeTopicTable{"", "Garde d'enfants"}, t0);
    REQUIRE_FALSE(proposed.error);
    const auto& round = event.state().topic_rounds.at(1);
    REQUIRE(round.tables.size() == 1);
    CHECK(round.tables[0].proposed_by == 1);
    CHECK(round.choices.at(1) == round.tables[0].id);  // the proposer sits at their table
    CHECK(code(event.apply(Actor::of(1), ProposeTopicTable{"emploi", ""}, t0)) == ErrorCode::forbidden);
    REQUIRE_FALSE(event.apply(Actor::of(2), ProposeTopicTable{"emploi", ""}, t0).error);
    CHECK(code(event.apply(Actor::of(3), ProposeTopicTable{"sante", ""}, t0)) == ErrorCode::table_full);
    // A host may still open one: the limit is for proposals.
    CHECK_FALSE(event.apply(Actor::host(1), OpenTopicTable{"sante", ""}, t0).error);
}

TEST_CASE("topic tables: only for the coming topic round, before it starts") {
    auto discovery_first =
        Event::create("later", topic_settings({RoundKind::discovery, RoundKind::topic_tables}), t0);
    fill(discovery_first, std::vector<Purpose>(6), t0);
    CHECK(code(discovery_first.apply(Actor::host(1), OpenTopicTable{"emploi", ""}, t0)) ==
          ErrorCode::wrong_phase);
    REQUIRE_FALSE(drive(discovery_first, Actor::host(1), StartEvent{}, t0).error);
    CHECK(code(discovery_first.apply(Actor::host(1), OpenTopicTable{"emploi", ""}, t0)) ==
          ErrorCode::wrong_phase);
    CHECK(code(discovery_first.apply(Actor::of(1), ChooseTopicTable{1}, t0)) == ErrorCode::wrong_phase);
    // The break before round 2 is the time to choose.
    REQUIRE_FALSE(discovery_first.apply(Actor::host(1), EndRound{}, t0 + 1000).error);
    REQUIRE(discovery_first.state().phase == Phase::pause_between_rounds);
    CHECK_FALSE(discovery_first.apply(Actor::host(1), OpenTopicTable{"emploi", ""}, t0 + 2000).error);
    CHECK_FALSE(discovery_first.apply(Actor::of(1), ChooseTopicTable{1}, t0 + 2000).error);
    CHECK(discovery_first.state().topic_rounds.at(2).choices.at(1) == 1);
}

TEST_CASE("topic tables: the break before a topic round lasts at least the time to choose") {
    // Round 1 of 600 s runs out, with `second` coming next.
    auto after_round_one = [](RoundKind second, int break_seconds) {
        auto settings = topic_settings({RoundKind::discovery, second});
        settings.break_seconds = break_seconds;
        settings.round_seconds = 600;
        auto event = Event::create("choose", settings, t0);
        fill(event, std::vector<Purpose>(6), t0);
        REQUIRE_FALSE(drive(event, Actor::host(1), StartEvent{}, t0).error);
        drive(event, Actor::system(), Tick{}, t0 + 600'000);
        return event;
    };
    for (int break_seconds : {0, 30, 120}) {
        CAPTURE(break_seconds);
        auto event = after_round_one(RoundKind::topic_tables, break_seconds);
        REQUIRE(event.state().phase == Phase::pause_between_rounds);
        CHECK(event.state().deadline ==
              t0 + 600'000 + std::max(break_seconds, topic_choice_seconds) * 1000LL);
    }
    // Before any other round, a break of none is none.
    auto event = after_round_one(RoundKind::discovery, 0);
    CHECK(event.state().phase == Phase::round);
    CHECK(event.state().round == 2);
}

TEST_CASE("topic tables: choosers sit at their table, the others by topic, no table below its minimum") {
    auto event = Event::create("seating", topic_settings(), t0);
    std::vector<Purpose> purposes(12);
    purposes[6] = seeks("sante");
    purposes[7] = seeks("sante");
    purposes[8] = offers("emploi");
    fill(event, purposes, t0);
    int logement = open(event, "logement"), emploi = open(event, "emploi"), sante = open(event, "sante");
    for (AttendeeId who : {1, 2, 3, 4}) REQUIRE_FALSE(choose(event, who, logement).error);
    for (AttendeeId who : {5, 6}) REQUIRE_FALSE(choose(event, who, emploi).error);
    auto started = drive(event, Actor::host(1), StartEvent{}, t0);
    REQUIRE_FALSE(started.error);
    REQUIRE(event.state().phase == Phase::round);
    int at_logement = table_of_topic(event, logement);
    int at_emploi = table_of_topic(event, emploi);
    int at_sante = table_of_topic(event, sante);
    REQUIRE((at_logement && at_emploi && at_sante));
    for (AttendeeId who : {1, 2, 3, 4}) CHECK(event.table_of(who) == at_logement);
    for (AttendeeId who : {5, 6, 9}) CHECK(event.table_of(who) == at_emploi);  // 9 offers emploi
    for (AttendeeId who : {7, 8}) CHECK(event.table_of(who) == at_sante);      // 7 and 8 seek santé
    CHECK(event.state().tables.size() == 3);
    for (const auto& table : event.state().tables) CHECK(table.seats.size() >= 3);
    // Where each topic table sits is a record, for a restart.
    bool recorded = std::any_of(started.records.begin(), started.records.end(), [](const Record& r) {
        return std::holds_alternative<TopicTablesSeated>(r) &&
               std::get<TopicTablesSeated>(r).tables.size() == 3;
    });
    CHECK(recorded);
}

TEST_CASE("topic tables: a table too few chose is merged away when nobody is left to fill it") {
    auto event = Event::create("merge", topic_settings(), t0);
    fill(event, std::vector<Purpose>(7), t0);
    int logement = open(event, "logement"), emploi = open(event, "emploi"), sante = open(event, "sante");
    for (AttendeeId who : {1, 2, 3}) REQUIRE_FALSE(choose(event, who, logement).error);
    REQUIRE_FALSE(choose(event, 4, emploi).error);
    REQUIRE_FALSE(choose(event, 5, sante).error);
    REQUIRE_FALSE(drive(event, Actor::host(1), StartEvent{}, t0).error);
    const auto& tables = event.state().tables;
    CHECK(tables.size() == 2);
    for (const auto& table : tables) CHECK(table.seats.size() >= 3);
    CHECK(event.table_of(1) == event.table_of(2));
    CHECK(event.table_of(2) == event.table_of(3));
    int kept = table_of_topic(event, emploi), gone = table_of_topic(event, sante);
    CHECK(((kept != 0) != (gone != 0)));  // one of the two small tables made it, filled; the other merged
    for (AttendeeId who = 1; who <= 7; ++who) CHECK(event.table_of(who) != 0);
}

TEST_CASE("topic tables: when the open tables are full, the others get tables as in a discovery round") {
    auto event = Event::create("extra", topic_settings(), t0);
    fill(event, std::vector<Purpose>(10), t0);
    int emploi = open(event, "emploi");
    for (AttendeeId who : {1, 2}) REQUIRE_FALSE(choose(event, who, emploi).error);
    REQUIRE_FALSE(drive(event, Actor::host(1), StartEvent{}, t0).error);
    int at = table_of_topic(event, emploi);
    REQUIRE(at != 0);
    CHECK(event.table_of(1) == at);
    CHECK(event.table_of(2) == at);
    CHECK(event.state().tables.at(static_cast<std::size_t>(at - 1)).seats.size() == 5);
    std::size_t seated = 0;
    for (const auto& table : event.state().tables) {
        CHECK(table.seats.size() >= 3);
        seated += table.seats.size();
    }
    CHECK(seated == 10);
}

TEST_CASE("topic tables: tables, choices and where they sat are restored from storage") {
    using namespace ensemble::storage;
    ensemble::storage::test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    EventRepository events(db);
    auto event = Event::create("reload", topic_settings(), t0);
    events.create_event(event.state(), "host-hash");
    auto run = [&](const Actor& actor, const Command& command) {
        auto fx = drive(event, actor, command, t0);
        REQUIRE_FALSE(fx.error);
        events.commit(event.state().id, fx.records);
        return fx;
    };
    for (int i = 1; i <= 7; ++i) {
        auto joined = run(Actor::system(), Join{"P" + std::to_string(i), "Org", "", "h" + std::to_string(i)});
        run(Actor::system(), Connect{*joined.joined});
    }
    run(Actor::of(1), ProposeTopicTable{"", "Garde d'enfants"});  // table 1, before the cap of 2 is met
    run(Actor::host(1), OpenTopicTable{"emploi", ""});
    run(Actor::host(1), OpenTopicTable{"sante", ""});
    run(Actor::of(2), ChooseTopicTable{2});
    run(Actor::of(3), ChooseTopicTable{3});
    run(Actor::host(1), CloseTopicTable{3});
    run(Actor::of(4), ChooseTopicTable{1});
    run(Actor::of(4), ChooseTopicTable{0});
    auto loaded = events.load_stored_event("reload");
    REQUIRE(loaded);
    const auto& before = event.state().topic_rounds.at(1);
    const auto& after = loaded->state.topic_rounds.at(1);
    CHECK(after.tables == before.tables);
    CHECK(after.choices == before.choices);
    CHECK(after.choices == std::map<std::int64_t, int>{{1, 1}, {2, 2}});
    CHECK_FALSE(after.find(3)->open);

    run(Actor::host(1), StartEvent{});
    loaded = events.load_stored_event("reload");
    CHECK(loaded->state.topic_rounds.at(1).tables == event.state().topic_rounds.at(1).tables);
    CHECK(loaded->state.topic_rounds.at(1).find(1)->table == event.table_of(1));
    CHECK(loaded->state.topic_rounds.at(1).find(2)->table == event.table_of(2));
}

TEST_CASE("topic tables: one person left over sits at the smallest table rather than alone") {
    auto event = Event::create("alone", topic_settings(), t0);
    fill(event, std::vector<Purpose>(6), t0);
    int logement = open(event, "logement");
    for (AttendeeId who : {1, 2, 3, 4, 5}) REQUIRE_FALSE(choose(event, who, logement).error);
    REQUIRE_FALSE(drive(event, Actor::host(1), StartEvent{}, t0).error);
    REQUIRE(event.state().tables.size() == 1);
    CHECK(event.state().tables[0].seats.size() == 6);
    CHECK(table_of_topic(event, logement) == 1);
}

TEST_CASE("topic tables: two entries merged into one keep one choice, the kept entry's own first") {
    auto event = Event::create("merged", topic_settings(), t0);
    fill(event, std::vector<Purpose>(6), t0);
    int logement = open(event, "logement"), emploi = open(event, "emploi");
    REQUIRE_FALSE(choose(event, 1, logement).error);
    REQUIRE_FALSE(choose(event, 3, logement).error);
    REQUIRE_FALSE(choose(event, 4, emploi).error);
    REQUIRE_FALSE(event.apply(Actor::host(1), MergeAttendees{1, 2}, t0).error);  // 2 had chosen none
    REQUIRE_FALSE(event.apply(Actor::host(1), MergeAttendees{3, 4}, t0).error);  // 4 keeps emploi
    CHECK(event.state().topic_rounds.at(1).choices ==
          std::map<std::int64_t, int>{{2, logement}, {4, emploi}});
    CHECK(seats_taken(event.state(), event.state().topic_rounds.at(1), logement) == 1);
}

TEST_CASE(
    "topic tables: erasing the proposer erases their words and closes their table, after a reload too") {
    using namespace ensemble::storage;
    ensemble::storage::test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    EventRepository events(db);
    auto event = Event::create("erased", topic_settings(), t0);
    events.create_event(event.state(), "host-hash");
    auto run = [&](const Actor& actor, const Command& command) {
        auto fx = event.apply(actor, command, t0);
        REQUIRE_FALSE(fx.error);
        events.commit(event.state().id, fx.records);
        return fx;
    };
    for (int i = 1; i <= 6; ++i)
        run(Actor::system(), Join{"P" + std::to_string(i), "Org", "", "h" + std::to_string(i)});
    run(Actor::of(1), ProposeTopicTable{"", "Garde de ma fille Léa"});
    run(Actor::of(2), ChooseTopicTable{1});
    run(Actor::host(1), EraseAttendee{1, "nobody-holds-this"});
    const auto& round = event.state().topic_rounds.at(1);
    CHECK(round.tables.at(0).text.empty());
    CHECK_FALSE(round.tables.at(0).open);
    CHECK(round.choices.empty());
    auto loaded = events.load_stored_event("erased");
    REQUIRE(loaded);
    CHECK(loaded->state.topic_rounds.at(1).tables == round.tables);
    CHECK(loaded->state.topic_rounds.at(1).choices.empty());
}

TEST_CASE("topic tables: many tables and few people leave only tables that can be filled") {
    auto event = Event::create("many", topic_settings(), t0);
    fill(event, std::vector<Purpose>(7), t0);
    std::vector<int> ids;
    for (int i = 1; i <= 50; ++i) ids.push_back(open(event, "", "Table " + std::to_string(i)));
    for (AttendeeId who : {1, 2}) REQUIRE_FALSE(choose(event, who, ids[9]).error);
    REQUIRE_FALSE(choose(event, 3, ids[19]).error);
    REQUIRE_FALSE(drive(event, Actor::host(1), StartEvent{}, t0).error);
    std::size_t seated = 0;
    for (const auto& table : event.state().tables) {
        CHECK(table.seats.size() >= 3);
        seated += table.seats.size();
    }
    CHECK(seated == 7);
    CHECK(event.state().tables.size() == 2);
    CHECK(event.table_of(1) == event.table_of(2));
    CHECK(event.table_of(1) == table_of_topic(event, ids[9]));
}

TEST_CASE("topic tables: the log says which host opened and closed which table of which round") {
    auto event = Event::create("topics", topic_settings(), t0);
    fill(event, std::vector<Purpose>(4), t0);
    int logement = open(event, "logement");
    open(event, "", "Mobilité");
    REQUIRE_FALSE(event.apply(Actor::host(1), CloseTopicTable{logement}, t0).error);
    CHECK(event.apply(Actor::host(1), CloseTopicTable{logement}, t0).error);  // refused: not logged
    const auto& log = event.state().host_log;
    REQUIRE(log.size() == 3);
    CHECK(log[0].kind == HostAction::Kind::topic_table_opened);
    CHECK(log[0].text == "Logement");  // the topic's label, not its id
    CHECK(log[1].text == "Mobilité");
    CHECK(log[2].kind == HostAction::Kind::topic_table_closed);
    CHECK(log[2].text == "Logement");
    for (const auto& action : log) CHECK(action.number == 1);
}
