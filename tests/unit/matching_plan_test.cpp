// Planned-ahead schedules: validity, zero repeats where the mathematics allows, determinism.
#include <doctest/doctest.h>

#include "matching_check.hpp"

using namespace matching_check;

namespace {

Plan plan_of(int n, int k, int rounds, std::uint64_t seed = 1) {
    PlanRequest request;
    request.people = people(n);
    request.rounds = rounds;
    request.size = {k, k, k};
    request.seed = seed;
    request.budget = std::chrono::seconds(20);
    return plan_rounds(request);
}

}  // namespace

TEST_CASE("matching: plans reach zero repeats on solvable instances") {
    struct Case {
        int n, k, rounds;
    };
    for (Case c : {Case{15, 3, 7}, Case{16, 4, 5}, Case{32, 4, 9}, Case{20, 4, 5}, Case{100, 5, 10},
                   Case{300, 6, 6}}) {
        CAPTURE(c.n);
        CAPTURE(c.k);
        CAPTURE(c.rounds);
        Plan plan = plan_of(c.n, c.k, c.rounds);
        REQUIRE(plan.rounds.size() == static_cast<std::size_t>(c.rounds));
        for (const auto& round : plan.rounds) {
            CHECK(is_partition(round, people(c.n)));
            CHECK(sizes_within(round, c.k, c.k));
        }
        CHECK(repeats(plan.rounds) == 0);
        CHECK(plan.report.repeated_pairs == 0);
        CHECK(plan.report.proven_optimal);
        CHECK(plan.report.problems.empty());
    }
}

TEST_CASE("matching: the report counts repeats beyond the round bound") {
    // 9 people at tables of 3 meet everyone within 4 rounds: a fifth round must repeat 9 pairs.
    Plan plan = plan_of(9, 3, 5);
    CHECK(repeats(plan.rounds) == plan.report.repeated_pairs);
    CHECK(plan.report.repeated_pairs >= 9);
    CHECK_FALSE(plan.report.proven_optimal);
}

TEST_CASE("matching: a plan is the same for a seed and differs across seeds") {
    Plan first = plan_of(30, 3, 6, 7), again = plan_of(30, 3, 6, 7), other = plan_of(30, 3, 6, 8);
    CHECK(first.rounds == again.rounds);
    CHECK(first.rounds != other.rounds);
}

TEST_CASE("matching: organisations kept apart in a plan") {
    PlanRequest request;
    for (int i = 0; i < 100; ++i) request.people.push_back({i + 1, "org" + std::to_string(i / 5), {}});
    request.rounds = 6;
    request.size = {5, 5, 5};
    request.preferences.keep_organisations_apart = true;
    Plan plan = plan_rounds(request);
    CHECK(plan.report.same_organisation_pairs == 0);
    CHECK(plan.report.repeated_pairs == 0);
    CHECK(repeats(plan.rounds) == 0);
}

TEST_CASE("matching: an organisation larger than the tables count is reported, not hidden") {
    PlanRequest request;
    for (int i = 0; i < 12; ++i)
        request.people.push_back({i + 1, i < 5 ? "big" : "other" + std::to_string(i), {}});
    request.rounds = 2;
    request.size = {3, 3, 3};  // 4 tables, 5 people of "big"
    request.preferences.keep_organisations_apart = true;
    Plan plan = plan_rounds(request);
    CHECK(plan.report.same_organisation_pairs >= 2);
    REQUIRE_FALSE(plan.report.problems.empty());
    CHECK(plan.report.problems.back().find("same organisation") != std::string::npos);
}

TEST_CASE("matching: a plan with uneven tables stays within the range") {
    PlanRequest request;
    request.people = people(23);
    request.rounds = 4;
    request.size = {4, 3, 5};
    Plan plan = plan_rounds(request);
    for (const auto& round : plan.rounds) {
        CHECK(is_partition(round, request.people));
        CHECK(sizes_within(round, 3, 5));
    }
    CHECK(repeats(plan.rounds) == 0);
}
