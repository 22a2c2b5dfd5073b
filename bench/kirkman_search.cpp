// Writes server/matching/kirkman_data.cpp: for every order up to a bound that no construction of
// matching/kirkman.cpp covers, a cyclic base found by the search of matching/cyclic_triples.hpp, and
// NKTS(18), which has no such base, found by the planner's own search. Deterministic for the same budget.
// Usage: kirkman_search [largest order = 300] [budget per shape = 30000000000] [smallest order = 9]
// [moves for the annealed shapes = 20000000000] > server/matching/kirkman_data.cpp (a smallest order above 9
// resumes or splits a long search: its output then holds the orders from there, to merge with another
// run's). Each order tries the backtracked shapes first, then the 1-rotational one, annealed.
// Or: kirkman_search --sat V [solver = cadical] (`make kirkman-sat V=…`): the two-copies shape of order V
// by a SAT solver, printed as one line of the data file (the orders the searches above miss: 150, 174, 204).
// Or: kirkman_search --packing Q POWER [solver = cadical]: a packing of PG(3, Q) whose rounds are the images
// of a few base spreads by σ = ProjectiveSpace::sigma(POWER), printed as a line of matching/packings.cpp
// (Q = 4, POWER = 9: 85 people in tables of 5; Q = 5, POWER = 4: 156 in tables of 6).
// Or: kirkman_search --rotational V K [multiplier = 1] [solver = cadical]: a 1-rotational design on V points
// in tables of K, its base round also fixed by x ↦ multiplier·x, printed as a line of matching/rotational.cpp
// (100 4; 172 4 121). Or --copies V K [multiplier = 1] [turn = K − 1] [solver = cadical]: one whose rounds
// shift each of K − 1 copies of Z_q, its base round also fixed by moving every copy turn ahead (165 5 10 2).
// Or --frame V K [multiplier = 1] [solver = cadical]: the base round of a cyclic frame, filled with AG(2, K)
// (matching/cyclic_frame.hpp), printed as a line of matching/cyclic_frame.cpp (232 4 121).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>
#include <string>

#include "matching/cyclic_frame.hpp"
#include "matching/finite_field.hpp"
#include "matching/kirkman.hpp"
#include "matching/kirkman_data.hpp"
#include "matching/packings.hpp"
#include "matching/problem.hpp"
#include "matching/projective.hpp"
#include "matching/rotational.hpp"
#include "matching/solve.hpp"
#include "matching/table_sizes.hpp"
#include "matching/transversal.hpp"
#include "sat_formula.hpp"

using namespace ensemble::matching;

namespace {

const char* shape_name(CyclicShape shape) {
    switch (shape) {
        case CyclicShape::kts_two_copies:
            return "kts_two_copies";
        case CyclicShape::kts_three_copies:
            return "kts_three_copies";
        case CyclicShape::nkts_two_copies:
            return "nkts_two_copies";
        case CyclicShape::nkts_three_copies:
            return "nkts_three_copies";
        case CyclicShape::kts_one_rotational:
            return "kts_one_rotational";
        case CyclicShape::nkts_one_rotational:
            return "nkts_one_rotational";
    }
    return "";
}

Rounds develop_flat(int v, const std::vector<int>& triples) {
    Rounds rounds;
    for (std::size_t i = 0; i + 2 < triples.size(); i += 3) {
        if (i % v == 0) rounds.emplace_back();
        rounds.back().push_back({triples[i], triples[i + 1], triples[i + 2]});
    }
    return rounds;
}

// Whether kirkman.cpp's product builds v from orders found so far (this run's data is not compiled in yet).
bool product_covers(int v, const std::set<int>& have) {
    for (int u = 3; u * 3 <= v; u += 6) {
        int w = v / u;
        if (v % u == 0 && w % 6 == v % 6 && !resolvable_transversal_design(3, w).empty() && have.count(u) &&
            have.count(w))
            return true;
    }
    return false;
}

std::string flat(const std::vector<int>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + std::to_string(values[i]);
    return out + "}";
}

// NKTS(18) from the planner's search alone (solve.hpp, no constructed start): 18 people, tables of 3, the 8
// rounds of the limit, seeds in order until no pair meets twice.
std::vector<int> nkts18() {
    std::vector<Person> people;
    for (int i = 0; i < 18; ++i) people.push_back({i, "", {}});
    std::vector<std::string> problems;
    Problem problem = make_problem(people, {}, {}, 3, problems);
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        SolveInput input;
        input.rounds = 8;
        input.sizes = table_sizes(problem.n, {3, 3, 3}, problems);
        input.seed = seed;
        input.max_steps = 20'000'000;
        input.patience = 400;
        input.deadline = std::chrono::steady_clock::time_point::max();
        SolveOutput output = solve(problem, input, problems);
        std::vector<int> triples;
        for (const auto& round : output.rounds)
            for (const auto& table : round) triples.insert(triples.end(), table.begin(), table.end());
        if (output.cost != 0 || !is_resolvable_triple_system(18, develop_flat(18, triples))) continue;
        std::fprintf(stderr, "NKTS(18) from seed %llu\n", static_cast<unsigned long long>(seed));
        return triples;
    }
    return {};
}

