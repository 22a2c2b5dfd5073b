// Live rounds: history, hard constraints, infeasible requests in words, following a plan.
#include <doctest/doctest.h>

#include "matching_check.hpp"

using namespace matching_check;

namespace {

RoundRequest request_of(int n, TableSize size, const History* history = nullptr, int round = 1) {
    RoundRequest request;
    request.people = people(n);
    request.size = size;
    request.history = history;
    request.round = round;
    request.budget = std::chrono::seconds(5);
    return request;
}

bool mentions(const Report& report, const std::string& words) {
    for (const auto& problem : report.problems)
        if (problem.find(words) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("matching: live rounds with history avoid every repeat") {
    History history;
    std::vector<std::vector<Table>> rounds;
    for (int round = 1; round <= 6; ++round) {
        auto request = request_of(60, {4, 3, 5}, &history, round);
        request.seed = static_cast<std::uint64_t>(round);
        RoundResult result = next_round(request);
        CHECK(is_partition(result.tables, request.people));
        CHECK(sizes_within(result.tables, 3, 5));
        CHECK(result.report.new_repeated_pairs == 0);
        for (const auto& table : result.tables) history.record_table(table, round);
        rounds.push_back(result.tables);
    }
    CHECK(repeats(rounds) == 0);
}

TEST_CASE("matching: a history's copies share their meetings until one changes, each then its own") {
    History event;
    event.record_pair(1, 2, 1);
    History job = event;  // as the room hands the matcher a copy
    job.record_pair(3, 4, 2);
    event.record_pair(1, 2, 2);
    event.merge(2, 5);
    CHECK(event.times_met(1, 2) == 2);
    CHECK(event.times_met(3, 4) == 0);
    CHECK(job.times_met(1, 2) == 1);
    CHECK(job.last_round_met(3, 4) == 2);
    job.record_meeting(3, 4, 2);  // moved away and back in the same round: still one meeting
    job.record_meeting(3, 4, 3);
    CHECK(job.times_met(3, 4) == 2);
    History empty;
    History copy_of_empty = empty;
    copy_of_empty.record_pair(7, 8, 1);
    CHECK(empty.pair_count() == 0);
    CHECK(copy_of_empty.pair_count() == 1);
}

TEST_CASE("matching: table sizes for awkward counts") {
    struct Case {
        int n;
        TableSize size;
        int tables;
        bool problem;
    };
    for (Case c : {Case{10, {4, 3, 5}, 3, false}, Case{7, {4, 3, 5}, 2, false}, Case{2, {4, 3, 5}, 1, true},
                   Case{8, {4, 4, 4}, 2, false}, Case{9, {4, 4, 4}, 3, true}, Case{1, {4, 2, 6}, 1, true}}) {
        CAPTURE(c.n);
        RoundResult result = next_round(request_of(c.n, c.size));
        CHECK(result.tables.size() == static_cast<std::size_t>(c.tables));
        CHECK(is_partition(result.tables, people(c.n)));
        CHECK(result.report.problems.empty() == !c.problem);
    }
}

TEST_CASE("matching: never_together and keep_together hold") {
    auto request = request_of(24, {4, 4, 4});
    request.constraints.never_together = {{1, 2}, {1, 3}, {2, 3}, {4, 5}};
    request.constraints.keep_together = {{6, 7, 8}, {9, 10}};
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        request.seed = seed;
        RoundResult result = next_round(request);
        CHECK(is_partition(result.tables, request.people));
        CHECK_FALSE(together(result.tables, 1, 2));
        CHECK_FALSE(together(result.tables, 2, 3));
        CHECK_FALSE(together(result.tables, 4, 5));
        CHECK(together(result.tables, 6, 8));
        CHECK(together(result.tables, 9, 10));
        CHECK(result.report.problems.empty());
    }
}

TEST_CASE("matching: impossible constraints are reported in words") {
    SUBCASE("a group larger than any table") {
        auto request = request_of(12, {3, 3, 3});
        request.constraints.keep_together = {{1, 2, 3, 4, 5}};
        RoundResult result = next_round(request);
        CHECK(is_partition(result.tables, request.people));
        CHECK(mentions(result.report, "cannot keep 5 people together"));
    }
    SUBCASE("kept together and never together") {
        auto request = request_of(12, {3, 3, 3});
        request.constraints.keep_together = {{1, 2}};
        request.constraints.never_together = {{1, 2}};
        CHECK(mentions(next_round(request).report, "must be kept together and never together"));
    }
    SUBCASE("more people who must be apart than tables") {
        auto request = request_of(6, {3, 3, 3});
        request.constraints.never_together = {{1, 2}, {1, 3}, {2, 3}};
        RoundResult result = next_round(request);
        CHECK(mentions(result.report, "must never be"));
    }
}

TEST_CASE("matching: the same seed gives the same round") {
    History history;
    history.record_table(std::vector<PersonId>{1, 2, 3, 4}, 1);
    auto request = request_of(40, {4, 3, 5}, &history, 2);
    request.seed = 42;
    CHECK(next_round(request).tables == next_round(request).tables);
}

TEST_CASE("matching: organisations are mixed as a soft preference") {
    auto request = request_of(40, {4, 4, 4});
    for (auto& person : request.people) person.organisation = "org" + std::to_string(person.id % 10);
    RoundResult result = next_round(request);
    CHECK(result.report.same_organisation_pairs == 0);
}

TEST_CASE("matching: the live server follows a plan while attendance matches") {
    PlanRequest plan_request;
    plan_request.people = people(20);
    plan_request.rounds = 3;
    plan_request.size = {4, 4, 4};
    Plan plan = plan_rounds(plan_request);
    REQUIRE(plan.report.repeated_pairs == 0);

    History history;
    auto request = request_of(20, {4, 4, 4}, &history, 1);
    RoundResult first = next_round_from_plan(plan, request);
    CHECK(first.report.from_plan);
    CHECK(first.tables == plan.rounds[0]);
    for (const auto& table : first.tables) history.record_table(table, 1);

    // Person 20 left and 21 arrived: a live round starting from the planned one.
    request.round = 2;
    request.people.back().id = 21;
    RoundResult second = next_round_from_plan(plan, request);
    CHECK_FALSE(second.report.from_plan);
    CHECK(is_partition(second.tables, request.people));
    CHECK(second.report.new_repeated_pairs == 0);

    request.round = 9;  // beyond the plan
    CHECK_FALSE(next_round_from_plan(plan, request).report.from_plan);
}

TEST_CASE("matching: ten thousand people in one live round with history") {
    History history;
    std::vector<Table> previous;
    for (int round = 1; round <= 2; ++round) {
        auto request = request_of(10000, {6, 5, 7}, &history, round);
        request.seed = static_cast<std::uint64_t>(round);
        RoundResult result = next_round(request);
        CHECK(is_partition(result.tables, request.people));
        CHECK(result.report.new_repeated_pairs == 0);
        for (const auto& table : result.tables) history.record_table(table, round);
    }
}

TEST_CASE("matching: one more, smaller table when the table count forces repeats") {
    History history;
    RoundResult first = next_round(request_of(12, {4, 3, 5}, &history, 1));
    REQUIRE(first.tables.size() == 3);
    for (const auto& table : first.tables) history.record_table(table, 1);
    RoundResult second = next_round(request_of(12, {4, 3, 5}, &history, 2));
    CHECK(second.tables.size() == 4);
    CHECK(sizes_within(second.tables, 3, 3));
    CHECK(second.report.new_repeated_pairs == 0);
}

TEST_CASE("matching: a plan whose round would repeat given the real history is not followed") {
    PlanRequest plan_request;
    plan_request.people = people(16);
    plan_request.rounds = 2;
    plan_request.size = {4, 4, 4};
    Plan plan = plan_rounds(plan_request);
    History drifted;  // the room sat as the plan's second round says, during round 1
    for (const auto& table : plan.rounds[1]) drifted.record_table(table, 1);
    auto request = request_of(16, {4, 4, 4}, &drifted, 2);
    RoundResult result = next_round_from_plan(plan, request);
    CHECK_FALSE(result.report.from_plan);
    CHECK(result.report.new_repeated_pairs == 0);
}

TEST_CASE("matching: rounds where repeats are unavoidable are still the same for a seed") {
    History history;
    for (int round = 1; round <= 6; ++round) {
        auto request = request_of(12, {3, 3, 3}, &history, round);
        request.seed = 5;
        RoundResult result = next_round(request);
        CHECK(result.tables == next_round(request).tables);
        CHECK(is_partition(result.tables, request.people));
        for (const auto& table : result.tables) history.record_table(table, round);
    }
}
