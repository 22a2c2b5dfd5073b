#include "storage/sqlite_store.hpp"

#include <future>
#include <stdexcept>
#include <utility>

#include "storage/purge.hpp"
#include "storage/review_reader.hpp"
#include "storage/series.hpp"

namespace ensemble::storage {

namespace {

constexpr const char* stopped = "storage: the store is stopped";

}  // namespace

SqliteStore::SqliteStore(const std::string& path, std::chrono::milliseconds busy_timeout)
    : db_(path, busy_timeout), checkpointer_(path), worker_([this] { run(); }) {}

SqliteStore::~SqliteStore() { stop(); }

void SqliteStore::stop() {
    if (std::this_thread::get_id() == worker_.get_id())
        throw std::logic_error("storage: stop() called from the store's own thread");
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_one();
    if (worker_.joinable()) worker_.join();
}

bool SqliteStore::enqueue(Job& job) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return false;
        queue_.push_back(std::move(job));
    }
    ready_.notify_one();
    return true;
}

void SqliteStore::create_event(domain::EventState state, std::string host_credential_hash, Committed done) {
    Job job = CreateJob{std::move(state), std::move(host_credential_hash), std::move(done)};
    if (!enqueue(job)) std::get<CreateJob>(job).done(stopped);
}

void SqliteStore::commit(std::string event_id, std::vector<domain::Record> records, Committed done) {
    Job job = CommitJob{std::move(event_id), std::move(records), std::move(done)};
    if (!enqueue(job)) std::get<CommitJob>(job).done(stopped);
}

void SqliteStore::load(std::string event_id, Loaded done) {
    Job job = LoadJob{std::move(event_id), std::move(done)};
    if (!enqueue(job)) std::get<LoadJob>(job).done(std::nullopt, stopped);
}

template <typename Result, typename Done>
void SqliteStore::read_task(std::function<Result()> read, Done done) {
    auto shared_done = std::make_shared<Done>(std::move(done));
    Job task = TaskJob([read = std::move(read), shared_done] {
        Result result;
        StoreError error;
        try {
            result = read();
        } catch (const std::exception& e) {
            error = e.what();
        }
        (*shared_done)(std::move(result), std::move(error));
    });
    if (!enqueue(task)) (*shared_done)(Result{}, stopped);
}

void SqliteStore::load_review(std::string event_id, ReviewLoaded done) {
    read_task<std::optional<review::EventGraph>>([this, event_id] { return read_event_graph(db_, event_id); },
                                                 std::move(done));
}

void SqliteStore::create_series(StoredSeries series, Committed done) {
    auto shared = std::make_shared<Committed>(std::move(done));
    Job task = TaskJob([this, series = std::move(series), shared] {
        StoreError error;
        try {
            insert_series(db_, series);
            ++transactions_;
        } catch (const std::exception& e) {
            error = e.what();
        }
        (*shared)(std::move(error));
    });
    if (!enqueue(task)) (*shared)(stopped);
}

void SqliteStore::find_series(std::string series_id, SeriesFound done) {
    read_task<std::optional<StoredSeries>>([this, series_id] { return read_series(db_, series_id); },
                                           std::move(done));
}

void SqliteStore::load_series_review(std::string series_id, SeriesReviewLoaded done) {
    read_task<std::optional<review::SeriesGraphs>>(
        [this, series_id] { return read_series_graphs(db_, series_id); }, std::move(done));
}

void SqliteStore::load_series_past(std::string series_id, std::string event_id, SeriesPastLoaded done) {
    read_task<std::optional<domain::SeriesPast>>(
        [this, series_id, event_id] { return read_series_past(db_, series_id, event_id); }, std::move(done));
}

std::vector<StoredEvent> SqliteStore::load_running_events() {
    if (std::this_thread::get_id() == worker_.get_id())
        throw std::logic_error("storage: load_running_events() called from the store's own thread");
    // A job like the others, so that it reads after every commit queued before it.
    std::promise<std::vector<StoredEvent>> loaded;
    auto result = loaded.get_future();
    Job task = TaskJob([this, &loaded] {
        try {
            loaded.set_value(repository_.load_running_stored_events());
        } catch (...) {
            loaded.set_exception(std::current_exception());
        }
    });
    if (!enqueue(task)) throw std::runtime_error(stopped);
    return result.get();
}