// The tables a model seats: each point of `points` with its partners (pair[x·size + y]: the variable of {x,
// y}, 0 where they never meet), flat, sorted by their first point.
std::vector<int> tables(const std::vector<char>& model, const std::vector<int>& pair, int size,
                        const std::vector<int>& points) {
    std::set<std::vector<int>> blocks;
    for (int a : points) {
        std::vector<int> block{a};
        for (int b : points)
            if (b != a && model[pair[a * size + b]]) block.push_back(b);
        std::sort(block.begin(), block.end());
        blocks.insert(block);
    }
    std::vector<int> flat;
    for (const auto& block : blocks) flat.insert(flat.end(), block.begin(), block.end());
    return flat;
}

// The base round of a shape that pair_orbits describes, by a SAT solver: one variable per pair of points that
// may meet; each point with exactly two partners, which meet each other (its table of three); each orbit met
// exactly once; and the first fixed point (2q) beside (0, 0), which a shift always allows, as it sits with
// one point of each copy.
bool sat_base(CyclicShape shape, int v, const std::string& solver, CyclicBase& found) {
    const std::vector<int> orbit = pair_orbits(shape, v);
    if (orbit.empty()) return false;
    Formula formula;
    std::vector<int> pair(orbit.size(), 0), first_seen;  // pair[a·v + b]: its variable, 0 if it never meets
    std::vector<std::vector<int>> by_orbit(*std::max_element(orbit.begin(), orbit.end()) + 1);
    for (int a = 0; a < v; ++a)
        for (int b = a + 1; b < v; ++b) {
            const int o = orbit[a * v + b];
            if (o < 0) continue;
            pair[a * v + b] = pair[b * v + a] = formula.fresh();
            if (by_orbit[o].empty()) first_seen.push_back(o);
            by_orbit[o].push_back(pair[a * v + b]);
        }
    for (int p = 0; p < v; ++p) {
        std::vector<int> partners;
        for (int b = 0; b < v; ++b)
            if (pair[p * v + b]) partners.push_back(pair[p * v + b]);
        formula.at_most(partners, 2);
        formula.add(partners);
        for (int x : partners) {
            std::vector<int> another{-x};
            for (int z : partners)
                if (z != x) another.push_back(z);
            formula.add(another);
        }
    }
    for (int a = 0; a < v; ++a)
        for (int b = 0; b < v; ++b) {
            if (!pair[a * v + b]) continue;
            for (int c = b + 1; c < v; ++c) {
                if (c == a || !pair[a * v + c]) continue;
                std::vector<int> closed{-pair[a * v + b], -pair[a * v + c]};
                if (pair[b * v + c]) closed.push_back(pair[b * v + c]);
                formula.add(closed);
            }
        }
    for (int o : first_seen) {
        formula.exactly_one(by_orbit[o]);
    }
    const int first_fixed = v % 2 ? v - 1 : v - 2;
    formula.add({pair[first_fixed * v]});

    const auto model = solve(formula, solver, "kirkman_" + std::to_string(v));
    if (model.empty()) return false;
    std::vector<int> points(v);
    std::iota(points.begin(), points.end(), 0);
    found = {shape, v, tables(model, pair, v, points), {}};
    return true;
}

