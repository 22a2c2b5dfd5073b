#include "matching/solve.hpp"

#include <random>

#include "matching/dense_pairs.hpp"
#include "matching/relabel.hpp"
#include "matching/seat_round.hpp"
#include "matching/sparse_pairs.hpp"
#include "matching/tabu_search.hpp"

namespace ensemble::matching {
namespace {

template <class Pairs>
SolveOutput solve_with(const Problem& problem, const SolveInput& input, std::vector<std::string>& problems) {
    Pairs pairs(problem.n);
    load_pairs(problem, input.history, input.first_round, pairs);
    PairCosts<Pairs> costs(problem, pairs);
    std::mt19937_64 rng(input.seed);
    auto seeds = input.seeds;
    relabel_start(problem.n, costs, seeds, input.seed);

    // The start cost is what the greedy seating adds, pair by pair, over the history.
    std::int64_t start_cost = 0;
    Layout layout(input.rounds, problem.n);
    for (int r = 0; r < input.rounds; ++r) {
        std::vector<std::string> seat_problems;
        auto start = r == 0 && !input.start.empty()       ? input.start
                     : r < static_cast<int>(seeds.size()) ? seeds[r]
                                                          : std::vector<std::vector<int>>{};
        layout.tables[r] = seat_round(problem, costs, input.sizes, std::move(start), rng, seat_problems);
        if (r == 0) problems.insert(problems.end(), seat_problems.begin(), seat_problems.end());
        layout.index_round(r);
    }
    for (int r = 0; r < input.rounds; ++r)
        for (const auto& members : layout.tables[r])
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j) pairs.drop(members[i], members[j]);
    for (int r = 0; r < input.rounds; ++r)
        for (const auto& members : layout.tables[r])
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j) {
                    start_cost += costs.join(members[i], members[j]);
                    pairs.bump(members[i], members[j]);
                }

    TabuSearch<Pairs> search(problem, costs, layout, rng());
    SolveOutput output;
    output.steps =
        search.run(start_cost, {input.max_steps, input.deadline, input.patience, input.max_evaluations});
    output.cost = search.cost();
    output.rounds = std::move(layout.tables);
    return output;
}

}  // namespace

SolveOutput solve(const Problem& problem, const SolveInput& input, std::vector<std::string>& problems) {
    if (problem.n <= dense_limit) return solve_with<DensePairs>(problem, input, problems);
    return solve_with<SparsePairs>(problem, input, problems);
}

}  // namespace ensemble::matching
