#include "matching/cyclic_triples.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace ensemble::matching {
namespace {

struct Frame {
    int q = 0;                      // the cyclic group Z_q
    int copies = 0;                 // points (c, x) for c < copies, x in Z_q, numbered c·q + x
    int fixed = 0;                  // then fixed points, numbered copies·q + i
    int shorts = 0;                 // rounds that are the orbit of one block {(0,0),(a,1),(b,2)}
    bool zero_block = false;        // {(0,0),(0,1),(0,2)} in the base round
    bool half_groups = false;       // {(x,c),(x+q/2,c)} never meet (q even)
    bool mixed_zero_group = false;  // {(x,0),(x,1)} never meet
    bool half_turn = false;         // the base round is its own shift by q/2: q/2 shifts are the rounds
                                    // (with two fixed points, q/2 is odd and odd shifts swap them)
};

// Simulated annealing, as the 1-rotational shapes use it: tries from a random start (`start`), each of at
// most 2·10⁹ moves and with its own seed; `move` changes the state at random and returns how to undo it, both
// keeping `cost` up to date. A move that raises the cost by r is kept with probability e^(−r/T), T falling
// from 0.6 to 0.06 over 2·10⁸ moves, then starting again. True once the cost is 0; the budget counts moves.
template <class Start, class Move>
bool anneal(std::int64_t budget, const int& cost, Start start, Move move) {
    constexpr std::int64_t moves_per_try = 2'000'000'000, cooling = 200'000'000;
    std::uniform_real_distribution<double> chance(0, 1);
    for (std::uint64_t attempt = 0; budget > 0; ++attempt) {
        std::mt19937_64 rng(0x4B54 + attempt);
        start(rng);
        for (std::int64_t m = 0; m < std::min(budget, moves_per_try) && cost > 0; ++m) {
            const double temperature = 0.6 * (1.0 - 0.9 * static_cast<double>(m % cooling) / cooling);
            const int before = cost;
            auto undo = move(rng);
            if (cost > before && chance(rng) >= std::exp((before - cost) / temperature)) undo();
        }
        if (cost == 0) return true;
        budget -= moves_per_try;
    }
    return false;
}

// Each orbit of pairs under Z_q gets an index; a base round whose blocks cover every orbit once (and the
// short rounds the rest) shifts into a design where every pair meets once.
class OrbitSearch {
  public:
    explicit OrbitSearch(const Frame& frame) : f_(frame), n_(frame.q * frame.copies + frame.fixed) {
        int q = f_.q;
        pure_ = f_.copies * (q / 2 + 1);
        mixed_ = f_.copies * f_.copies * q;
        orbits_ = pure_ + mixed_ + f_.fixed * f_.copies + f_.fixed * f_.fixed;
        orbit_.assign(static_cast<std::size_t>(n_) * n_, 0);
        for (int a = 0; a < n_; ++a)
            for (int b = 0; b < n_; ++b)
                if (a != b) orbit_[a * n_ + b] = orbit_of(a, b);
    }

    // Restarts from a fixed seed until the work budget is spent; a restart after 10,000 nodes, as the
    // search's luck is heavy-tailed.
    bool find(std::int64_t budget) {
        std::mt19937_64 rng(0x4B54);
        constexpr std::int64_t nodes_per_try = 10'000;
        while (budget > 0) {
            reset();
            work_ = f_.shorts + 1;
            if (choose_shorts(rng)) {
                nodes_ = 0;
                limit_ = nodes_per_try;
                budget_ = budget;
                if (dfs(rng)) return true;
            }
            budget -= work_;
        }
        return false;
    }

    CyclicBase result(CyclicShape shape, int v) const {
        CyclicBase out{shape, v, {}, {}};
        for (const auto& b : blocks_) out.base.insert(out.base.end(), b.begin(), b.end());
        for (const auto& b : short_blocks_) out.singles.insert(out.singles.end(), b.begin(), b.end());
        return out;
    }

    // Each pair's orbit for points a ≠ b (at a·v + b), or −1 where the pair never meets.
    std::vector<int> pair_orbits() {
        reset();
        std::vector<int> out(orbit_.size(), -1);
        for (int a = 0; a < n_; ++a)
            for (int b = 0; b < n_; ++b)
                if (a != b && !covered_[orbit(a, b)]) out[a * n_ + b] = orbit(a, b);
        return out;
    }