// One point's table in a base round, for the rotational and frame formulas (pair[x·size + y]: the variable
// of the orbit of {x, y}): a has exactly k − 1 partners among `points`, and two of them meet each other.
void one_table(Formula& formula, const std::vector<int>& pair, int size, const std::vector<int>& points,
               int a, int k) {
    std::vector<int> partners;
    for (int b : points)
        if (b != a) partners.push_back(pair[a * size + b]);
    formula.exactly(partners, k - 1);
    for (std::size_t i = 0; i < points.size(); ++i)
        for (std::size_t j = i + 1; points[i] != a && j < points.size(); ++j)
            if (points[j] != a)
                formula.add({-pair[a * size + points[i]], -pair[a * size + points[j]],
                             pair[points[i] * size + points[j]]});
}

// The base round of a design on v points in tables of k whose rounds are its shifts (rotational.hpp), by a
// SAT solver. Points 0..v − 2 in `cycles` cycles of length v − 1 or q = (v − 1)/(k − 1), ∞ = v − 1; the base
// round is also its own image by x ↦ multiplier·x (in each cycle) and by x ↦ x + turn·q (mod v − 1: in one
// cycle, the shift that keeps ∞'s table {∞, 0, q, 2q, …}; in k − 1 cycles, every copy moved turn ahead). One
// variable per orbit of pairs under these maps; from the first point of each such orbit of points, exactly k
// − 1 partners, two of which meet each other; each orbit of pairs under the shifts met |orbit|/q times; ∞
// with 0, q, 2q, ….
bool sat_rotational(int v, int k, int cycles, int multiplier, int turn, const std::string& solver,
                    RotationalBase& found) {
    const int n = v - 1, infinity = n;
    if (k < 2 || n % (k - 1) || n % cycles || turn < 1) return false;
    const int q = n / (k - 1), length = n / cycles;
    if (std::gcd(multiplier, length) != 1) return false;
    auto shift = [&](int x, int g) { return shifted(v, cycles, x, g); };
    auto times = [&](int x, long long mu) {
        return x == infinity ? x : static_cast<int>(x / length * length + x % length * mu % length);
    };
    std::vector<long long> powers{1};  // the multiplier's powers in each cycle, up to its order
    while ((powers.back() * multiplier - 1) % length != 0 && static_cast<int>(powers.size()) < length)
        powers.push_back(powers.back() * multiplier % length);
    auto map = [&](int x, int i, int j) {
        return x == infinity ? x : (times(x, powers[i]) + j * turn * q) % n;
    };
    const int maps = static_cast<int>(powers.size()), turns = n / std::gcd(n, turn * q);
    // The order of the points in the formula: in one cycle, Z_{v−1} = Z_m × Z_r by the Chinese remainders,
    // r the whole power of k − 1's prime (the order the stored 1-rotational bases were found in, which the
    // solver's run time depends on); else as they are.
    std::vector<int> point(v);
    std::iota(point.begin(), point.end(), 0);
    if (int e = 0, p = prime_power_base(k - 1, e); cycles == 1 && p != 0) {
        int r = 1;
        while (n % (r * p) == 0) r *= p;
        for (int x = 0; x < n; ++x) point[x % (n / r) * r + x % r] = x;
    }
    Formula formula;
    std::vector<int> pair(v * v, 0);
    for (int ia = 0; ia < v; ++ia)
        for (int ib = ia + 1; ib < v; ++ib) {
            const int a = point[ia], b = point[ib];
            if (pair[a * v + b]) continue;
            const int x = formula.fresh();
            for (int i = 0; i < maps; ++i)
                for (int j = 0; j < turns; ++j) {
                    const int s = map(a, i, j), t = map(b, i, j);
                    pair[s * v + t] = pair[t * v + s] = x;
                }
        }
    std::vector<char> seen(v, 0);
    for (int a : point) {
        if (seen[a]) continue;
        for (int i = 0; i < maps; ++i)
            for (int j = 0; j < turns; ++j) seen[map(a, i, j)] = 1;
        one_table(formula, pair, v, point, a, k);
    }
    // A pair's orbit under the shifts: the pair shifted so that one of its points starts its cycle, the
    // smaller of both ways (∞ first when it is one of them).
    auto orbit_key = [&](int a, int b) {
        if (b == infinity) std::swap(a, b);
        if (a == infinity) return std::pair{infinity, shift(b, length - b % length)};
        return std::min(std::pair{shift(a, length - a % length), shift(b, length - a % length)},
                        std::pair{shift(b, length - b % length), shift(a, length - b % length)});
    };
    std::map<std::pair<int, int>, int> orbit_of;  // in the order first met
    std::vector<std::vector<int>> orbits;
    for (int ia = 0; ia < v; ++ia)
        for (int ib = ia + 1; ib < v; ++ib) {
            const int a = point[ia], b = point[ib];
            const auto [it, added] = orbit_of.try_emplace(orbit_key(a, b), static_cast<int>(orbits.size()));
            if (added) orbits.emplace_back();
            orbits[it->second].push_back(pair[a * v + b]);
        }
    for (const auto& orbit : orbits) formula.exactly(orbit, static_cast<int>(orbit.size()) / q);
    for (int j = 0; j < k - 1; ++j) formula.add({pair[infinity * v + j * q]});

    const auto model = solve(formula, solver, "rotational_" + std::to_string(v));
    if (model.empty()) return false;
    found = {v, k, cycles, tables(model, pair, v, point)};
    return true;
}

