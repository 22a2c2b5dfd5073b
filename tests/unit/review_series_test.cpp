// A series reviewed as one, on two hand-made events whose figures are worked out below.
#include <doctest/doctest.h>

#include "review/series.hpp"
#include "review/series_json.hpp"

using namespace ensemble::review;

namespace {

Person person(PersonId id, std::string name, std::string organisation, int rounds) {
    Person p;
    p.id = id, p.name = std::move(name), p.organisation = std::move(organisation), p.rounds_seated = rounds;
    return p;
}

// Event 1 (2 rounds): Ann(1) "A", Ben(2) "B", Cat(3) "A", Dev(4) "C".
//   round 1: {1, 2} {3, 4}; round 2: {1, 3} {2, 4}.
// Event 2 (1 round): Ann again as 7 (same key), Ben again as 5 (same key, now "B2"), Eve(6) "C" with no
//   email, and Dev erased (8, his key is gone with him).
//   round 1: {5, 6} {7, 8}.
// Merged ids: Ann 1, Ben 2, Cat 3, Dev 4, then Ben's second entry is 2, Eve 5, Ann's is 1, the erased 6.
SeriesGraphs sample() {
    SeriesGraphs s;
    s.series_id = "se1", s.title = "Rencontres mensuelles";
    EventGraph one;
    one.event_id = "ev1", one.title = "Janvier", one.rounds = 2, one.phase = "ended", one.ended_at = 100;
    one.round_ms = 600'000;
    one.people = {person(1, "Ann", "A", 2), person(2, "Ben", "B", 2), person(3, "Cat", "A", 2),
                  person(4, "Dev", "C", 2)};
    one.encounters = {{1, 1, 1, 2}, {1, 2, 3, 4}, {2, 1, 1, 3}, {2, 2, 2, 4}};
    one.wishes = {{1, 2}, {2, 1}};
    one.talked = {{1, 1, 2, true}, {1, 2, 1, true}};
    EventGraph two;
    two.event_id = "ev2", two.title = "Février", two.rounds = 1, two.phase = "ended", two.ended_at = 200;
    two.round_ms = 300'000;
    two.people = {person(5, "Ben", "B2", 1), person(6, "Eve", "C", 1), person(7, "Ann", "A", 1),
                  person(8, "", "", 1)};
    two.people[3].erased = true;
    two.encounters = {{1, 1, 5, 6}, {1, 2, 7, 8}};
    two.wishes = {{7, 5}};  // Ann → Ben again: one wish in the series
    two.ratings = {{1, 1, 5, 4}};
    s.events = {one, two};
    s.person_keys = {{{1, "ann@x.fr"}, {2, "ben@x.fr"}, {3, "cat@x.fr"}, {4, "dev@x.fr"}},
                     {{5, "ben@x.fr"}, {7, "ann@x.fr"}}};
    return s;
}

}  // namespace

TEST_CASE("series: the same key is one person, named as in their latest event") {
    auto merged = merge_series(sample());
    const auto& g = merged.graph;
    REQUIRE(g.people.size() == 6);
    CHECK(g.people[1].name == "Ben");
    CHECK(g.people[1].organisation == "B2");
    CHECK(g.people[1].rounds_seated == 3);
    CHECK(g.people[4].name == "Eve");
    CHECK(g.people[5].erased);
    CHECK(merged.merged_ids[1] == std::vector<PersonId>{2, 5, 1, 6});
    CHECK(merged.events_attended == std::vector<int>{2, 2, 1, 1, 1, 1});
    CHECK(g.phase == "ended");
    CHECK(g.ended_at == 200);
}

TEST_CASE("series: rounds run on from one event to the next") {
    auto merged = merge_series(sample());
    const auto& g = merged.graph;
    CHECK(g.rounds == 3);
    REQUIRE(merged.events.size() == 2);
    CHECK(merged.events[1].first_round == 3);
    CHECK(merged.events[1].rounds == 1);
    // (2 rounds × 600 s + 1 round × 300 s) / 3 rounds.
    CHECK(g.round_ms == 500'000);
    REQUIRE(g.encounters.size() == 6);
    CHECK(g.encounters[4].round == 3);
    CHECK(g.encounters[4].a == 1);  // Ann and the erased Dev: 7-8 became 1-6
    CHECK(g.encounters[4].b == 6);
    CHECK(g.encounters[5].a == 2);  // Ben and Eve
    CHECK(g.encounters[5].b == 5);
    CHECK(g.wishes.size() == 2);  // Ann → Ben made twice counts once; Ben → Ann
    REQUIRE(g.ratings.size() == 1);
    CHECK(g.ratings[0].round == 3);
    CHECK(g.ratings[0].from == 2);
}

TEST_CASE("series: the trend says who came back and which pairs had already met") {
    auto s = sample();
    // Event 2 seats Ann with Cat's key: they met in event 1's round 2.
    s.events[1].people.push_back(person(9, "Cat", "A", 1));
    s.events[1].encounters.push_back({1, 2, 7, 9});
    s.events[1].encounters.push_back({1, 2, 8, 9});
    s.person_keys[1][9] = "cat@x.fr";
    auto merged = merge_series(s);
    auto trend = series_trend(s, merged);
    REQUIRE(trend.size() == 2);
    CHECK(trend[0].attendees == 4);
    CHECK(trend[0].returning == 0);
    CHECK(trend[0].pairs == 4);
    CHECK(trend[0].pairs_met_before == 0);
    CHECK(trend[0].mutual_keep_in_touch == 1);
    CHECK(trend[1].attendees == 5);
    CHECK(trend[1].returning == 3);         // Ben, Ann, Cat; Eve is new, the erased Dev is nobody known
    CHECK(trend[1].pairs == 4);             // 5-6, 7-8, 7-9, 8-9
    CHECK(trend[1].pairs_met_before == 1);  // Ann and Cat
}

TEST_CASE("series: never met counts pairs of named, seated people who never shared a table") {
    auto review = review_series(sample());
    // Named and seated: Ann, Ben, Cat, Dev (first entry), Eve = 5 people, 10 pairs. Met among them:
    // 1-2, 3-4, 1-3, 2-4, 2-5 = 5.
    CHECK(review.never.people == 5);
    CHECK(review.never.pairs == 10);
    CHECK(review.never.met == 5);
    auto report = series_report_json(review);
    CHECK(report["never_met"]["share"].get<double>() == doctest::Approx(0.5));
    CHECK(report["series"]["events"][1]["first_round"] == 3);
    CHECK(report["trend"].size() == 2);
    auto graph = series_graph_json(review);
    CHECK(graph["nodes"].size() == 6);
    CHECK(graph["nodes"][0]["events"] == 2);
    CHECK(graph["event"]["rounds"] == 3);
    // The keys that made people one never leave the server.
    CHECK(graph.dump().find("@x.fr") == std::string::npos);
    CHECK(report.dump().find("@x.fr") == std::string::npos);
}
