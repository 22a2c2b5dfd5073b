// Matcher benchmark: the instances of issue 3 over several seeds, beside shuffle-and-chunk, then families at
// the round limit ⌊(N−1)/(K−1)⌋ (issue 10), planned as `ensemble plan --time-limit` does.
// Usage: matcher_bench [--quick] [--limits-only]   (--quick caps 32x4x10 and the families at 10 s / 3 s)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "matching/matcher.hpp"

using namespace ensemble::matching;

namespace {

struct Outcome {
    int repeats = 0, same_org = 0;
    double seconds = 0, cpu = 0;
};

double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

std::vector<Person> people(int n, int org_size) {
    std::vector<Person> out;
    for (int i = 0; i < n; ++i)
        out.push_back({i + 1, org_size ? "org" + std::to_string(i / org_size) : "", {}});
    return out;
}

// Counts repeats and same-organisation pairs of rounds, from scratch.
Outcome count(const std::vector<Person>& who, const std::vector<std::vector<Table>>& rounds) {
    std::map<PersonId, std::string> org;
    for (const auto& p : who) org[p.id] = p.organisation;
    std::map<std::pair<PersonId, PersonId>, int> met;
    Outcome o;
    for (const auto& round : rounds)
        for (const auto& table : round)
            for (std::size_t i = 0; i < table.size(); ++i)
                for (std::size_t j = i + 1; j < table.size(); ++j) {
                    if (++met[{std::min(table[i], table[j]), std::max(table[i], table[j])}] > 1) ++o.repeats;
                    if (!org[table[i]].empty() && org[table[i]] == org[table[j]]) ++o.same_org;
                }
    return o;
}

// What most tools do: shuffle everyone, cut into tables of k.
std::vector<std::vector<Table>> shuffle_and_chunk(const std::vector<Person>& who, int k, int rounds,
                                                  std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    int tables = std::max<int>(1, static_cast<int>(who.size()) / k);
    std::vector<std::vector<Table>> out;
    for (int r = 0; r < rounds; ++r) {
        std::vector<PersonId> ids;
        for (const auto& p : who) ids.push_back(p.id);
        std::shuffle(ids.begin(), ids.end(), rng);
        std::vector<Table> round(tables);
        for (std::size_t i = 0; i < ids.size(); ++i) round[i % tables].push_back(ids[i]);
        out.push_back(std::move(round));
    }
    return out;
}

struct Instance {
    std::string name;
    int n, k, rounds, org_size;
    bool live, keep_apart;
    double limit_seconds;
    int seeds;
};

Outcome run_plan(const Instance& in, std::uint64_t seed) {
    PlanRequest request;
    request.people = people(in.n, in.org_size);
    request.rounds = in.rounds;
    request.size = {in.k, in.k, in.k};
    request.preferences.keep_organisations_apart = in.keep_apart;
    request.seed = seed;
    request.budget = std::chrono::milliseconds(static_cast<long>(in.limit_seconds * 1000));
    // max_steps 0: the step and patience caps follow the time limit, as with `ensemble plan`.
    double cpu = cpu_now();
    Plan plan = plan_rounds(request);
    Outcome o = count(request.people, plan.rounds);
    o.seconds = plan.report.seconds;
    o.cpu = cpu_now() - cpu;
    return o;
}

// Live mode: round after round with the history so far; time is the slowest round.
Outcome run_live(const Instance& in, std::uint64_t seed) {
    History history;
    std::vector<std::vector<Table>> rounds;
    Outcome o;
    for (int round = 1; round <= in.rounds; ++round) {
        RoundRequest request;
        request.people = people(in.n, in.org_size);
        request.history = &history;
        request.size = {in.k, in.k - 1, in.k + 1};
        request.round = round;
        request.seed = seed * 100 + static_cast<std::uint64_t>(round);
        request.budget = std::chrono::milliseconds(1000);
        double cpu = cpu_now();
        RoundResult result = next_round(request);
        o.cpu = std::max(o.cpu, cpu_now() - cpu);
        o.seconds = std::max(o.seconds, result.report.seconds);
        for (const auto& table : result.tables) history.record_table(table, round);
        rounds.push_back(result.tables);
    }
    Outcome counted = count(people(in.n, in.org_size), rounds);
    o.repeats = counted.repeats;
    o.same_org = counted.same_org;
    return o;
}

template <class T>
T median(std::vector<T> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Median microseconds of a late joiner and of a leave repair in a room of n with history.
void bench_repairs(int n) {
    History history;
    std::vector<Table> tables;
    for (int round = 1; round <= 3; ++round) {
        RoundRequest request;
        request.people = people(n, 0);
        request.history = &history;
        request.size = {5, 4, 6};
        request.round = round;
        tables = next_round(request).tables;
        for (const auto& table : tables) history.record_table(table, round);
    }
    std::unordered_map<PersonId, Person> by_id;
    for (const auto& p : people(n + 1, 0)) by_id[p.id] = p;
    std::vector<double> join_us, leave_us;
    for (int i = 0; i < 200; ++i) {
        LiveContext context{&tables, &by_id, &history, {5, 4, 6}, {}, 4};
        auto t0 = std::chrono::steady_clock::now();
        auto moves = seat_late_joiner(context, by_id[n + 1]);
        auto t1 = std::chrono::steady_clock::now();
        join_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        std::vector<Table> after = tables;
        std::size_t t = static_cast<std::size_t>(i) % after.size();
        after[t].resize(1);  // all but one left this table
        LiveContext left{&after, &by_id, &history, {5, 4, 6}, {}, 4};
        t0 = std::chrono::steady_clock::now();
        moves = rebalance_after_leave(left);
        t1 = std::chrono::steady_clock::now();
        leave_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    std::printf(
        "| repairs, %d attendees | live | late joiner %.0f µs, leaver %.0f µs (median of 200) | | | | | | "
        "|\n",
        n, median(join_us), median(leave_us));
}

}  // namespace

void print_table(const std::vector<Instance>& instances) {
    std::printf(
        "| instance | mode | repeats median | repeats worst | same-org pairs median | time median (wall) | "
        "time median (CPU) | seeds at 0 repeats | shuffle-and-chunk repeats median (same-org) |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& in : instances) {
        std::vector<int> repeats, same_org, base_repeats, base_org;
        std::vector<double> seconds, cpu;
        for (int s = 1; s <= in.seeds; ++s) {
            Outcome o = in.live ? run_live(in, static_cast<std::uint64_t>(s))
                                : run_plan(in, static_cast<std::uint64_t>(s));
            repeats.push_back(o.repeats);
            same_org.push_back(o.same_org);
            seconds.push_back(o.seconds);
            cpu.push_back(o.cpu);
            Outcome base = count(
                people(in.n, in.org_size),
                shuffle_and_chunk(people(in.n, in.org_size), in.k, in.rounds, static_cast<std::uint64_t>(s)));
            base_repeats.push_back(base.repeats);
            base_org.push_back(base.same_org);
        }
        auto zero = std::count(repeats.begin(), repeats.end(), 0);
        std::printf("| %s | %s | %d | %d | %d | %.3f s | %.3f s | %ld of %d | %d (%d) |\n", in.name.c_str(),
                    in.live ? "live, slowest round" : "plan", median(repeats),
                    *std::max_element(repeats.begin(), repeats.end()), median(same_org), median(seconds),
                    median(cpu), static_cast<long>(zero), in.seeds, median(base_repeats), median(base_org));
        std::fflush(stdout);
    }
}

// At the round limit: where a resolvable design is known (affine geometry, Kirkman and nearly Kirkman
// triple systems, resolvable (v, 4, 1) designs, packings of PG(3, q), Hermitian unitals, maximal arcs) zero
// is possible; 100 × 10 × 11 would be an affine plane of order 10 and 200 × 5 × 49 a resolvable design
// with 200 ≢ 5 (mod 20), neither of which exists, so repeats there are forced.
std::vector<Instance> round_limit_families(bool quick) {
    double t = quick ? 3 : 10;
    return {
        {"9 × 3 × 4 (AG(2,3))", 9, 3, 4, 0, false, false, t, 6},
        {"16 × 4 × 5 (AG(2,4))", 16, 4, 5, 0, false, false, t, 6},
        {"25 × 5 × 6 (AG(2,5))", 25, 5, 6, 0, false, false, t, 6},
        {"27 × 3 × 13 (AG(3,3))", 27, 3, 13, 0, false, false, t, 6},
        {"49 × 7 × 8 (AG(2,7))", 49, 7, 8, 0, false, false, t, 6},
        {"64 × 8 × 9 (AG(2,8))", 64, 8, 9, 0, false, false, t, 6},
        {"64 × 4 × 21 (AG(3,4))", 64, 4, 21, 0, false, false, t, 6},
        {"81 × 9 × 10 (AG(2,9))", 81, 9, 10, 0, false, false, t, 6},
        {"121 × 11 × 12 (AG(2,11))", 121, 11, 12, 0, false, false, t, 6},
        {"125 × 5 × 31 (AG(3,5))", 125, 5, 31, 0, false, false, t, 6},
        {"15 × 3 × 7 (KTS(15))", 15, 3, 7, 0, false, false, t, 6},
        {"18 × 3 × 8 (NKTS(18))", 18, 3, 8, 0, false, false, t, 6},
        {"21 × 3 × 10 (KTS(21))", 21, 3, 10, 0, false, false, t, 6},
        {"24 × 3 × 11 (NKTS(24))", 24, 3, 11, 0, false, false, t, 6},
        {"30 × 3 × 14 (NKTS(30))", 30, 3, 14, 0, false, false, t, 6},
        {"33 × 3 × 16 (KTS(33))", 33, 3, 16, 0, false, false, t, 6},
        {"39 × 3 × 19 (KTS(39))", 39, 3, 19, 0, false, false, t, 6},
        {"45 × 3 × 22 (KTS(45))", 45, 3, 22, 0, false, false, t, 6},
        {"48 × 3 × 23 (NKTS(48))", 48, 3, 23, 0, false, false, t, 6},
        {"51 × 3 × 25 (KTS(51))", 51, 3, 25, 0, false, false, t, 6},
        {"57 × 3 × 28 (KTS(57))", 57, 3, 28, 0, false, false, t, 6},
        {"60 × 3 × 29 (NKTS(60))", 60, 3, 29, 0, false, false, t, 6},
        {"63 × 3 × 31 (KTS(63))", 63, 3, 31, 0, false, false, t, 6},
        {"69 × 3 × 34 (KTS(69))", 69, 3, 34, 0, false, false, t, 6},
        {"72 × 3 × 35 (NKTS(72))", 72, 3, 35, 0, false, false, t, 6},
        {"75 × 3 × 37 (KTS(75))", 75, 3, 37, 0, false, false, t, 6},
        {"96 × 3 × 47 (NKTS(96))", 96, 3, 47, 0, false, false, t, 6},
        {"99 × 3 × 49 (KTS(99))", 99, 3, 49, 0, false, false, t, 6},
        {"129 × 3 × 64 (KTS(129))", 129, 3, 64, 0, false, false, t, 6},
        {"201 × 3 × 100 (KTS(201))", 201, 3, 100, 0, false, false, t, 6},
        {"102 × 3 × 50 (NKTS(102))", 102, 3, 50, 0, false, false, t, 6},
        {"177 × 3 × 88 (KTS(177), filled frame)", 177, 3, 88, 0, false, false, t, 6},
        {"156 × 3 × 77 (NKTS(156), filled frame)", 156, 3, 77, 0, false, false, t, 6},
        {"192 × 3 × 95 (NKTS(192), 1-rotational)", 192, 3, 95, 0, false, false, t, 6},
        {"198 × 3 × 98 (NKTS(198), filled frame)", 198, 3, 98, 0, false, false, t, 6},
        {"210 × 3 × 104 (NKTS(210), filled frame)", 210, 3, 104, 0, false, false, t, 6},
        {"150 × 3 × 74 (NKTS(150), SAT)", 150, 3, 74, 0, false, false, t, 6},
        {"174 × 3 × 86 (NKTS(174), SAT)", 174, 3, 86, 0, false, false, t, 6},
        {"204 × 3 × 101 (NKTS(204), SAT)", 204, 3, 101, 0, false, false, t, 6},
        {"28 × 4 × 9 (RBIBD(28,4,1), GF(9))", 28, 4, 9, 0, false, false, t, 6},
        {"40 × 4 × 13 (RBIBD(40,4,1), GF(13))", 40, 4, 13, 0, false, false, t, 6},
        {"76 × 4 × 25 (RBIBD(76,4,1), GF(25))", 76, 4, 25, 0, false, false, t, 6},
        {"184 × 4 × 61 (RBIBD(184,4,1), GF(61))", 184, 4, 61, 0, false, false, t, 6},
        {"100 × 4 × 33 (RBIBD(100,4,1), 1-rotational, SAT)", 100, 4, 33, 0, false, false, t, 6},
        {"136 × 4 × 45 (RBIBD(136,4,1), TD(5,9) inflated)", 136, 4, 45, 0, false, false, t, 6},
        {"196 × 4 × 65 (RBIBD(196,4,1), TD(5,13) inflated)", 196, 4, 65, 0, false, false, t, 6},
        {"208 × 4 × 69 (RBIBD(208,4,1), 52 × 4 product)", 208, 4, 69, 0, false, false, t, 6},
        {"85 × 5 × 21 (PG(3,4) packing, SAT)", 85, 5, 21, 0, false, false, t, 6},
        {"156 × 6 × 31 (PG(3,5) packing, SAT)", 156, 6, 31, 0, false, false, t, 6},
        {"249 × 3 × 124 (KTS(249), filled frame)", 249, 3, 124, 0, false, false, t, 6},
        {"213 × 3 × 106 (KTS(213), PBD(106,{4,7}) inflated)", 213, 3, 106, 0, false, false, t, 6},
        {"273 × 3 × 136 (KTS(273), filled frame)", 273, 3, 136, 0, false, false, t, 6},
        {"270 × 3 × 134 (NKTS(270), KTS(15) × NKTS(18))", 270, 3, 134, 0, false, false, t, 6},
        {"285 × 3 × 142 (KTS(285), KTS(15) × KTS(57) grouped)", 285, 3, 142, 0, false, false, t, 6},
        {"294 × 3 × 146 (NKTS(294), KTS(21) × NKTS(42) grouped)", 294, 3, 146, 0, false, false, t, 6},
        {"300 × 3 × 149 (NKTS(300), KTS(15) × NKTS(60) grouped)", 300, 3, 149, 0, false, false, t, 6},
        {"172 × 4 × 57 (RBIBD(172,4,1), 1-rotational, SAT)", 172, 4, 57, 0, false, false, t, 6},
        {"280 × 4 × 93 (RBIBD(280,4,1), 1-rotational, SAT)", 280, 4, 93, 0, false, false, t, 6},
        {"232 × 4 × 77 (RBIBD(232,4,1), cyclic frame + AG(2,4), SAT)", 232, 4, 77, 0, false, false, t, 6},
        {"165 × 5 × 41 (RBIBD(165,5,1), 4 copies of Z_41, SAT)", 165, 5, 41, 0, false, false, t, 6},
        {"205 × 5 × 51 (RBIBD(205,5,1), cyclotomy, GF(41))", 205, 5, 51, 0, false, false, t, 6},
        {"245 × 5 × 61 (RBIBD(245,5,1), 4 copies of Z_61, SAT)", 245, 5, 61, 0, false, false, t, 6},
        {"285 × 5 × 71 (RBIBD(285,5,1), 4 copies of Z_71, SAT)", 285, 5, 71, 0, false, false, t, 6},
        {"265 × 5 × 66 (RBIBD(265,5,1), cyclic frame + AG(2,5), SAT)", 265, 5, 66, 0, false, false, t, 6},
        {"65 × 5 × 16 (RBIBD(65,5,1), Hermitian unital, GF(16))", 65, 5, 16, 0, false, false, t, 6},
        {"126 × 6 × 25 (RBIBD(126,6,1), Hermitian unital, GF(25))", 126, 6, 25, 0, false, false, t, 6},
        {"120 × 8 × 17 (RBIBD(120,8,1), maximal arc, GF(16))", 120, 8, 17, 0, false, false, t, 6},
        {"232 × 8 × 33 (RBIBD(232,8,1), maximal arc, GF(32))", 232, 8, 33, 0, false, false, t, 6},
        {"100 × 10 × 11 (no design)", 100, 10, 11, 0, false, false, t, 3},
        {"200 × 5 × 49 (no design)", 200, 5, 49, 0, false, false, t, 3},
    };
}

int main(int argc, char** argv) {
    bool quick = false, limits_only = false;
    for (int i = 1; i < argc; ++i) {
        quick = quick || std::string(argv[i]) == "--quick";
        limits_only = limits_only || std::string(argv[i]) == "--limits-only";
    }
    if (limits_only) {
        print_table(round_limit_families(quick));
        return 0;
    }
    std::vector<Instance> instances = {
        {"15 × 3 × 7 (Kirkman)", 15, 3, 7, 0, false, false, 10, 5},
        {"32 × 4 × 9", 32, 4, 9, 0, false, false, 10, 5},
        {"32 × 4 × 10", 32, 4, 10, 0, false, false, quick ? 10.0 : 60.0, 5},
        {"100 × 5 × 10", 100, 5, 10, 0, false, false, 10, 5},
        {"100 × 5 × 6, 20 orgs of 5 apart", 100, 5, 6, 5, false, true, 10, 5},
        {"300 × 6 × 6", 300, 6, 6, 0, false, false, 10, 5},
        {"1,000 × 5 × 5 live", 1000, 5, 5, 0, true, false, 1, 5},
        {"10,000 × 6, live, 3 rounds", 10000, 6, 3, 0, true, false, 1, 3},
    };
    print_table(instances);
    bench_repairs(1000);
    std::printf("\nAt the round limit ⌊(N−1)/(K−1)⌋ (N × K × rounds):\n\n");
    print_table(round_limit_families(quick));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("\npeak memory of the whole run: %.0f MB\n", usage.ru_maxrss / 1024.0);
}