// The base round of a cyclic frame (cyclic_frame.hpp) by a SAT solver: points Z_n ∖ uZ_n, n = v − k =
// k(k − 1)u; the base round is its own shift by t = ku and its own image by x ↦ multiplier·x. One variable
// per orbit of pairs under these maps, false when the pair lies in a hole; from the first point of each orbit
// of points, exactly k − 1 partners, two of which meet each other; for each difference ±d outside uZ_n, k − 1
// pairs of the base round at that distance, so that the t shifts seat each such pair once (an orbit is
// counted once per pair of difference ±d it holds: those holding more than k − 1 never meet).
bool sat_frame(int v, int k, int multiplier, const std::string& solver, FrameBase& found) {
    const int n = v - k;
    if (k < 3 || n <= 0 || n % (k * (k - 1)) || std::gcd(multiplier, n) != 1) return false;
    const int u = n / (k * (k - 1)), t = k * u;
    std::vector<long long> powers{1};  // the multiplier's powers, up to its order
    while (powers.back() * multiplier % n != 1) powers.push_back(powers.back() * multiplier % n);
    auto map = [&](int x, std::size_t i, int j) { return static_cast<int>((powers[i] * x + j * t) % n); };
    auto in_hole = [&](int a, int b) { return (b - a) % u == 0; };
    std::vector<int> points;
    for (int x = 0; x < n; ++x)
        if (x % u) points.push_back(x);
    Formula formula;
    std::vector<int> pair(static_cast<std::size_t>(n) * n, 0);
    for (int a : points)
        for (int b : points) {
            if (b <= a || pair[a * n + b]) continue;
            const int x = formula.fresh();
            if (in_hole(a, b)) formula.add({-x});
            for (std::size_t i = 0; i < powers.size(); ++i)
                for (int j = 0; j < k - 1; ++j) {
                    const int s = map(a, i, j), r = map(b, i, j);
                    pair[s * n + r] = pair[r * n + s] = x;
                }
        }
    std::vector<char> seen(n, 0);
    for (int a : points) {
        if (seen[a]) continue;
        for (std::size_t i = 0; i < powers.size(); ++i)
            for (int j = 0; j < k - 1; ++j) seen[map(a, i, j)] = 1;
        one_table(formula, pair, n, points, a, k);
    }
    std::vector<char> distance_done(n, 0);
    for (int d = 1; d < n; ++d) {
        if (d % u == 0 || distance_done[d]) continue;
        for (long long power : powers)
            for (long long e : {power * d % n, (n - power * d % n) % n}) distance_done[e] = 1;
        std::map<int, int> pairs_in;  // orbit → its pairs of difference ±d
        for (int x : points)
            if ((x + d) % n % u) ++pairs_in[pair[x * n + (x + d) % n]];
        std::vector<int> orbits;
        int each = 0;
        for (auto [x, count] : pairs_in) {
            if (count > k - 1) {
                formula.add({-x});
                continue;
            }
            if (each != 0 && count != each)
                return false;  // uneven orbits: a case this formula does not cover
            each = count;
            orbits.push_back(x);
        }
        if (each == 0 || (k - 1) % each) return false;
        formula.exactly(orbits, (k - 1) / each);
    }
    const auto model = solve(formula, solver, "frame_" + std::to_string(v));
    if (model.empty()) return false;
    found = {v, k, tables(model, pair, n, points)};
    return true;
}

