// Pairwise balanced designs with blocks of 4 and 7, and the Kirkman triple systems they inflate to.
#include <doctest/doctest.h>

#include <set>

#include "matching/designs.hpp"
#include "matching/inflation.hpp"
#include "matching/kirkman.hpp"
#include "matching/pbd.hpp"
#include "matching/table_sizes.hpp"

using namespace ensemble::matching;

namespace {

// Every pair of 0..n−1 in exactly one block, every block of 4 or 7.
bool is_pbd_four_seven(int n, const Blocks& blocks) {
    std::set<std::pair<int, int>> met;
    for (const auto& block : blocks) {
        if (block.size() != 4 && block.size() != 7) return false;
        for (std::size_t i = 0; i < block.size(); ++i)
            for (std::size_t j = i + 1; j < block.size(); ++j) {
                const int a = std::min(block[i], block[j]), b = std::max(block[i], block[j]);
                if (a < 0 || b >= n || a == b || !met.insert({a, b}).second) return false;
            }
    }
    return met.size() == static_cast<std::size_t>(n) * (n - 1) / 2;
}

}  // namespace

TEST_CASE("matching: PBDs with blocks of 4 and 7, by the constructions of Beth, Jungnickel and Lenz") {
    // 22 from KTS(15); 28 and 40 from designs in tables of 4; 106 = 3·35 + 1 from TD(5, 7), 115 = 3·38 + 1
    // from TD(5, 9) cut to 2 points in its last group, 142 = 3·47 + 1 from RBIBD(40, 4, 1) with 7 classes
    // extended, each tripled.
    for (int n : {4, 7, 22, 28, 40, 106, 115, 142}) {
        CAPTURE(n);
        CHECK(is_pbd_four_seven(n, pbd_four_seven(n)));
    }
    for (int n : {10, 19, 31, 23}) {  // none exists for 10, 19 and 31; 23 ≢ 1 (mod 3)
        CAPTURE(n);
        CHECK(pbd_four_seven(n).empty());
    }
    Blocks broken = pbd_four_seven(106);  // one point moved to another block: the check sees it
    std::swap(broken[0][0], broken[1][0]);
    CHECK_FALSE(is_pbd_four_seven(106, broken));
}

TEST_CASE("matching: every Kirkman triple system up to 300 people is built, 213 by inflation alone") {
    for (int v = 3; v <= 300; v += 6) {
        CAPTURE(v);
        const Rounds& system = resolvable_design(v, 3);
        CHECK(is_resolvable_design(v, 3, system));
        CHECK(static_cast<int>(system.size()) == round_limit(v, 3));
    }
    // 231 and 285, which kirkman.cpp builds as products, by inflation too (PBDs on 115 and 142 points).
    auto triples = [](int w) -> const Rounds& { return triple_system(w); };
    for (int v : {231, 285}) {
        CAPTURE(v);
        const Rounds inflated = inflated_design(v, 3, triples);
        CHECK(is_resolvable_design(v, 3, inflated));
        CHECK(static_cast<int>(inflated.size()) == round_limit(v, 3));
    }
}
