// The one entry point to constructed designs, and the designs inflated from smaller ones.
#include <doctest/doctest.h>

#include <algorithm>

#include "matching/cyclic_frame.hpp"
#include "matching/cyclotomic.hpp"
#include "matching/designs.hpp"
#include "matching/finite_field.hpp"
#include "matching/inflation.hpp"
#include "matching/kirkman.hpp"
#include "matching/maximal_arc.hpp"
#include "matching/packings.hpp"
#include "matching/projective.hpp"
#include "matching/rotational.hpp"
#include "matching/table_sizes.hpp"
#include "matching/transversal.hpp"
#include "matching/unital.hpp"
#include "matching_check.hpp"

using namespace matching_check;

namespace {

std::vector<std::vector<Table>> as_tables(const Rounds& rounds) {
    std::vector<std::vector<Table>> out;
    for (const auto& round : rounds) {
        out.emplace_back();
        for (const auto& table : round) out.back().emplace_back(table.begin(), table.end());
    }
    return out;
}

bool full_design(int v, int k, const Rounds& rounds) {
    return is_resolvable_design(v, k, rounds) && static_cast<int>(rounds.size()) == round_limit(v, k);
}

// Each class meets every side once, and two coordinates on different sides share exactly one block.
bool is_resolvable_transversal_design(int k, int w, const Transversals& td) {
    if (static_cast<int>(td.size()) != w) return false;
    std::vector<int> met(static_cast<std::size_t>(k * w) * k * w, 0);
    for (const auto& round : td) {
        std::vector<std::vector<char>> seen(k, std::vector<char>(w, 0));
        for (int a = 0; a < w; ++a) {
            std::vector<int> block{a};
            block.insert(block.end(), round[a].begin(), round[a].end());
            if (static_cast<int>(block.size()) != k) return false;
            for (int i = 0; i < k; ++i) {
                if (block[i] < 0 || block[i] >= w || seen[i][block[i]]) return false;
                seen[i][block[i]] = 1;
                for (int j = i + 1; j < k; ++j)
                    ++met[static_cast<std::size_t>(i * w + block[i]) * k * w + j * w + block[j]];
            }
        }
    }
    for (int i = 0; i < k; ++i)
        for (int j = i + 1; j < k; ++j)
            for (int x = 0; x < w; ++x)
                for (int y = 0; y < w; ++y)
                    if (met[static_cast<std::size_t>(i * w + x) * k * w + j * w + y] != 1) return false;
    return true;
}

}  // namespace

TEST_CASE("matching: design_rounds relabels by seed and gives fewer rounds when asked") {
    for (int k : {3, 4}) {
        const int n = k == 3 ? 33 : 28, limit = round_limit(n, k);
        CAPTURE(k);
        auto a = design_rounds(n, k, limit, 1), b = design_rounds(n, k, limit, 2),
             few = design_rounds(n, k, 4, 1);
        REQUIRE(static_cast<int>(a.size()) == limit);
        CHECK(a != b);
        CHECK(repeats(as_tables(b)) == 0);
        REQUIRE(few.size() == 4);
        CHECK(std::equal(few.begin(), few.end(), a.begin()));
    }
    CHECK(design_rounds(32, 3, 5, 1).empty());
    CHECK(design_rounds(12, 3, 5, 1).empty());    // no NKTS(12)
    CHECK(design_rounds(9999, 3, 5, 1).empty());  // KTS(9999) exists, but 4,999 rounds of it are not built
    CHECK(design_rounds(30, 4, 5, 1).empty());
}

TEST_CASE("matching: a transversal design's blocks and groups inflate smaller designs into a larger one") {
    // KTS(57) from TD(4, 7) with its groups (n = 28, blocks of 4 and 7: KTS(9), KTS(15)), checked on its own
    // although a field gives it too.
    auto triples = [](int w) -> const Rounds& { return triple_system(w); };
    CHECK(full_design(57, 3, inflated_design(57, 3, triples)));
    CHECK(inflated_design(63, 3, triples).empty());  // n = 31: no transversal design of a field
    // Tables of 4 where q = (v − 1)/3 is no prime power: 136 (TD(5, 9): designs on 16 and 28 points) and
    // 196 (TD(5, 13): 16 and 40).
    for (int v : {136, 196}) {
        CAPTURE(v);
        CHECK(full_design(v, 4, resolvable_design(v, 4)));
    }
    // Tables of 3: KTS(249) (TD(4, 31): 9 and 63 points), KTS(267) (TD(7, 19)), which filled frames give too.
    for (int v : {249, 267}) {
        CAPTURE(v);
        CHECK(full_design(v, 3, inflated_design(v, 3, triples)));
    }
}

