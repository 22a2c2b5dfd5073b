#pragma once
// What the storage benchmarks share: wall time, a temporary directory for the database, and a commit
// waited for.
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
#include <string>
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

}  // namespace ensemble::bench
