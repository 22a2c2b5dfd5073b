// The impact report and the meeting graph on a hand-made event whose figures are worked out below.
#include <doctest/doctest.h>

#include <boost/graph/betweenness_centrality.hpp>
#include <random>

#include "review/analysis.hpp"
#include "review/report.hpp"
#include "review/review_json.hpp"

using namespace ensemble::review;

namespace {

Person person(PersonId id, std::string name, std::string organisation, int rounds, std::int64_t visible_ms) {
    Person p;
    p.id = id, p.name = std::move(name), p.organisation = std::move(organisation);
    p.rounds_seated = rounds, p.visible_ms = visible_ms;
    return p;
}

// Round 1: table 1 {1, 2, 3}, table 2 {4, 5}. Round 2: table 1 {1, 2}, table 2 {3, 4}, 7 alone.
// 5 was erased; 6 joined and was never seated. Organisations: 1 "A", 2 " a " (the same), 3 and 7 "B",
// 4 "C". Pairs: 1-2 (rounds 1 and 2), 1-3, 2-3, 3-4, 4-5.
EventGraph sample() {
    EventGraph g;
    g.event_id = "ev1", g.title = "Rencontres", g.rounds = 2, g.phase = "ended", g.ended_at = 1000,
    g.round_ms = 600'000;
    g.people = {person(1, "Alice", "A", 2, 1'200'000),
                person(2, "Bob", " a ", 2, 600'000),
                person(3, "Chloé", "B", 2, 900'000),
                person(4, "Dan", "C", 2, 1'500'000),
                person(5, "", "", 1, 300'000),
                person(6, "Eve", "D", 0, 0),
                person(7, "Fay", "B", 1, 0)};
    g.people[4].erased = true;
    g.people[0].chat_sent = 3, g.people[2].chat_sent = 2;
    g.people[0].video_opened = 2, g.people[1].video_opened = 1;
    g.encounters = {{1, 1, 1, 2}, {1, 1, 1, 3}, {1, 1, 2, 3}, {1, 2, 4, 5}, {2, 1, 1, 2}, {2, 2, 3, 4}};
    // 1-2 both yes (in different rounds); 1-3 answered no; 3-4 one yes; 2-3 and 4-5 unanswered.
    g.talked = {{1, 1, 2, true}, {2, 2, 1, true}, {1, 1, 3, false}, {2, 3, 4, true}, {2, 4, 3, false}};
    // Mutual 1-2; 3→1 (twice, counted once), 4→1, 2→3.
    g.wishes = {{1, 2}, {2, 1}, {3, 1}, {3, 1}, {4, 1}, {2, 3}};
    g.ratings = {{1, 1, 1, 4}, {1, 1, 2, 5}, {1, 2, 4, 2}, {2, 1, 1, 4}};
    return g;
}

}  // namespace

TEST_CASE("review: pairs fold the rounds and what each side said") {
    auto g = sample();
    auto a = analyse(g);
    REQUIRE(a.pairs.size() == 5);
    CHECK(a.pairs[0].a == 1);
    CHECK(a.pairs[0].b == 2);
    CHECK(a.pairs[0].rounds == std::vector<int>{1, 2});
    CHECK(a.pairs[0].tables == std::vector<int>{1, 1});
    CHECK(a.pairs[0].talked == Sides::both);
    CHECK(a.pairs[0].keep_in_touch == Sides::both);
    CHECK(a.pairs[1].b == 3);  // 1-3: answered, nobody said yes; 3 wishes to keep in touch with 1
    CHECK(a.pairs[1].answered);
    CHECK(a.pairs[1].talked == Sides::none);
    CHECK(a.pairs[1].keep_in_touch == Sides::one);
    CHECK(a.pairs[3].a == 3);  // 3-4: one yes
    CHECK(a.pairs[3].talked == Sides::one);
    CHECK(a.pairs[3].tables == std::vector<int>{2});
    CHECK_FALSE(a.pairs[4].answered);  // 4-5
    CHECK(a.figures[2].met == 3);
    CHECK(a.figures[5].met == 0);
}

TEST_CASE("review: components and betweenness with Boost.Graph") {
    auto a = analyse(sample());
    // Seated: 1..5 in one component, 7 alone; 6 never seated.
    CHECK(a.components == 2);
    CHECK(a.largest_component == 5);
    CHECK(a.figures[0].component == 1);
    CHECK(a.figures[4].component == 1);
    CHECK(a.figures[6].component == 2);
    CHECK_FALSE(a.figures[5].component);
    // n = 6 seated, (n-1)(n-2)/2 = 10 pairs of others. 3 lies on 1-4, 1-5, 2-4, 2-5; 4 on 1-5, 2-5, 3-5.
    CHECK(a.figures[2].betweenness == doctest::Approx(0.4));
    CHECK(a.figures[3].betweenness == doctest::Approx(0.3));
    CHECK(a.figures[0].betweenness == doctest::Approx(0.0));
    CHECK(a.figures[1].betweenness == doctest::Approx(0.0));
}

TEST_CASE("review: every figure of the report") {
    auto g = sample();
    auto r = make_report(g, analyse(g));
    CHECK(r.seated_per_round == std::vector<std::pair<int, int>>{{1, 5}, {2, 4}});
    // Met, over the 6 seated: 1:2, 2:2, 3:3, 4:2, 5:1, 7:0.
    CHECK(r.met_distribution == std::vector<std::pair<int, int>>{{0, 1}, {1, 1}, {2, 3}, {3, 1}});
    CHECK(r.met_median == doctest::Approx(2.0));
    CHECK(r.met_minimum == 0);
    CHECK(r.repeats == 1);
    // Both organisations known: 1-2 (same), 1-3, 2-3, 3-4 (across).
    CHECK(*r.cross_organisation_share == doctest::Approx(0.75));
    CHECK(*r.ei_index == doctest::Approx(0.5));
    // 7 met nobody; 5's only pair has no yes.
    CHECK(r.isolated == std::vector<PersonId>{5, 7});
    CHECK(r.pairs == 5);
    CHECK(r.answered_pairs == 3);
    CHECK(*r.talked_at_least_one == doctest::Approx(2.0 / 3));
    CHECK(*r.talked_both == doctest::Approx(1.0 / 3));
    CHECK(r.mutual_keep_in_touch == 1);
    CHECK(r.usefulness_answers == 4);
    CHECK(*r.usefulness_mean == doctest::Approx(3.75));
    CHECK(r.usefulness == std::array<int, 5>{0, 1, 0, 2, 1});
    // Visible shares: 7: 0, 2: 0.5, 5: 0.5, 3: 0.75, 1: 1, 4: 1 (capped).
    CHECK(*r.median_visible_share == doctest::Approx(0.625));
    CHECK(r.chat_sent == 5);
    CHECK(r.video_opened == 3);
    CHECK(r.components == 2);
    CHECK(r.largest_component == 5);
    REQUIRE(r.brokers.size() == 2);
    CHECK(r.brokers[0].id == 3);
    CHECK(r.brokers[1].id == 4);
    REQUIRE(r.go_to_people.size() == 3);
    CHECK(r.go_to_people[0].id == 1);
    CHECK(r.go_to_people[0].value == 3);
    CHECK(r.go_to_people[1].id == 2);
    CHECK(r.go_to_people[2].id == 3);
}

TEST_CASE("review: before any answer, only who met nobody is isolated; empty figures are null") {
    auto g = sample();
    g.talked.clear(), g.ratings.clear();
    auto r = make_report(g, analyse(g));
    CHECK(r.isolated == std::vector<PersonId>{7});
    CHECK(r.answered_pairs == 0);
    CHECK_FALSE(r.talked_at_least_one);
    CHECK_FALSE(r.usefulness_mean);
    auto json = report_json(g, r, "ended");
    CHECK(json["talked"]["at_least_one"].is_null());
    CHECK(json["usefulness"]["mean"].is_null());

    EventGraph empty;
    auto e = make_report(empty, analyse(empty));
    CHECK(e.components == 0);
    CHECK_FALSE(e.met_median);
    CHECK_FALSE(e.cross_organisation_share);
    CHECK_FALSE(e.ei_index);
}

TEST_CASE("review: the JSON names nobody erased") {
    auto g = sample();
    g.people[4].name = "leaked", g.people[4].organisation = "leaked";  // whatever storage left, never shown
    auto a = analyse(g);
    auto graph = graph_json(g, a, "ended");
    CHECK(graph["event"]["ended_at"] == 1000);
    CHECK(graph["event"]["rounds"] == 2);
    REQUIRE(graph["nodes"].size() == 7);
    CHECK(graph["nodes"][4]["erased"] == true);
    CHECK(graph["nodes"][4]["label"] == "");
    CHECK(graph["nodes"][4]["organisation"] == "");
    CHECK(graph["nodes"][5]["component"].is_null());
    REQUIRE(graph["edges"].size() == 5);
    CHECK(graph["edges"][0]["rounds"] == nlohmann::json::array({1, 2}));
    CHECK(graph["edges"][0]["talked"] == "both");
    CHECK(graph["edges"][3]["talked"] == "one");
    auto report = report_json(g, make_report(g, a), "ended");
    CHECK(report["isolated"][0]["id"] == 5);
    CHECK(report["isolated"][0]["label"] == "");
    CHECK(report["brokers"][0]["label"] == "Chloé");
    CHECK(report["usefulness"]["distribution"] == nlohmann::json::array({0, 1, 0, 2, 1}));
    CHECK(report.dump().find("leaked") == std::string::npos);
}

TEST_CASE("review: Brandes from every source is Boost.Graph's exact betweenness; the sample is fixed") {
    Graph g(60);
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> pick(0, 59);
    for (int e = 0; e < 150; ++e) {
        auto a = pick(rng), b = pick(rng);
        if (a != b) boost::add_edge(a, b, g);
    }
    std::vector<double> exact(60, 0.0);
    auto map = boost::make_iterator_property_map(exact.begin(), boost::get(boost::vertex_index, g));
    boost::brandes_betweenness_centrality(g, map);
    boost::relative_betweenness_centrality(g, map);
    std::vector<std::size_t> all(60);
    for (std::size_t v = 0; v < 60; ++v) all[v] = v;
    auto ours = sampled_betweenness(g, all);
    double largest = 0;
    for (std::size_t v = 0; v < 60; ++v) {
        CHECK(ours[v] == doctest::Approx(exact[v]));
        largest = std::max(largest, exact[v]);
    }
    CHECK(largest > 0.01);  // the graph has brokers worth comparing
    // Half the sources: an estimate near the exact figures, and the same every time.
    std::vector<std::size_t> half(all.begin(), all.begin() + 30);
    CHECK(sampled_betweenness(g, half) == sampled_betweenness(g, half));
}

TEST_CASE("review: encounters across départements, and organisations compared as the matcher does") {
    auto g = sample();
    g.people[0].departement = "69", g.people[1].departement = "69", g.people[2].departement = "01";
    // Chloé's organisation spelled "À": the same as Alice's "A" once accents are ignored.
    g.people[2].organisation = "À";
    auto r = make_report(g, analyse(g));
    // Both départements known: 1-2 (same), 1-3 and 2-3 (across); 3-4 has Dan's unknown.
    CHECK(*r.cross_departement_share == doctest::Approx(2.0 / 3.0));
    // Organisations: 1-2, 1-3, 2-3 the same; 3-4 across.
    CHECK(*r.cross_organisation_share == doctest::Approx(0.25));
    g.people[0].departement.clear();
    g.people[1].departement.clear();
    CHECK_FALSE(make_report(g, analyse(g)).cross_departement_share);
}

TEST_CASE("review: needs met, by the matcher's definition, and those never met listed") {
    auto g = sample();
    // Alice seeks logement, which Chloé offers (they met in round 1); Dan seeks santé, which Bob offers
    // but Dan never sat with Bob; Fay seeks emploi and met nobody. Eve was never seated: not counted.
    g.people[0].needs = {"logement"};
    g.people[2].offers = {"emploi", "logement"};
    g.people[3].needs = {"sante"};
    g.people[1].offers = {"sante"};
    g.people[6].needs = {"emploi"};
    g.people[5].needs = {"logement"};
    auto r = make_report(g, analyse(g));
    CHECK(r.seeking_help == 3);
    CHECK(r.needs_unmet == std::vector<PersonId>{4, 7});
    auto json = report_json(g, r, "ended");
    CHECK(json["needs"]["met"] == 1);
    CHECK(json["needs"]["unmet"][0]["label"] == "Dan");
}
