#pragma once
// The storage port on SQLite: one worker thread owns its own connection and runs the queued jobs in order.
// Commits queued while a transaction runs go together in the next one (group commit), each command all or
// nothing within it, and their `done` are called once that transaction is durable. A `done` runs on the
// worker: it must be quick and must not throw.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <variant>
#include <vector>

#include "storage/checkpointer.hpp"
#include "storage/event_repository.hpp"
#include "storage/event_store.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

class SqliteStore final : public EventStore {
  public:
    // Commands written in one transaction at most: bounds how long the first of a group waits for the rest.
    static constexpr std::size_t max_group = 1024;
    // Past this many pages in the WAL (SQLite's own threshold), the checkpointer copies it into the
    // database file beside the writer. Past ten times as many, when it cannot keep up with a writer that
    // never pauses, the worker does it between two transactions.
    static constexpr int checkpoint_pages = 1000;

    // Opens (creating and migrating) the file on its own connection and starts the worker.
    // Throws std::runtime_error saying what failed, so an unusable file stops the server at start-up.
    explicit SqliteStore(const std::string& path,
                         std::chrono::milliseconds busy_timeout = default_busy_timeout);
    // Finishes every queued job first, as stop() does.
    ~SqliteStore() override;
    SqliteStore(const SqliteStore&) = delete;
    SqliteStore& operator=(const SqliteStore&) = delete;

    void create_event(domain::EventState state, std::string host_credential_hash, Committed done) override;
    void commit(std::string event_id, std::vector<domain::Record> records, Committed done) override;
    // Also clears the failure of an earlier commit of this event, once the event is read back.
    void load(std::string event_id, Loaded done) override;
    // Waits for the jobs queued before it; never call it from a `done`.
    std::vector<StoredEvent> load_running_events() override;
    void load_review(std::string event_id, ReviewLoaded done) override;
    void delete_event(std::string event_id, Committed done) override;
    void purge_expired(domain::TimeMs now, Purged done) override;
    void create_series(StoredSeries series, Committed done) override;
    void find_series(std::string series_id, SeriesFound done) override;
    void load_series_review(std::string series_id, SeriesReviewLoaded done) override;
    void load_series_past(std::string series_id, std::string event_id, SeriesPastLoaded done) override;

    // Runs every job already queued, then ends the worker. A job queued afterwards fails at once, its
    // `done` called on the caller's thread. Call it from one thread, never from a `done`.
    void stop();

    // Write transactions committed so far (events created, groups of commits): for tests and benchmarks.
    std::uint64_t transactions_committed() const { return transactions_.load(); }

  private:
    struct CreateJob {
        domain::EventState state;
        std::string host_credential_hash;
        Committed done;
    };
    struct CommitJob {
        std::string event_id;
        std::vector<domain::Record> records;
        Committed done;
    };
    struct LoadJob {
        std::string event_id;
        Loaded done;
    };
    // Anything else run on the worker, such as the start-up load.
    using TaskJob = std::function<void()>;
    using Job = std::variant<CreateJob, CommitJob, LoadJob, TaskJob>;

    // Moves the job into the queue; false, leaving it untouched, once stopped.
    bool enqueue(Job& job);
    void run();
    void run_job(CreateJob& job);
    void run_job(LoadJob& job);
    void run_group(std::vector<CommitJob>& group);
    void checkpoint_if_needed();
    // Runs `read` on the worker after the jobs queued before it; `done(result, error)`.
    template <typename Result, typename Done>
    void read_task(std::function<Result()> read, Done done);

    Database db_;
    EventRepository repository_{db_};
    Checkpointer checkpointer_;  // closed before db_, whose close then ends the WAL
    std::atomic<std::uint64_t> transactions_{0};

    std::mutex mutex_;  // guards queue_ and stopping_
    std::condition_variable ready_;
    std::deque<Job> queue_;
    bool stopping_ = false;

    // Events with a failed commit not yet followed by a load: the worker's alone.
    std::unordered_set<std::string> unsaved_;

    std::thread worker_;  // last: starts once everything above exists
};

}  // namespace ensemble::storage