  private:
    int copy_of(int p) const { return p < f_.q * f_.copies ? p / f_.q : -1; }

    int orbit_of(int a, int b) const {
        const int q = f_.q, copies = f_.copies;
        int ca = copy_of(a), cb = copy_of(b);
        if (ca >= 0 && cb >= 0) {
            int d = ((b % q - a % q) % q + q) % q;
            if (ca == cb) return ca * (q / 2 + 1) + std::min(d, q - d);
            if (ca > cb) return pure_ + (cb * copies + ca) * q + (q - d) % q;
            return pure_ + (ca * copies + cb) * q + d;
        }
        if (ca < 0 && cb < 0) {
            int i = std::min(a, b) - q * copies, j = std::max(a, b) - q * copies;
            return pure_ + mixed_ + f_.fixed * copies + i * f_.fixed + j;
        }
        if (ca < 0) std::swap(a, b), std::swap(ca, cb);
        return pure_ + mixed_ + (b - q * copies) * copies + ca;
    }

    int orbit(int a, int b) const { return orbit_[a * n_ + b]; }

    void reset() {
        const int q = f_.q;
        used_.assign(n_, 0);
        covered_.assign(orbits_, 0);
        blocks_.clear();
        short_blocks_.clear();
        for (int c = 0; c < f_.copies; ++c)
            if (q % 2 == 0) covered_[c * (q / 2 + 1) + q / 2] = 1;  // a group, or a short orbit never used
        if (f_.fixed == 2) covered_[orbit(q * f_.copies, q * f_.copies + 1)] = 1;
        if (f_.mixed_zero_group) covered_[orbit(0, q)] = 1;
        if (f_.zero_block) place({0, q, 2 * q});
    }

    void place(const std::array<int, 3>& b) {
        for (int p : b) used_[p] = 1;
        covered_[orbit(b[0], b[1])] = covered_[orbit(b[0], b[2])] = covered_[orbit(b[1], b[2])] = 1;
        blocks_.push_back(b);
    }

    bool free_orbits(int a, int b, int c) const {
        int x = orbit(a, b), y = orbit(a, c), z = orbit(b, c);
        return !covered_[x] && !covered_[y] && !covered_[z] && x != y && x != z && y != z;
    }

    // The short rounds' blocks, at random: their mixed differences must all differ.
    bool choose_shorts(std::mt19937_64& rng) {
        const int q = f_.q;
        for (int tries = 0;
             tries < 1000 * (f_.shorts + 1) && static_cast<int>(short_blocks_.size()) < f_.shorts; ++tries) {
            int a = q + static_cast<int>(rng() % q), b = 2 * q + static_cast<int>(rng() % q);
            if (!free_orbits(0, a, b)) continue;
            covered_[orbit(0, a)] = covered_[orbit(0, b)] = covered_[orbit(a, b)] = 1;
            short_blocks_.push_back({0, a, b});
        }
        return static_cast<int>(short_blocks_.size()) == f_.shorts;
    }

    // The lowest point not yet in the base round goes into a block with two others, in random order.
    bool dfs(std::mt19937_64& rng) {
        if (++nodes_ > limit_ || work_ > budget_) return false;
        // The point with the fewest possible partners goes next (fail first).
        int p = -1;
        std::vector<int> partners, fewest;
        for (int x = 0; x < n_; ++x) {
            if (used_[x]) continue;
            partners.clear();
            for (int a = 0; a < n_; ++a)
                if (a != x && !used_[a] && !covered_[orbit(x, a)]) partners.push_back(a);
            if (p < 0 || partners.size() < fewest.size()) p = x, fewest.swap(partners);
        }
        if (p < 0) return true;
        partners.swap(fewest);
        work_ += static_cast<std::int64_t>(n_) * n_ + 1000;
        std::vector<std::pair<int, int>> options;
        for (std::size_t i = 0; i < partners.size(); ++i)
            for (std::size_t j = i + 1; j < partners.size(); ++j)
                if (free_orbits(p, partners[i], partners[j])) options.push_back({partners[i], partners[j]});
        std::shuffle(options.begin(), options.end(), rng);
        for (auto [a, b] : options) {
            place({p, a, b});
            if (dfs(rng)) return true;
            blocks_.pop_back();
            used_[p] = used_[a] = used_[b] = 0;
            covered_[orbit(p, a)] = covered_[orbit(p, b)] = covered_[orbit(a, b)] = 0;
            if (nodes_ > limit_ || work_ > budget_) break;
        }
        return false;
    }

