// The one cost model: the search, the score report and live repairs price a seating alike.
#include <doctest/doctest.h>

#include "matching/affine_seed.hpp"
#include "matching/organisation.hpp"
#include "matching/problem.hpp"
#include "matching/score.hpp"
#include "matching/solve.hpp"
#include "matching/table_sizes.hpp"
#include "matching_check.hpp"

using namespace matching_check;

TEST_CASE("matching: the score report and the search agree on the cost of the same schedule") {
    // History with recent and old meetings, organisations, a never_together pair: every term of the model.
    std::vector<Person> present = people(24, 5);
    History history;
    for (PersonId a = 1; a <= 12; ++a) history.record_pair(a, a + 1, a % 3 == 0 ? 1 : 4);
    history.record_pair(2, 3, 2);
    Constraints constraints;
    constraints.never_together = {{1, 7}, {5, 20}};
    Preferences preferences;
    preferences.recency_weight = 3;
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        CAPTURE(seed);
        std::vector<std::string> problems;
        Problem problem = make_problem(present, constraints, preferences, 4, problems);
        SolveInput input;
        input.history = &history;
        input.first_round = 5;
        input.rounds = 3;
        input.sizes = table_sizes(problem.n, {4, 4, 4}, problems);
        input.seed = seed;
        input.max_steps = static_cast<std::int64_t>(seed) * 3;  // stop early: costs left to compare
        input.deadline = std::chrono::steady_clock::time_point::max();
        SolveOutput output = solve(problem, input, problems);
        std::vector<std::vector<Table>> rounds;
        for (const auto& round : output.rounds) rounds.push_back(to_ids(problem, round));
        Report report;
        score({present, &history, constraints, preferences, {4, 4, 4}, 5}, rounds, report);
        CHECK(output.cost > 0);
        CHECK(report.cost == output.cost);
    }
}

TEST_CASE("matching: a repair prices a repeat as the search does, once per pair meeting again") {
    // Meeting person 1 a fourth time adds one repeated pair; meeting 4 and 5 again adds two.
    std::vector<Table> tables = {{1, 2, 3}, {4, 5, 6}};
    std::unordered_map<PersonId, Person> everyone;
    for (PersonId id = 1; id <= 7; ++id) everyone.emplace(id, Person{id, {}, {}});
    History history;
    for (int round = 1; round <= 3; ++round) history.record_pair(7, 1, round);
    history.record_pair(7, 4, 3);
    history.record_pair(7, 5, 3);
    LiveContext context{&tables, &everyone, &history, {4, 3, 5}, {}, 4, nullptr};
    auto moves = seat_late_joiner(context, everyone.at(7));
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].to_table == 0);
}

TEST_CASE("matching: organisations differing only in case, accents or spaces are one organisation") {
    CHECK(organisation_key("Acme") == "acme");
    CHECK(organisation_key("  ACME ") == "acme");
    CHECK(organisation_key("Âcme") == "acme");
    CHECK(organisation_key("Pôle  Emploi") == "pole emploi");
    CHECK(organisation_key("ŒUVRE") == "oeuvre");
    CHECK(organisation_key("") == "");
    CHECK(organisation_key("Acme") != organisation_key("Acne"));

    // The score report counts them as one organisation.
    std::vector<Person> present = {{1, "Acme", {}}, {2, "ACME", {}}, {3, "Âcme", {}}, {4, "Other", {}}};
    Report report;
    score({present, nullptr, {}, {}, {2, 2, 2}, 1}, {{{1, 2}, {3, 4}}}, report);
    CHECK(report.same_organisation_pairs == 1);

    // A live repair keeps them apart.
    std::vector<Table> tables = {{1, 4}, {5, 6}};
    std::unordered_map<PersonId, Person> everyone;
    for (const auto& person : present) everyone.emplace(person.id, person);
    everyone.emplace(5, Person{5, "x", {}});
    everyone.emplace(6, Person{6, "y", {}});
    Preferences apart;
    apart.keep_organisations_apart = true;
    LiveContext context{&tables, &everyone, nullptr, {3, 2, 3}, apart, 1, nullptr};
    auto moves = seat_late_joiner(context, everyone.at(2));
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].to_table == 1);

    // The planner keeps them apart too: 9 people at 3 tables, three spellings of one organisation.
    PlanRequest request;
    request.people = people(9);
    request.people[0].organisation = "Acme";
    request.people[1].organisation = "ACME";
    request.people[2].organisation = "  âcme";
    request.rounds = 4;
    request.size = {3, 3, 3};
    request.preferences.keep_organisations_apart = true;
    Plan plan = plan_rounds(request);
    CHECK(plan.report.same_organisation_pairs == 0);
    for (const auto& round : plan.rounds) {
        CHECK_FALSE(together(round, 1, 2));
        CHECK_FALSE(together(round, 1, 3));
        CHECK_FALSE(together(round, 2, 3));
    }
}

TEST_CASE("matching: the geometric start is complete for every seed at the round limit") {
    struct Case {
        int n, k;
    };
    for (Case c : {Case{9, 3}, Case{16, 4}, Case{25, 5}, Case{27, 3}, Case{49, 7}, Case{64, 8}, Case{64, 4},
                   Case{81, 9}, Case{125, 5}}) {
        int limit = (c.n - 1) / (c.k - 1);
        std::vector<Person> everyone;  // the start's people are indices 0..n-1
        for (int i = 0; i < c.n; ++i) everyone.push_back({i, "", {}});
        for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            CAPTURE(c.n);
            CAPTURE(c.k);
            CAPTURE(seed);
            auto rounds = affine_rounds(c.n, c.k, limit, seed);
            REQUIRE(static_cast<int>(rounds.size()) == limit);
            std::vector<std::vector<Table>> tables;
            for (const auto& round : rounds) {
                tables.emplace_back();
                for (const auto& table : round) tables.back().emplace_back(table.begin(), table.end());
                CHECK(is_partition(tables.back(), everyone));
                CHECK(sizes_within(tables.back(), c.k, c.k));
            }
            CHECK(repeats(tables) == 0);
        }
    }
}

TEST_CASE("matching: a plan tries one more, smaller table when the count of tables forces repeats") {
    // 12 people at 3 tables of 4 repeat from the second round on; 4 tables of 3 do not.
    PlanRequest request;
    request.people = people(12);
    request.rounds = 3;
    request.size = {4, 3, 4};
    Plan plain = plan_rounds(request);
    CHECK(plain.report.repeated_pairs > 0);
    request.smaller_tables_when_repeating = true;
    Plan smaller = plan_rounds(request);
    CHECK(smaller.report.repeated_pairs == 0);
    CHECK(repeats(smaller.rounds) == 0);
    for (const auto& round : smaller.rounds) {
        CHECK(round.size() == 4);
        CHECK(is_partition(round, request.people));
    }
}

TEST_CASE("matching: a budget of years still searches instead of overflowing the clock") {
    // Tables of 4, 4, 4 and 3: no constructed start, so the search has work to do.
    PlanRequest request;
    request.people = people(15);
    request.rounds = 4;
    request.size = {4, 3, 4};
    request.budget = std::chrono::milliseconds::max();
    Plan plan = plan_rounds(request);
    CHECK(plan.report.steps > 0);
    CHECK(plan.report.repeated_pairs == 0);
}
