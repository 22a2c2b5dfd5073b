#include "matching/kirkman.hpp"

#include <algorithm>

#include "matching/cyclotomic.hpp"
#include "matching/finite_field.hpp"
#include "matching/kirkman_data.hpp"
#include "matching/transversal.hpp"

namespace ensemble::matching {
namespace {

bool prime_power_one_mod_six(int q, int& p, int& m) {
    p = q > 1 ? prime_power_base(q, m) : 0;
    return p != 0 && q % 6 == 1;
}

// KTS(2q + 1) for a prime power q = 6t + 1: Ray-Chaudhuri and Wilson (1971), Theorem 6; Stinson, "A survey
// of Kirkman triple systems and related designs" (1991), Construction 1.1. Points GF(q) × {0, 1} ∪ {∞},
// a primitive, a^m = (a^t + 1)/2; the base round is {(0,0),(0,1),∞}, {(a^i,0),(a^(i+t),0),(a^(m+i),1)} for
// i in [0,t) ∪ [2t,3t) ∪ [4t,5t), and {(a^(m+t+i),1),(a^(m+3t+i),1),(a^(m+5t+i),1)} for i in [0,t).
Rounds two_q_plus_one(int q) {
    int p = 0, e = 0;
    if (!prime_power_one_mod_six(q, p, e)) return {};
    FiniteField field(p, e);
    const int t = (q - 1) / 6;
    // (a^t + 1)/2 as a power of a: 2 = 1 + 1 is the element of logarithm log(2).
    int two = field.add(1, 1);
    int m = field.log(field.add(field.exp(t), 1)) - field.log(two);
    auto a = [&](int e) { return field.exp(e); };
    std::vector<std::vector<int>> base{{0, q, 2 * q}};
    for (int i = 0; i < 5 * t; ++i)
        if ((i / t) % 2 == 0) base.push_back({a(i), a(i + t), q + a(m + i)});
    for (int i = 0; i < t; ++i)
        base.push_back({q + a(m + t + i), q + a(m + 3 * t + i), q + a(m + 5 * t + i)});
    return field_shifts(field, 2, base, {});
}

// NKTS(2wu + 2) from a KTS(2u + 1), an NKTS(2w + 2) and a resolvable TD(3, w), or KTS(2wu + 1) the same way
// from a KTS(2w + 1): the KTS less one point ∞ is a Kirkman frame of type 2^u (each round less its block
// {∞, x, y} misses the hole {x, y}, and the holes partition the rest); the TD inflates each point x to
// x × {0..w−1} (numbered x·w + a) and each round to w rounds, leaving holes of 2w points; two new points (one
// for a KTS) fill every hole with a copy of the smaller system in which they are a group (its point 0), its w
// rounds completing the hole's w rounds. Filling the holes of a frame: Stinson, "Frames for Kirkman triple
// systems" (1987); the groups are {∞₁, ∞₂} and the copies' own.
Rounds filled_frame(const Rounds& kts, int u, const Rounds& filler, int w) {
    Transversals td = resolvable_transversal_design(3, w);
    if (td.empty() || static_cast<int>(filler.size()) != w) return {};
    const int size = 3 * static_cast<int>(filler.front().size());  // 2w + 2, or 2w + 1
    const int infinity = 2 * u, first = 2 * u * w;  // ∞ of the KTS; ∞₁ (, ∞₂) = first (, first + 1)
    // The copy's points: 0 (and, in an NKTS, the one it never meets) become the new points, the others the
    // hole's 2w places.
    std::vector<char> met(size, 0);
    for (const auto& round : filler)
        for (const auto& block : round)
            if (std::find(block.begin(), block.end(), 0) != block.end())
                for (int p : block) met[p] = 1;
    std::vector<int> place(size, -1);
    for (int p = 1, next = 0; p < size; ++p) place[p] = met[p] ? next++ : -2;  // −2: the partner of 0
    Rounds rounds;
    for (const auto& round : kts) {
        auto hole = std::find_if(round.begin(), round.end(), [&](const auto& b) {
            return std::find(b.begin(), b.end(), infinity) != b.end();
        });
        if (hole == round.end()) return {};
        std::vector<int> hole_points;
        for (int x : *hole)
            for (int a = 0; x != infinity && a < w; ++a) hole_points.push_back(x * w + a);
        auto fill = [&](int p) {
            return p == 0 ? first : place[p] == -2 ? first + 1 : hole_points[place[p]];
        };
        for (int c = 0; c < w; ++c) {
            rounds.emplace_back();
            for (const auto& block : round)
                if (&block != &*hole) inflate(block, td, c, rounds.back());
            for (const auto& block : filler[c])
                rounds.back().push_back({fill(block[0]), fill(block[1]), fill(block[2])});
        }
    }
    return rounds;
}

Rounds stored(int v) {
    for (const auto& base : stored_cyclic_bases())
        if (base.v == v) return develop(base);
    for (const auto& system : stored_systems()) {
        if (system.v != v || system.triples.size() % v) continue;
        Rounds rounds;
        for (std::size_t i = 0; i < system.triples.size(); i += 3) {
            if (i % v == 0) rounds.emplace_back();
            rounds.back().push_back({system.triples[i], system.triples[i + 1], system.triples[i + 2]});
        }
        return rounds;
    }
    return {};
}

}  // namespace

Rounds constructed_triple_system(int v) {
    if (v == 3) return {{{0, 1, 2}}};
    if (v % 6 == 3) {
        if (auto r = two_q_plus_one((v - 1) / 2); !r.empty()) return r;
        if (auto r = cyclotomic_design(v, 3); !r.empty()) return r;  // KTS(3q)
    }
    // A product of a KTS(u) outside and a smaller system inside, KTS(w) or NKTS(w), through a resolvable
    // TD(3, w) (none when w has a factor 2 alone, but for 14 and 18); or the KTS(u)'s first round as groups
    // of 3w points, each holding a system on 3w points.
    for (int u = 3; u * 3 <= v; u += 6) {
        const int w = v / u;
        if (v % u) continue;
        const Rounds& outer = triple_system(u);
        if (outer.empty()) continue;
        if (w % 6 == v % 6)
            if (const Rounds& inner = triple_system(w); !inner.empty())
                if (auto r = product_design(outer, u, inner, w, 3); !r.empty()) return r;
        if (u > 3)
            if (const Rounds& inner = triple_system(3 * w); !inner.empty())
                if (auto r = grouped_product_design(outer, inner, w, 3); !r.empty()) return r;
    }
    // A filled frame: NKTS(2wu + 2) from a KTS(2u + 1) and an NKTS(2w + 2), KTS(2wu + 1) from two KTS.
    const int added = v % 6 == 0 ? 2 : v % 6 == 3 ? 1 : 0;  // the new points
    for (int u = 4; added && 4 * u <= v - added; u += 3) {  // w ≥ 2: a smaller filler
        if ((v - added) % (2 * u)) continue;
        int w = (v - added) / (2 * u);
        const Rounds& kts = triple_system(2 * u + 1);
        const Rounds& filler = triple_system(2 * w + added);
        if (kts.empty() || filler.empty()) continue;
        if (auto r = filled_frame(kts, u, filler, w); !r.empty()) return r;
    }
    return {};
}

namespace {

Rounds build(int v) {
    if (auto r = constructed_triple_system(v); !r.empty()) return r;
    return stored(v);
}

}  // namespace

const Rounds& triple_system(int v) {
    return kept_design(v, 3, [](int n) { return build(n); });  // products call back in for their factors
}

bool is_resolvable_triple_system(int v, const Rounds& rounds) { return is_resolvable_design(v, 3, rounds); }

}  // namespace ensemble::matching
