// Needs met by offers (matching/needs.hpp): the one definition, the flow's upper bound, and the groups a
// mutual-help round keeps together. Every expected figure is worked out by hand in the comments.
#include <doctest/doctest.h>

#include <algorithm>

#include "matching/needs.hpp"

using namespace ensemble::matching;

namespace {

Person seeker(PersonId id, std::vector<std::string> needs, std::string organisation = {}) {
    Person p{id, organisation.empty() ? "Org " + std::to_string(id) : organisation, {}};
    p.needs = std::move(needs);
    return p;
}

Person helper(PersonId id, std::vector<std::string> offers) {
    Person p{id, "Org " + std::to_string(id), {}};
    p.offers = std::move(offers);
    return p;
}

bool together(const std::vector<std::vector<PersonId>>& groups, PersonId a, PersonId b) {
    return std::any_of(groups.begin(), groups.end(), [&](const auto& g) {
        return std::count(g.begin(), g.end(), a) && std::count(g.begin(), g.end(), b);
    });
}

}  // namespace

TEST_CASE("needs: a need is met by a tablemate who offers one of its topics, never by the person alone") {
    std::vector<Person> people{seeker(1, {"logement", "sante"}), helper(2, {"sante"}), seeker(3, {"emploi"}),
                               helper(4, {"logement"})};
    std::unordered_map<PersonId, const Person*> by_id;
    for (const auto& p : people) by_id[p.id] = &p;
    // 1 sits with 2 (santé): met. 3 sits with 4, who offers logement, not emploi: not met.
    auto count = count_needs_met({{1, 2}, {3, 4}}, by_id);
    CHECK(count.needs == 2);
    CHECK(count.met == 1);
    // Someone who offers what they seek does not meet their own need.
    Person both = seeker(5, {"logement"});
    both.offers = {"logement"};
    by_id[5] = &both;
    CHECK(count_needs_met({{5, 3}}, by_id).met == 0);
    REQUIRE(topic_offered({"emploi", "sante"}, {"logement", "sante"}));
    CHECK(*topic_offered({"emploi", "sante"}, {"logement", "sante"}) == "sante");
    CHECK_FALSE(topic_offered({"emploi"}, {"logement"}));
}

TEST_CASE("needs: the upper bound is a maximum flow, each helper sitting with at most a table's others") {
    // Three seek logement, one offers it; tables of 3 leave the helper 2 others: 2 can be met. The one who
    // seeks budget has nobody: not met. A second helper of logement lifts it to 3.
    std::vector<Person> people{seeker(1, {"logement"}), seeker(2, {"logement"}), seeker(3, {"logement"}),
                               seeker(4, {"budget"}), helper(5, {"logement"})};
    CHECK(most_needs_met(people, 3) == 2);
    CHECK(most_needs_met(people, 5) == 3);
    people.push_back(helper(6, {"logement", "emploi"}));
    CHECK(most_needs_met(people, 3) == 3);
    // Nobody offers anything: no need can be met, whatever the tables.
    CHECK(most_needs_met({seeker(1, {"sante"}), seeker(2, {"emploi"})}, 5) == 0);
}

TEST_CASE("needs: groups seat each need with a helper, new faces and needs never met first") {
    // Tables of 2: the helper has room for one. 2 was never met, 1 was: 2 is served.
    std::vector<Person> people{seeker(1, {"logement"}), seeker(2, {"logement"}), helper(3, {"logement"})};
    auto groups = need_groups(people, nullptr, 2, {2});
    REQUIRE(groups.size() == 1);
    CHECK(together(groups, 2, 3));
    CHECK_FALSE(together(groups, 1, 3));
    // With neither first, the flow serves one of them; with room for two, both.
    CHECK(need_groups(people, nullptr, 2, {}).size() == 1);
    CHECK(together(need_groups(people, nullptr, 3, {}), 1, 3));
    CHECK(together(need_groups(people, nullptr, 3, {}), 2, 3));

    // Two helpers of logement, and 1 already met helper 4: 1 goes to helper 5.
    History history;
    history.record_pair(1, 4, 1);
    std::vector<Person> two{seeker(1, {"logement"}), helper(4, {"logement"}), helper(5, {"logement"})};
    auto fresh = need_groups(two, &history, 4, {1});
    CHECK(together(fresh, 1, 5));
    CHECK_FALSE(together(fresh, 1, 4));
    // 1 and 2 met before and both seek logement from 4 or 5, with room for two each: they go to
    // different helpers rather than meet again around one. Had they no other choice, they would.
    history.record_pair(1, 2, 1);
    std::vector<Person> both{seeker(1, {"logement"}), seeker(2, {"logement"}), helper(4, {"logement"}),
                             helper(5, {"logement"})};
    auto apart = need_groups(both, &history, 3, {1, 2});
    CHECK_FALSE(together(apart, 1, 2));
    CHECK((together(apart, 1, 5) && together(apart, 2, 4)));
    auto forced = need_groups({seeker(1, {"logement"}), seeker(2, {"logement"}), helper(5, {"logement"})},
                              &history, 3, {1, 2});
    CHECK(together(forced, 1, 5));
    CHECK(together(forced, 2, 5));
    // Nobody offers what 1 seeks: no group is made up.
    CHECK(need_groups({seeker(1, {"sante"}), helper(2, {"emploi"})}, nullptr, 4, {1}).empty());
}

TEST_CASE("needs: a group never grows past a table") {
    // 1 seeks logement (offered by 2) and offers emploi to 3 and 4; 2 also helps 5 and 6. Tables of 3: the
    // groups joined through 1 would hold 1, 2, 3, 4, 5, 6 — each group stays at 3 or fewer.
    Person one = seeker(1, {"logement"});
    one.offers = {"emploi"};
    std::vector<Person> people{one,
                               helper(2, {"logement"}),
                               seeker(3, {"emploi"}),
                               seeker(4, {"emploi"}),
                               seeker(5, {"logement"}),
                               seeker(6, {"logement"})};
    auto groups = need_groups(people, nullptr, 3, {1, 3, 4, 5, 6});
    CHECK_FALSE(groups.empty());
    for (const auto& group : groups) CHECK(group.size() <= 3);
}
