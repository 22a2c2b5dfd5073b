// Staff review benchmark: load, report and graph JSON of an event of 5,000 attendees × 6 rounds of tables
// of 5 (≈ 60,000 pairs), with answers, from a real SQLite file written through the real storage.
// Usage: review_bench [DIRECTORY]   (the database file goes there; the system temp dir by default)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <future>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bench_support.hpp"
#include "review/analysis.hpp"
#include "review/report.hpp"
#include "review/review_json.hpp"
#include "storage/sqlite.hpp"
#include "storage/sqlite_store.hpp"

using namespace ensemble;
using namespace ensemble::domain;
using namespace ensemble::bench;

namespace {

constexpr int attendees = 5'000;
constexpr int table_size = 5;
constexpr int rounds = 6;
constexpr TimeMs t0 = 1'700'000'000'000;
const std::string event_id = "r7m2q9x4pw";

// Process CPU time, in ms: the machine is shared, so wall time alone says little.
double cpu_ms() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// The event played through the store: joins, then each round's seats.
void play(storage::SqliteStore& store, std::mt19937_64& rng) {
    fill_lobby(store, event_id, attendees, table_size, rounds, t0);
    std::vector<AttendeeId> order(attendees);
    for (int i = 0; i < attendees; ++i) order[static_cast<std::size_t>(i)] = i + 1;
    for (int round = 1; round <= rounds; ++round) {
        std::shuffle(order.begin(), order.end(), rng);
        const TimeMs at = t0 + round * 900'000LL;
        std::vector<Record> records{RoundStarted{round, at}};
        for (int i = 0; i < attendees; ++i) {
            const int table = i / table_size + 1;
            const AttendeeId who = order[static_cast<std::size_t>(i)];
            records.emplace_back(std::in_place_type<Seated>, round, table, who, at);
        }
        wait_commit(store, event_id, std::move(records));
    }
}

// Answers written straight into the file (the attendee side's records fill these tables in the server):
// each person about each tablemate, a keep-in-touch wish one time in four, a rating per round.
void answer(const std::string& path, std::mt19937_64& rng) {
    storage::Database db(path);
    db.execute("BEGIN");
    auto seats = db.prepare(
        "SELECT round, table_number, attendee_id FROM seats WHERE event_id = ?1 ORDER BY round, "
        "table_number");
    seats->bind(1, event_id);
    std::vector<std::tuple<int, int, AttendeeId>> all;
    while (seats->step())
        all.emplace_back(seats->column_int(0), seats->column_int(1), seats->column_int64(2));
    auto talked = db.prepare("INSERT OR IGNORE INTO talked_answers VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    auto wish = db.prepare("INSERT OR IGNORE INTO contact_wishes VALUES (?1, ?2, ?3, ?4)");
    auto rating = db.prepare("INSERT OR IGNORE INTO table_ratings VALUES (?1, ?2, ?3, ?4, ?5)");
    std::uniform_int_distribution<int> percent(0, 99), score(1, 5);
    for (std::size_t i = 0; i < all.size();) {
        std::size_t end = i;
        while (end < all.size() && std::get<0>(all[end]) == std::get<0>(all[i]) &&
               std::get<1>(all[end]) == std::get<1>(all[i]))
            ++end;
        for (std::size_t x = i; x < end; ++x) {
            auto [round, table, from] = all[x];
            for (std::size_t y = i; y < end; ++y) {
                if (x == y) continue;
                AttendeeId about = std::get<2>(all[y]);
                talked->reset();
                talked->bind(1, event_id)
                    .bind(2, round)
                    .bind(3, from)
                    .bind(4, about)
                    .bind(5, percent(rng) < 70)
                    .bind(6, t0);
                talked->run();
                if (percent(rng) < 25) {
                    wish->reset();
                    wish->bind(1, event_id).bind(2, from).bind(3, about).bind(4, t0);
                    wish->run();
                }
            }
            rating->reset();
            rating->bind(1, event_id).bind(2, round).bind(3, from).bind(4, score(rng)).bind(5, t0);
            rating->run();
        }
        i = end;
    }
    db.execute("COMMIT");
}

}  // namespace

int main(int argc, char** argv) {
    try {
        TempDir dir(argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::temp_directory_path(),
                    "ensemble-review-bench");
        const std::string path = dir.file("review.db");
        std::mt19937_64 rng(20261129);
        {
            storage::SqliteStore store(path);
            play(store, rng);
        }
        answer(path, rng);
        storage::SqliteStore store(path);

        auto began = Clock::now();
        double cpu = cpu_ms();
        std::promise<std::optional<review::EventGraph>> loaded;
        store.load_review(
            event_id, [&loaded](std::optional<review::EventGraph> graph, storage::StoreError error) {
                if (error) return loaded.set_exception(std::make_exception_ptr(std::runtime_error(*error)));
                loaded.set_value(std::move(graph));
            });
        auto graph = loaded.get_future().get();
        if (!graph) throw std::runtime_error("the event was not found");
        const double load_ms = ms_since(began), load_cpu = cpu_ms() - cpu;

        began = Clock::now(), cpu = cpu_ms();
        auto analysis = review::analyse(*graph);
        auto report = review::make_report(*graph, analysis);
        const double report_ms = ms_since(began), report_cpu = cpu_ms() - cpu;

        began = Clock::now(), cpu = cpu_ms();
        auto graph_text = review::graph_json(*graph, analysis, "ended").dump();
        auto report_text = review::report_json(*graph, report, "ended").dump();
        const double json_ms = ms_since(began), json_cpu = cpu_ms() - cpu;

        std::printf("Staff review of %d attendees × %d rounds of %d: %zu pairs, %zu answers\n", attendees,
                    rounds, table_size, analysis.pairs.size(), graph->talked.size());
        std::printf("| step | wall | CPU |\n|---|---|---|\n");
        std::printf("| load (SQLite, store thread) | %.0f ms | %.0f ms |\n", load_ms, load_cpu);
        std::printf("| report (pairs, components, betweenness) | %.0f ms | %.0f ms |\n", report_ms,
                    report_cpu);
        std::printf("| graph and report JSON (%zu + %zu bytes) | %.0f ms | %.0f ms |\n", graph_text.size(),
                    report_text.size(), json_ms, json_cpu);
        std::printf("| together (target ≤ 2,000 ms) | %.0f ms | %.0f ms |\n", load_ms + report_ms + json_ms,
                    load_cpu + report_cpu + json_cpu);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "review_bench: %s\n", e.what());
        return 1;
    }
}