void SqliteStore::delete_event(std::string event_id, Committed done) {
    auto shared = std::make_shared<Committed>(std::move(done));
    Job task = TaskJob([this, event_id = std::move(event_id), shared] {
        StoreError error;
        try {
            if (!delete_event_rows(db_, event_id)) error = "storage: no such event";
            truncate_wal(db_);
        } catch (const std::exception& e) {
            error = e.what();
        }
        (*shared)(std::move(error));
    });
    if (!enqueue(task)) (*shared)(stopped);
}

void SqliteStore::purge_expired(domain::TimeMs now, Purged done) {
    auto shared = std::make_shared<Purged>(std::move(done));
    Job task = TaskJob([this, now, shared] {
        Expired purged;
        StoreError error;
        try {
            purged = storage::purge_expired(db_, now);
        } catch (const std::exception& e) {
            error = e.what();
        }
        (*shared)(std::move(purged), std::move(error));
    });
    if (!enqueue(task)) (*shared)({}, stopped);
}

void SqliteStore::run() {
    // Not inside the COMMIT of a round start: beside it (see checkpoint_if_needed()).
    db_.checkpoint_when_asked();
    // What an erasure or a deletion removes must not stay readable in the file's free space.
    enable_secure_delete(db_);
    std::unique_lock lock(mutex_);
    for (;;) {
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;  // stopping, and every job is done

        Job job = std::move(queue_.front());
        queue_.pop_front();
        if (auto* commit = std::get_if<CommitJob>(&job)) {
            // Every commit queued right now goes in one transaction; any other job runs alone, in its turn.
            std::vector<CommitJob> group;
            group.push_back(std::move(*commit));
            while (!queue_.empty() && group.size() < max_group) {
                auto* next = std::get_if<CommitJob>(&queue_.front());
                if (next == nullptr) break;
                group.push_back(std::move(*next));
                queue_.pop_front();
            }
            lock.unlock();
            run_group(group);
        } else {
            lock.unlock();
            if (auto* create = std::get_if<CreateJob>(&job))
                run_job(*create);
            else if (auto* load = std::get_if<LoadJob>(&job))
                run_job(*load);
            else
                std::get<TaskJob>(job)();
        }
        checkpoint_if_needed();
        lock.lock();
    }
}

void SqliteStore::checkpoint_if_needed() {
    const int pages = db_.wal_pages();
    if (pages < checkpoint_pages) return;
    if (pages < 10 * checkpoint_pages) return checkpointer_.request();
    // Between two transactions the whole WAL can be copied, so the next one starts it over.
    try {
        db_.checkpoint();
    } catch (const std::exception&) {
        // Nobody to tell, and nothing lost: the WAL still holds every commit, and the next try comes soon.
    }
}

void SqliteStore::run_job(CreateJob& job) {
    StoreError error;
    try {
        repository_.create_event(job.state, job.host_credential_hash);
        ++transactions_;
    } catch (const std::exception& e) {
        error = e.what();
    }
    job.done(std::move(error));
}

void SqliteStore::run_job(LoadJob& job) {
    std::optional<StoredEvent> stored;
    StoreError error;
    try {
        stored = repository_.load_stored_event(job.event_id);
        // The caller now holds the state as saved: its next commits build on that, not on a lost change.
        unsaved_.erase(job.event_id);
    } catch (const std::exception& e) {
        error = e.what();
    }
    job.done(std::move(stored), std::move(error));
}

void SqliteStore::run_group(std::vector<CommitJob>& group) {
    std::vector<StoreError> errors(group.size());
    std::vector<EventRepository::Command> commands;
    std::vector<std::size_t> positions;  // of each command in the group
    commands.reserve(group.size());
    positions.reserve(group.size());
    bool any_records = false;
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (unsaved_.count(group[i].event_id)) {
            errors[i] = earlier_change_not_saved;
            continue;
        }
        commands.push_back({group[i].event_id, group[i].records});
        positions.push_back(i);
        any_records = any_records || !group[i].records.empty();
    }

    try {
        auto written = repository_.commit_group(commands);
        for (std::size_t k = 0; k < written.size(); ++k) errors[positions[k]] = std::move(written[k]);
        if (any_records) ++transactions_;
    } catch (const std::exception& e) {
        const std::string why = std::string(e.what()) + " (a transaction of " +
                                std::to_string(commands.size()) + " commits, none saved)";
        for (std::size_t position : positions) errors[position] = why;
    }

    for (std::size_t i = 0; i < group.size(); ++i)
        if (errors[i]) unsaved_.insert(group[i].event_id);
    for (std::size_t i = 0; i < group.size(); ++i) group[i].done(std::move(errors[i]));
}

}  // namespace ensemble::storage