    Frame f_;
    int n_ = 0, pure_ = 0, mixed_ = 0, orbits_ = 0;
    std::vector<int> orbit_;
    std::vector<char> used_, covered_;
    std::vector<std::array<int, 3>> blocks_, short_blocks_;
    std::int64_t nodes_ = 0, limit_ = 0, work_ = 0, budget_ = 0;
};

bool frame_for(CyclicShape shape, int v, Frame& f) {
    switch (shape) {
        case CyclicShape::kts_two_copies:
            if (v % 6 != 3 || (v - 1) / 2 % 2 == 0) return false;
            f = {(v - 1) / 2, 2, 1, 0, false, false, false};
            return true;
        case CyclicShape::kts_three_copies:
            if (v % 6 != 3 || v < 9) return false;
            f = {v / 3, 3, 0, (v / 3 - 1) / 2, true, false, false};
            return true;
        case CyclicShape::nkts_two_copies:
            if (v % 6 != 0 || v < 18) return false;
            f = {v / 2 - 1, 2, 2, 0, false, (v / 2 - 1) % 2 == 0, (v / 2 - 1) % 2 == 1};
            return true;
        case CyclicShape::nkts_three_copies:
            if (v % 6 != 0 || v < 18) return false;
            f = {v / 3, 3, 0, v / 6 - 1, false, true, false};
            return true;
        case CyclicShape::kts_one_rotational:
            if (v % 6 != 3 || v < 9) return false;
            f = {v - 1, 1, 1, 0, false, false, false, true};
            return true;
        case CyclicShape::nkts_one_rotational:
            if (v % 24 != 0) return false;
            f = {v - 2, 1, 2, 0, false, false, false, true};
            return true;
    }
    return false;
}

// The 1-rotational shapes, with n = q/2 (odd for nkts_one_rotational): besides {∞, 0, n} (KTS), or
// {∞₀, 0, b} and {∞₁, n, b + n} with b odd (NKTS), the blocks come in pairs {B, B + n}, so one B of each pair
// is chosen, the residues mod n of b and the B's points together making 1 … n − 1 once, and the three
// differences ±(y − x) of each B (and b's), each taken as the smaller of d and q − d, making 1 … n − 1 once.
// A move moves a point between two B (or changes which of x, x + n a B holds); the cost counts the
// differences met twice, or equal to n, and an even b. (b odd: ∞₀ meets 0 and b at even shifts, n and
// b + n at odd ones, so every point once.)
bool anneal_one_rotational(CyclicShape shape, int v, std::int64_t budget, CyclicBase& found) {
    const bool nearly = shape == CyclicShape::nkts_one_rotational;
    const int q = nearly ? v - 2 : v - 1, n = q / 2, lead = nearly ? 1 : 0, count = (n - 1 - lead) / 3;
    std::vector<int> residue(static_cast<std::size_t>(n - 1)), half(residue.size()), met(n + 1);
    auto point = [&](std::size_t p) { return residue[p] + n * half[p]; };
    auto difference = [&](int d) {
        d = (d % q + q) % q;
        return std::min(d, q - d);
    };
    int cost = 0;
    auto tally = [&](int d, int step) {
        auto penalty = [&](int m) { return d == n ? m : std::abs(m - 1); };
        cost -= penalty(met[d]);
        met[d] += step;
        cost += penalty(met[d]);
    };
    auto block = [&](int b, int step) {  // b = −1: the pair {0, b} beside ∞₀
        if (b < 0) {
            tally(difference(point(0)), step);
            cost += step * (point(0) % 2 == 0 ? 1 : 0);
            return;
        }
        const auto p = static_cast<std::size_t>(lead + 3 * b);
        tally(difference(point(p + 1) - point(p)), step);
        tally(difference(point(p + 2) - point(p)), step);
        tally(difference(point(p + 2) - point(p + 1)), step);
    };
    auto start = [&](std::mt19937_64& rng) {
        for (int i = 0; i < n - 1; ++i) residue[i] = i + 1;
        std::shuffle(residue.begin(), residue.end(), rng);
        for (auto& h : half) h = static_cast<int>(rng() & 1);
        std::fill(met.begin(), met.end(), 0);
        cost = n - 1;  // each difference from 1 to n − 1 missed once
        for (int b = -lead; b < count; ++b) block(b, 1);
    };
    auto move = [&](std::mt19937_64& rng) {
        const auto p = static_cast<std::size_t>(rng() % (n - 1)),
                   r = static_cast<std::size_t>(rng() % (n - 1));
        auto block_of = [&](std::size_t i) { return (static_cast<int>(i) + 3 - lead) / 3 - 1; };
        const int bp = block_of(p), br = block_of(r);
        const bool flip = (rng() & 3) == 0 || bp == br;
        auto apply = [&, p, r, bp, br, flip] {
            block(bp, -1);
            if (!flip) block(br, -1);
            if (flip) {
                half[p] ^= 1;
            } else {
                std::swap(residue[p], residue[r]);
                std::swap(half[p], half[r]);
            }
            block(bp, 1);
            if (!flip) block(br, 1);
        };
        apply();
        return apply;
    };
    if (!anneal(budget, cost, start, move)) return false;
    found = {shape, v, {q, 0, n}, {}};
    if (nearly) found.base = {q, 0, point(0), q + 1, n, (point(0) + n) % q};
    for (int b = 0; b < count; ++b)
        for (int shift : {0, n})
            for (int k = 0; k < 3; ++k)
                found.base.push_back((point(static_cast<std::size_t>(lead + 3 * b + k)) + shift) % q);
    return true;
}

}  // namespace