TEST_CASE("matching: resolvable transversal designs over fields and their products") {
    struct Case {
        int k, w;
    };
    for (Case c : {Case{3, 9}, Case{3, 14}, Case{3, 15}, Case{3, 18}, Case{4, 4}, Case{4, 52}, Case{5, 25}}) {
        CAPTURE(c.k);
        CAPTURE(c.w);
        CHECK(is_resolvable_transversal_design(c.k, c.w, resolvable_transversal_design(c.k, c.w)));
    }
    CHECK(resolvable_transversal_design(3, 6).empty());   // GF(2) is too small for three sides (14 and 18
    CHECK(resolvable_transversal_design(3, 22).empty());  // come from quasi-difference matrices)
    CHECK(resolvable_transversal_design(4, 12).empty());  // and GF(3) for four
    auto broken = resolvable_transversal_design(4, 4);
    std::swap(broken[1][0], broken[1][1]);
    CHECK_FALSE(is_resolvable_transversal_design(4, 4, broken));
    // 208 = 52 · 4: the design on 52 points outside, four points at one table inside, by an RTD(4, 4).
    CHECK(full_design(208, 4, resolvable_design(208, 4)));
    // NKTS(270) = KTS(15) × NKTS(18), by the RTD(3, 18).
    CHECK(full_design(270, 3, constructed_triple_system(270)));
    // NKTS(294): KTS(21) less its first round, whose tables become groups of 3 · 14 points, each holding an
    // NKTS(42); NKTS(300) likewise from KTS(15), TD(3, 20) and NKTS(60). No RTD(3, 6) for 126 = 21 · 6.
    CHECK(full_design(294, 3, grouped_product_design(triple_system(21), triple_system(42), 14, 3)));
    CHECK(full_design(300, 3, constructed_triple_system(300)));
    CHECK(grouped_product_design(triple_system(21), triple_system(18), 6, 3).empty());
}

TEST_CASE("matching: cyclotomy seats kq people in tables of k, odd k, when its exact cover exists") {
    for (int v : {21, 39, 57, 111}) {  // KTS(3q), q = 7, 13, 19, 37
        CAPTURE(v);
        CHECK(full_design(v, 3, cyclotomic_design(v, 3)));
    }
    CHECK(full_design(205, 5, cyclotomic_design(205, 5)));  // q = 41
    CHECK(full_design(205, 5, resolvable_design(205, 5)));
    CHECK(cyclotomic_design(505, 5).empty());  // q = 101: no exponents fit
    CHECK(cyclotomic_design(301, 7).empty());  // q = 43, nor here
    CHECK(cyclotomic_design(124, 4).empty());  // even k: a coset's differences repeat
    CHECK(cyclotomic_design(195, 5).empty());  // q = 39 is no prime power
}

TEST_CASE(
    "matching: stored shifted base rounds seat 100, 172 and 280 people in tables of 4, 165, 245 and 285 in "
    "5") {
    for (int v : {100, 172, 280}) {
        CAPTURE(v);
        CHECK(full_design(v, 4, resolvable_design(v, 4)));
    }
    for (int v : {165, 245, 285}) {  // one copy of Z_q a cycle
        CAPTURE(v);
        CHECK(full_design(v, 5, resolvable_design(v, 5)));
    }
    for (const auto& base : stored_rotational_bases()) {
        CAPTURE(base.v);
        CHECK(full_design(base.v, base.k, develop(base)));
        RotationalBase moved = base;  // a point moved to another table of the base round
        std::swap(moved.blocks[base.k], moved.blocks[2 * base.k]);
        CHECK_FALSE(is_resolvable_design(base.v, base.k, develop(moved)));
    }
    CHECK(rotational_design(232, 4).empty());  // q = 77: no base round found (a cyclic frame gives it, below)
}

