#pragma once
// What the storage benchmarks share: wall time, a temporary directory for the database, and a commit
// waited for.
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "storage/sqlite_store.hpp"

namespace ensemble::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point began) {
    return std::chrono::duration<double, std::milli>(Clock::now() - began).count();
}

// A fresh directory for the database, removed with it.
class TempDir {
  public:
    TempDir(const std::filesystem::path& parent, const std::string& prefix) {
        std::string pattern = (parent / (prefix + "-XXXXXX")).string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create " + pattern);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

inline void wait_commit(storage::SqliteStore& store, const std::string& event_id,
                        std::vector<domain::Record> records) {
    std::promise<storage::StoreError> done;
    auto result = done.get_future();
    store.commit(event_id, std::move(records), [&done](storage::StoreError error) { done.set_value(error); });
    if (auto error = result.get()) throw std::runtime_error(*error);
}

// A new event whose lobby everyone joins, a thousand to a command, as a busy lobby would.
inline void fill_lobby(storage::SqliteStore& store, const std::string& event_id, int attendees,
                       int table_size, int rounds, domain::TimeMs t0) {
    using namespace domain;
    EventState state;
    state.id = event_id;
    state.settings.title = "Benchmark";
    state.settings.table_size = table_size;
    state.settings.min_table_size = table_size - 1;
    state.settings.max_table_size = table_size + 1;
    state.settings.rounds = rounds;
    state.created_at = t0;
    std::promise<storage::StoreError> created;
    store.create_event(state, "host-hash",
                       [&created](storage::StoreError error) { created.set_value(error); });
    if (auto error = created.get_future().get()) throw std::runtime_error(*error);

    std::vector<Record> joins;
    for (AttendeeId id = 1; id <= attendees; ++id) {
        Attendee attendee;
        attendee.id = id;
        attendee.name = "Personne " + std::to_string(id);
        attendee.organisation = "Organisation " + std::to_string(id % 97);
        attendee.joined_at = t0 + id;
        // As long as a real credential hash.
        joins.push_back(AttendeeJoined{attendee, std::string(64, 'a') + std::to_string(id)});
        if (joins.size() == 1000) wait_commit(store, event_id, std::exchange(joins, {}));
    }
    if (!joins.empty()) wait_commit(store, event_id, std::move(joins));
}

}  // namespace ensemble::bench