bool annealed(CyclicShape shape) {
    return shape == CyclicShape::kts_one_rotational || shape == CyclicShape::nkts_one_rotational;
}

std::vector<int> pair_orbits(CyclicShape shape, int v) {
    Frame f;
    if (!frame_for(shape, v, f) || f.shorts > 0 || f.zero_block || f.half_turn) return {};
    return OrbitSearch(f).pair_orbits();
}

bool find_cyclic_base(CyclicShape shape, int v, std::int64_t budget, CyclicBase& found) {
    Frame f;
    if (!frame_for(shape, v, f)) return false;
    if (annealed(shape)) return anneal_one_rotational(shape, v, budget, found);
    OrbitSearch search(f);
    if (!search.find(budget)) return false;
    found = search.result(shape, v);
    return true;
}

Rounds develop(const CyclicBase& base) {
    Frame f;
    if (!frame_for(base.shape, base.v, f) || base.base.size() % 3 || base.singles.size() % 3) return {};
    const int moved = f.q * f.copies;
    for (const auto* list : {&base.base, &base.singles})
        for (int p : *list)
            if (p < 0 || p >= base.v) return {};
    auto shift = [&](int p, int g) {
        if (p >= moved) return f.half_turn && f.fixed == 2 && g % 2 ? moved + (p - moved + 1) % 2 : p;
        return p / f.q * f.q + (p % f.q + g) % f.q;
    };
    auto shifted = [&](const std::vector<int>& flat, std::size_t i, int g) {
        return std::vector<int>{shift(flat[i], g), shift(flat[i + 1], g), shift(flat[i + 2], g)};
    };
    Rounds rounds;
    for (int g = 0; g < (f.half_turn ? f.q / 2 : f.q); ++g) {
        rounds.emplace_back();
        for (std::size_t i = 0; i < base.base.size(); i += 3)
            rounds.back().push_back(shifted(base.base, i, g));
    }
    for (std::size_t i = 0; i < base.singles.size(); i += 3) {
        rounds.emplace_back();
        for (int g = 0; g < f.q; ++g) rounds.back().push_back(shifted(base.singles, i, g));
    }
    return rounds;
}

}  // namespace ensemble::matching
