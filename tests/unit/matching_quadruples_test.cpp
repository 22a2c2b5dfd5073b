// Resolvable (v, 4, 1) designs: zero repeats for tables of 4 up to the round limit (v − 1)/3.
#include <doctest/doctest.h>

#include "matching/finite_field.hpp"
#include "matching/quadruples.hpp"
#include "matching/table_sizes.hpp"
#include "matching_check.hpp"

using namespace matching_check;

TEST_CASE("matching: the design checker rejects a pair met twice in tables of 4") {
    Rounds good = quadruple_system(28);
    REQUIRE(is_resolvable_design(28, 4, good));
    Rounds repeated = good;
    std::swap(repeated[1][0][0], repeated[1][1][0]);  // still a partition, but the new tablemates met already
    std::swap(repeated[1][0][1], repeated[1][1][1]);
    CHECK_FALSE(is_resolvable_design(28, 4, repeated));
    CHECK_FALSE(is_resolvable_design(28, 3, good));
}

TEST_CASE(
    "matching: resolvable (3q + 1, 4, 1) designs for every prime power q ≡ 1 (mod 4) up to 208 people") {
    int built = 0;
    for (int q = 5; 3 * q + 1 <= 208; q += 4) {
        const int v = 3 * q + 1;
        int exponent = 0;
        const bool prime_power = prime_power_base(q, exponent) != 0;
        CAPTURE(v);
        const Rounds& design = quadruple_system(v);
        CHECK(design.empty() != prime_power);
        if (!prime_power) continue;
        ++built;
        CHECK(is_resolvable_design(v, 4, design));
        CHECK(static_cast<int>(design.size()) == round_limit(v, 4));
    }
    CHECK(built == 11);                    // q = 5, 9, 13, 17, 25, 29, 37, 41, 49, 53, 61
    CHECK(quadruple_system(100).empty());  // q = 33
    CHECK(quadruple_system(30).empty());
}

TEST_CASE("matching: plans of tables of 4 reach zero repeats at the round limit where a design is built") {
    for (int n : {28, 40, 76}) {
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            CAPTURE(n);
            CAPTURE(seed);
            PlanRequest request;
            request.people = people(n, 0);
            request.rounds = (n - 1) / 3;
            request.size = {4, 4, 4};
            request.seed = seed;
            request.max_steps =
                1000;  // far too few for the search alone (21 repeats on 28 × 4 × 9 after 30 s)
            Plan p = plan_rounds(request);
            REQUIRE(static_cast<int>(p.rounds.size()) == request.rounds);
            for (const auto& round : p.rounds) {
                CHECK(is_partition(round, people(n)));
                CHECK(sizes_within(round, 4, 4));
            }
            CHECK(repeats(p.rounds) == 0);
        }
    }
}