TEST_CASE("matching: a field's negation, in odd and even characteristic") {
    for (auto [p, m] : {std::pair{2, 4}, {3, 2}, {5, 2}, {7, 1}}) {
        CAPTURE(p);
        const FiniteField field(p, m);
        for (int a = 0; a < field.size(); ++a) CHECK(field.add(a, field.negate(a)) == 0);
        CHECK(field.negate(1) == (p == 2 ? 1 : field.exp((field.size() - 1) / 2)));  // −1
    }
}

TEST_CASE("matching: Hermitian unitals seat q³ + 1 people in tables of q + 1: 65 in tables of 5, 126 in 6") {
    for (int q : {2, 3, 4, 5, 7, 8}) {  // 9, 28, 65, 126, 344, 513 people
        CAPTURE(q);
        CHECK(full_design(q * q * q + 1, q + 1, unital_design(q * q * q + 1, q + 1)));
    }
    CHECK(full_design(65, 5, resolvable_design(65, 5)));
    CHECK(full_design(126, 6, resolvable_design(126, 6)));
    CHECK(unital_design(217, 7).empty());  // q = 6 is no prime power
    CHECK(unital_design(66, 5).empty());
}

TEST_CASE("matching: Denniston's maximal arcs seat 120 and 232 people in tables of 8") {
    for (auto [v, k] :
         {std::pair{28, 4}, {52, 4}, {100, 4}, {196, 4}, {120, 8}, {232, 8}, {64, 8}, {496, 16}}) {
        CAPTURE(v);
        CHECK(full_design(v, k, maximal_arc_design(v, k)));
    }
    CHECK(full_design(120, 8, resolvable_design(120, 8)));
    CHECK(full_design(232, 8, resolvable_design(232, 8)));
    CHECK(maximal_arc_design(176, 8).empty());  // q = 24 is no power of 2
    CHECK(maximal_arc_design(96, 6).empty());   // nor is k
}

TEST_CASE("matching: packings of PG(3, q) seat 85 people in tables of 5 and 156 in tables of 6") {
    for (int q : {2, 3, 4, 5}) {
        CAPTURE(q);
        const ProjectiveSpace space(q);
        CHECK(space.size() == ((q + 1) * q + 1) * q + 1);
        CHECK(space.lines().size() ==
              static_cast<std::size_t>(space.size() * (space.size() - 1) / (q * (q + 1))));
    }
    CHECK(full_design(85, 5, resolvable_design(85, 5)));
    CHECK(full_design(156, 6, resolvable_design(156, 6)));
    for (const auto& base : stored_packings()) {
        CAPTURE(base.q);
        const int v = ((base.q + 1) * base.q + 1) * base.q + 1;
        CHECK(full_design(v, base.q + 1, develop(base)));
        BaseSpreads moved = base;  // one line of the base spreads replaced by another through its first point
        moved.lines[1] = moved.lines[1] == 1 ? 2 : 1;
        CHECK_FALSE(is_resolvable_design(v, base.q + 1, develop(moved)));
    }
}

TEST_CASE("matching: cyclic frames with their holes filled by AG(2, k) seat 232 in tables of 4, 265 in 5") {
    for (const auto& base : stored_frame_bases()) {
        CAPTURE(base.v);
        CHECK(full_design(base.v, base.k, develop(base)));
        FrameBase swapped = base;  // two people of the base round trade tables
        std::swap(swapped.blocks[0], swapped.blocks[base.k]);
        CHECK_FALSE(is_resolvable_design(base.v, base.k, develop(swapped)));
    }
    CHECK(full_design(232, 4, resolvable_design(232, 4)));
    CHECK(full_design(265, 5, resolvable_design(265, 5)));
    CHECK(develop(FrameBase{230, 4, {}}).empty());  // 230 − 4 is no multiple of 4 · 3
    CHECK(frame_design(232, 5).empty());
}
