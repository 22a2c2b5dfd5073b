// Mutual-help benchmark (issue 10): attendees with random needs and offers over 12 topics, tables of 5,
// three mutual-help rounds in a row formed as the live server forms them (domain::form_tables). For each
// round: the needs met against the most any seating could meet (a maximum flow, matching/needs.hpp), the
// repeats the round adds, and its time. Medians over seeds.
// Usage: needs_bench [--quick]   (--quick: 3 seeds instead of 7)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/seating.hpp"
#include "matching/needs.hpp"

using namespace ensemble;

namespace {

constexpr int topics = 12;
constexpr int rounds = 3;

// Half seek help on one or two topics; one in `offer_every` offers one to three; a topic's popularity
// varies, as in a real event.
std::vector<matching::Person> attendees(int n, int offer_every, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::discrete_distribution<int> topic({12, 10, 9, 8, 7, 6, 5, 4, 3, 3, 2, 1});
    auto some = [&](int count) {
        std::vector<std::string> out;
        while (static_cast<int>(out.size()) < count) {
            auto t = "t" + std::to_string(topic(rng));
            if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        }
        return out;
    };
    std::vector<matching::Person> people;
    for (int i = 0; i < n; ++i) {
        matching::Person p{i + 1, "org" + std::to_string(rng() % (n / 4 + 1)), {}};
        if (rng() % 2) p.needs = some(1 + static_cast<int>(rng() % 2));
        if (rng() % static_cast<std::uint64_t>(offer_every) == 0)
            p.offers = some(1 + static_cast<int>(rng() % 3));
        people.push_back(std::move(p));
    }
    return people;
}

struct Figures {
    int needs = 0, met = 0, bound = 0, repeats = 0;
    double ms = 0;
    double groups_ms = 0;  // of which forming the groups (matching::need_groups), measured apart
};

template <class T>
T median(std::vector<T> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    int seeds = quick ? 3 : 7;
    std::printf(
        "| attendees | who offers | round | needs | met (median) | most possible (max flow) | met / most | "
        "new repeats | "
        "time (median) | time (worst) | of which groups (median) |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
    // Helpers plenty (one in two offers), then scarce (one in ten): the flow's bound falls below the needs.
    for (auto [n, offer_every] : {std::pair{200, 2}, {2000, 2}, {200, 10}, {2000, 10}}) {
        std::vector<std::vector<Figures>> by_round(rounds);
        for (int seed = 1; seed <= seeds; ++seed) {
            auto people = attendees(n, offer_every, static_cast<std::uint64_t>(seed));
            domain::SeatingJob job;
            job.kind = domain::RoundKind::mutual_help;
            job.people = people;
            job.shape.size = {5, 4, 6};
            std::unordered_map<matching::PersonId, const matching::Person*> by_id;
            for (const auto& p : people) by_id[p.id] = &p;
            std::unordered_set<matching::PersonId> ever_met;
            for (int round = 1; round <= rounds; ++round) {
                job.round = round;
                job.seed = static_cast<std::uint64_t>(seed * 100 + round);
                job.needs_first.clear();
                for (const auto& p : people)
                    if (!p.needs.empty() && !ever_met.count(p.id)) job.needs_first.insert(p.id);
                auto began = std::chrono::steady_clock::now();
                auto result = domain::form_tables(job);
                double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began)
                        .count();
                Figures f;
                auto groups_began = std::chrono::steady_clock::now();
                matching::need_groups(job.people, &job.history, job.shape.size.target, job.needs_first);
                f.groups_ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - groups_began)
                        .count();
                auto count = matching::count_needs_met(result.tables, by_id, &ever_met);
                f.needs = count.needs;
                f.met = count.met;
                f.bound = matching::most_needs_met(people, job.shape.size.target);
                f.ms = ms;
                for (const auto& table : result.tables) {
                    for (std::size_t i = 0; i < table.size(); ++i)
                        for (std::size_t j = i + 1; j < table.size(); ++j)
                            f.repeats += job.history.times_met(table[i], table[j]) > 0;
                    job.history.record_table(table, round);
                }
                by_round[static_cast<std::size_t>(round - 1)].push_back(f);
            }
        }
        for (int round = 1; round <= rounds; ++round) {
            const auto& all = by_round[static_cast<std::size_t>(round - 1)];
            std::vector<int> needs, met, bound, repeats;
            std::vector<double> ms, share, groups_ms;
            for (const auto& f : all) {
                needs.push_back(f.needs), met.push_back(f.met), bound.push_back(f.bound);
                repeats.push_back(f.repeats), ms.push_back(f.ms), groups_ms.push_back(f.groups_ms);
                share.push_back(f.bound ? 100.0 * f.met / f.bound : 100.0);
            }
            std::printf("| %d | 1 in %d | %d | %d | %d | %d | %.1f %% | %d | %.1f ms | %.1f ms | %.1f ms |\n",
                        n, offer_every, round, median(needs), median(met), median(bound), median(share),
                        median(repeats), median(ms), *std::max_element(ms.begin(), ms.end()),
                        median(groups_ms));
        }
    }
    std::printf(
        "\n%d seeds; tables of 5 (4 to 6), 12 topics; a need is met when a tablemate offers one of its "
        "topics.\n",
        seeds);
}
