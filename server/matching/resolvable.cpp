#include "matching/resolvable.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include "matching/finite_field.hpp"

namespace ensemble::matching {

Rounds field_shifts(const FiniteField& field, int copies, const std::vector<std::vector<int>>& base,
                    const std::vector<std::vector<int>>& single_blocks) {
    const int q = field.size();
    auto shifted = [&](const std::vector<int>& block, int g) {
        std::vector<int> out(block.size());
        std::transform(block.begin(), block.end(), out.begin(),
                       [&](int p) { return p >= copies * q ? p : p / q * q + field.add(p % q, g); });
        return out;
    };
    Rounds rounds;
    for (int g = 0; g < q; ++g) {
        rounds.emplace_back();
        for (const auto& block : base) rounds.back().push_back(shifted(block, g));
    }
    for (const auto& block : single_blocks) {
        rounds.emplace_back();
        for (int g = 0; g < q; ++g) rounds.back().push_back(shifted(block, g));
    }
    return rounds;
}

bool is_resolvable_design(int v, int k, const Rounds& rounds) {
    if (rounds.empty() || k < 2 || v < k || v % k != 0) return false;
    std::vector<char> met(static_cast<std::size_t>(v) * v, 0);
    for (const auto& round : rounds) {
        std::vector<char> seated(v, 0);
        if (static_cast<int>(round.size()) * k != v) return false;
        for (const auto& block : round) {
            if (static_cast<int>(block.size()) != k) return false;
            for (int p : block) {
                if (p < 0 || p >= v || seated[p]) return false;
                seated[p] = 1;
            }
            for (int i = 0; i < k; ++i)
                for (int j = i + 1; j < k; ++j) {
                    auto& cell = met[static_cast<std::size_t>(std::min(block[i], block[j])) * v +
                                     std::max(block[i], block[j])];
                    if (cell) return false;
                    cell = 1;
                }
        }
    }
    return true;
}

Rounds relabelled(const Rounds& design, int rounds, std::uint64_t seed) {
    int v = 0;
    for (const auto& table : design.empty() ? std::vector<std::vector<int>>{} : design.front())
        v += static_cast<int>(table.size());
    std::vector<int> label(v);
    std::iota(label.begin(), label.end(), 0);
    std::mt19937_64 rng(seed);
    std::shuffle(label.begin(), label.end(), rng);
    Rounds out;
    for (int r = 0; r < std::min(rounds, static_cast<int>(design.size())); ++r) {
        out.emplace_back();
        for (const auto& block : design[r]) {
            out.back().emplace_back();
            for (int p : block) out.back().back().push_back(label[p]);
        }
    }
    return out;
}

}  // namespace ensemble::matching
