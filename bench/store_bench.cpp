// Storage benchmark: what SqliteStore costs a 10,000-person event, from commit() to a durable `done`.
// Usage: store_bench [DIRECTORY]   (the database file goes there; the system temp dir by default)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "bench_support.hpp"
#include "storage/sqlite_store.hpp"

using namespace ensemble;
using namespace ensemble::domain;
using namespace ensemble::bench;

namespace {

constexpr int attendees = 10'000;
constexpr int table_size = 5;
constexpr int rounds = 5;
constexpr int chat_messages = 10'000;
constexpr TimeMs t0 = 1'700'000'000'000;
const std::string event_id = "k7m2q9x4pw";  // ten characters, as the server makes them

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// The records of a round start as the domain makes them: a seat each.
// `seated` becomes the round's people in table order.
std::vector<Record> round_start(int round, std::vector<AttendeeId>& seated, std::mt19937_64& rng) {
    std::vector<AttendeeId> order(attendees);
    for (int i = 0; i < attendees; ++i) order[static_cast<std::size_t>(i)] = i + 1;
    std::shuffle(order.begin(), order.end(), rng);
    const TimeMs at = t0 + round * 900'000LL;
    std::vector<Record> records{RoundStarted{round, at}};
    for (int i = 0; i < attendees; ++i) {
        const int table = i / table_size + 1;
        const AttendeeId who = order[static_cast<std::size_t>(i)];
        // In place: GCC 12 warns falsely on moving a temporary variant here (-Wmaybe-uninitialized).
        records.emplace_back(std::in_place_type<Seated>, round, table, who, at);
    }
    records.push_back(PhaseChanged{Phase::round, round, at + 600'000, false, 0});
    seated = std::move(order);
    return records;
}

// The presence of each seat of the ending round (`seated`, in table order), written when the next round is
// asked for, while the matcher works.
std::vector<Record> round_end(int round, const std::vector<AttendeeId>& seated) {
    std::vector<Record> records;
    for (std::size_t i = 0; i < seated.size(); ++i)
        records.emplace_back(std::in_place_type<SeatPresenceRecorded>, round,
                             static_cast<int>(i) / table_size + 1, seated[i], 590'000, 1, false);
    return records;
}

// A chat burst: every commit queued at once, as rooms on many threads would. Returns the time until the
// last is durable.
double chat_burst(storage::SqliteStore& store) {
    std::promise<void> all_done;
    int done = 0;  // on the store's thread only
    int failed = 0;
    const auto began = Clock::now();
    for (int i = 0; i < chat_messages; ++i) {
        const AttendeeId from = i % attendees + 1;
        ChatMessage message{from, "", "Bonjour, je suis " + std::to_string(from),
                            t0 + rounds * 900'000LL + i};
        store.commit(event_id, {ChatPosted{rounds, (i % attendees) / table_size + 1, std::move(message)}},
                     [&](storage::StoreError error) {
                         if (error) ++failed;
                         if (++done == chat_messages) all_done.set_value();
                     });
    }
    all_done.get_future().wait();
    const double took = ms_since(began);
    if (failed) throw std::runtime_error(std::to_string(failed) + " chat commits failed");
    return took;
}

double load_once(storage::SqliteStore& store) {
    std::promise<std::size_t> loaded;
    const auto began = Clock::now();
    store.load(event_id, [&loaded](std::optional<storage::StoredEvent> stored, storage::StoreError error) {
        loaded.set_value(!error && stored ? stored->state.attendees.size() : 0);
    });
    if (loaded.get_future().get() != attendees) throw std::runtime_error("the event did not load whole");
    return ms_since(began);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const TempDir dir(argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::temp_directory_path(),
                          "ensemble-store-bench");
        const std::string path = dir.file("bench.db");
        storage::SqliteStore store(path);
        fill_lobby(store, event_id, attendees, table_size, rounds, t0);

        // Each round start is a new round of the same event, so the tables grow as in a real one.
        std::mt19937_64 rng(1);
        std::vector<double> round_ms;
        std::vector<double> round_end_ms;
        std::size_t round_records = 0;
        std::vector<AttendeeId> seated;
        for (int round = 1; round <= rounds; ++round) {
            if (round > 1) {
                const auto began = Clock::now();
                wait_commit(store, event_id, round_end(round - 1, seated));
                round_end_ms.push_back(ms_since(began));
            }
            auto records = round_start(round, seated, rng);
            round_records = records.size();
            const auto began = Clock::now();
            wait_commit(store, event_id, std::move(records));
            round_ms.push_back(ms_since(began));
        }

        const auto transactions_before = store.transactions_committed();
        const double chat_ms = chat_burst(store);
        const auto chat_transactions = store.transactions_committed() - transactions_before;

        std::vector<double> load_ms;
        for (int i = 0; i < 5; ++i) load_ms.push_back(load_once(store));
        store.stop();
        const double file_mb = static_cast<double>(std::filesystem::file_size(path) +
                                                   std::filesystem::file_size(path + "-wal")) /
                               1e6;

        std::printf("| measure | figure |\n|---|---|\n");
        std::printf(
            "| round start of %d attendees (%zu records, one commit), median of %d rounds | %.1f ms |\n",
            attendees, round_records, rounds, median(round_ms));
        std::printf("| round start, slowest of %d rounds | %.1f ms |\n", rounds,
                    *std::max_element(round_ms.begin(), round_ms.end()));
        std::printf("| round end: the presence of its %d seats (one commit), median of %zu | %.1f ms |\n",
                    attendees, round_end_ms.size(), median(round_end_ms));
        std::printf("| %d one-record chat commits queued at once: until the last is durable | %.1f ms |\n",
                    chat_messages, chat_ms);
        std::printf("| the same: transactions | %llu |\n",
                    static_cast<unsigned long long>(chat_transactions));
        std::printf(
            "| load of that event (%d attendees, %d rounds, %d chat messages), median of 5 | %.1f ms |\n",
            attendees, rounds, chat_messages, median(load_ms));
        std::printf("| database and WAL on disk | %.1f MB |\n", file_mb);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