// A packing of PG(3, q) as the images of a few base spreads by σ = ProjectiveSpace::sigma(power), by a SAT
// solver: one variable per base spread and line; each base spread covers every point once, and together they
// hold exactly one line of each orbit of σ on the lines, so that their images hold every line once.
bool sat_packing(int q, int power, const std::string& solver, BaseSpreads& found) {
    const ProjectiveSpace space(q);
    const auto lines = space.lines();
    const auto sigma = space.sigma(power);
    std::map<std::vector<int>, int> number;
    for (std::size_t l = 0; l < lines.size(); ++l) number[lines[l]] = static_cast<int>(l);
    std::vector<std::vector<int>> orbits;
    std::vector<char> seen(lines.size(), 0);
    for (std::size_t l = 0; l < lines.size(); ++l) {
        if (seen[l]) continue;
        orbits.emplace_back();
        for (int j = static_cast<int>(l); !seen[j];) {
            seen[j] = 1;
            orbits.back().push_back(j);
            std::vector<int> image;
            for (int p : lines[j]) image.push_back(sigma[p]);
            std::sort(image.begin(), image.end());
            j = number.at(image);
        }
    }
    const int length = static_cast<int>(orbits.front().size()), rounds = q * q + q + 1;
    for (const auto& orbit : orbits)
        if (static_cast<int>(orbit.size()) != length || rounds % length) return false;
    const int spreads = rounds / length;
    Formula formula;
    std::vector<std::vector<int>> chosen(spreads, std::vector<int>(lines.size()));
    for (auto& spread : chosen)
        for (int& x : spread) x = formula.fresh();
    for (const auto& spread : chosen)
        for (int p = 0; p < space.size(); ++p) {
            std::vector<int> through;
            for (std::size_t l = 0; l < lines.size(); ++l)
                if (std::binary_search(lines[l].begin(), lines[l].end(), p)) through.push_back(spread[l]);
            formula.exactly_one(through);
        }
    for (const auto& orbit : orbits) {
        std::vector<int> any;
        for (const auto& spread : chosen)
            for (int l : orbit) any.push_back(spread[l]);
        formula.exactly_one(any);
    }
    const auto model = solve(formula, solver, "packing_" + std::to_string(q));
    if (model.empty()) return false;
    found = {q, power, {}};
    for (const auto& spread : chosen)
        for (std::size_t l = 0; l < lines.size(); ++l)
            if (model[spread[l]]) found.lines.insert(found.lines.end(), {lines[l][0], lines[l][1]});
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 3 && (std::string(argv[1]) == "--rotational" || std::string(argv[1]) == "--copies")) {
        const int v = std::atoi(argv[2]), k = std::atoi(argv[3]);
        const bool copies = std::string(argv[1]) == "--copies";
        const int multiplier = argc > 4 ? std::atoi(argv[4]) : 1,
                  turn = copies ? (argc > 5 ? std::atoi(argv[5]) : k - 1) : 1;
        const std::string solver = argc > (copies ? 6 : 5) ? argv[copies ? 6 : 5] : "cadical";
        auto started = std::chrono::steady_clock::now();
        RotationalBase base;
        const bool found = sat_rotational(v, k, copies ? k - 1 : 1, multiplier, turn, solver, base) &&
                           is_resolvable_design(v, k, develop(base));
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (found) std::printf("        {%d, %d, %d, %s},\n", v, k, base.cycles, flat(base.blocks).c_str());
        std::fprintf(stderr, "v=%d, tables of %d: %s in %.1f s\n", v, k, found ? "found" : "not found",
                     seconds);
        return found ? 0 : 1;
    }
    if (argc > 3 && std::string(argv[1]) == "--frame") {
        const int v = std::atoi(argv[2]), k = std::atoi(argv[3]);
        const int multiplier = argc > 4 ? std::atoi(argv[4]) : 1;
        const std::string solver = argc > 5 ? argv[5] : "cadical";
        auto started = std::chrono::steady_clock::now();
        FrameBase base;
        const bool found =
            sat_frame(v, k, multiplier, solver, base) && is_resolvable_design(v, k, develop(base));
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (found) std::printf("        {%d, %d, %s},\n", v, k, flat(base.blocks).c_str());
        std::fprintf(stderr, "v=%d, tables of %d (cyclic frame): %s in %.1f s\n", v, k,
                     found ? "found" : "not found", seconds);
        return found ? 0 : 1;
    }
    if (argc > 3 && std::string(argv[1]) == "--packing") {
        const int q = std::atoi(argv[2]), power = std::atoi(argv[3]);
        const std::string solver = argc > 4 ? argv[4] : "cadical";
        auto started = std::chrono::steady_clock::now();
        BaseSpreads base;
        const int v = ((q + 1) * q + 1) * q + 1;
        const bool found =
            sat_packing(q, power, solver, base) && is_resolvable_design(v, q + 1, develop(base));
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (found) std::printf("        {%d, %d, %s},\n", q, power, flat(base.lines).c_str());
        std::fprintf(stderr, "PG(3, %d) packing %s in %.1f s\n", q, found ? "found" : "not found", seconds);
        return found ? 0 : 1;
    }
    if (argc > 2 && std::string(argv[1]) == "--sat") {
        const int v = std::atoi(argv[2]);
        const std::string solver = argc > 3 ? argv[3] : "cadical";
        const auto shape = v % 2 ? CyclicShape::kts_two_copies : CyclicShape::nkts_two_copies;
        auto started = std::chrono::steady_clock::now();
        CyclicBase base;
        const bool found = sat_base(shape, v, solver, base) && is_resolvable_triple_system(v, develop(base));
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (found)
            std::printf("        {CyclicShape::%s, %d, %s, {}},\n", shape_name(shape), v,
                        flat(base.base).c_str());
        std::fprintf(stderr, "v=%d %s in %.1f s\n", v, found ? "found" : "not found", seconds);
        return found ? 0 : 1;
    }
    int largest = argc > 1 ? std::atoi(argv[1]) : 300;
    std::int64_t budget = argc > 2 ? std::atoll(argv[2]) : 30'000'000'000;
    int smallest = argc > 3 ? std::atoi(argv[3]) : 9;
    std::int64_t moves = argc > 4 ? std::atoll(argv[4]) : 20'000'000'000;
    std::printf(
        "// Generated by `build/release/kirkman_search %d %lld %d %lld > server/matching/kirkman_data.cpp`\n"
        "// (bench/kirkman_search.cpp): do not edit. Cyclic bases found by matching/cyclic_triples.cpp for "
        "the\n"
        "// orders no construction of matching/kirkman.cpp covers; the unit tests check every one.\n"
        "// clang-format off\n"
        "#include \"matching/kirkman_data.hpp\"\n\n"
        "namespace ensemble::matching {\n\n"
        "const std::vector<CyclicBase>& stored_cyclic_bases() {\n"
        "    static const std::vector<CyclicBase> bases = {\n",
        largest, static_cast<long long>(budget), smallest, static_cast<long long>(moves));
    std::string missing;
    std::set<int> have{3};  // orders with a system, constructed or found so far
    for (int v = (std::max(smallest, 9) + 2) / 3 * 3; v <= largest; v += 3) {
        bool kts = v % 6 == 3, nkts = v % 6 == 0 && v >= 18;
        if (!kts && !nkts) continue;
        if (v == 18 || !constructed_triple_system(v).empty() || product_covers(v, have)) {
            have.insert(v);
            continue;
        }
        auto started = std::chrono::steady_clock::now();
        bool found = false;
        auto shapes = kts ? std::vector{CyclicShape::kts_three_copies, CyclicShape::kts_two_copies,
                                        CyclicShape::kts_one_rotational}
                          : std::vector{CyclicShape::nkts_two_copies, CyclicShape::nkts_three_copies,
                                        CyclicShape::nkts_one_rotational};
        for (auto shape : shapes) {
            CyclicBase base;
            if (!find_cyclic_base(shape, v, annealed(shape) ? moves : budget, base)) continue;
            if (!is_resolvable_triple_system(v, develop(base))) continue;
            std::printf("        {CyclicShape::%s, %d, %s, %s},\n", shape_name(shape), v,
                        flat(base.base).c_str(), flat(base.singles).c_str());
            found = true;
            break;
        }
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "v=%d %s in %.1f s\n", v, found ? "found" : "not found", seconds);
        std::fflush(stdout);
        if (found) have.insert(v);
        if (!found) missing += " " + std::to_string(v);
    }
    std::printf("    };\n    return bases;\n}\n\n");
    std::printf("// Not found within the budget:%s.\n", missing.empty() ? " none" : missing.c_str());
    auto whole = nkts18();
    std::printf(
        "const std::vector<StoredSystem>& stored_systems() {\n"
        "    static const std::vector<StoredSystem> systems = {\n");
    if (!whole.empty()) std::printf("        {18, %s},\n", flat(whole).c_str());
    std::printf("    };\n    return systems;\n}\n\n}  // namespace ensemble::matching\n");
}
