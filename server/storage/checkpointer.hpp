#pragma once
// Copies the WAL into the database file on a thread and connection of its own, so that the writer never
// waits for a checkpoint's disk syncs: SQLite lets a passive checkpoint run beside a writer.

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "storage/sqlite.hpp"

namespace ensemble::storage {

class Checkpointer {
  public:
    // Opens its own connection on a file the writer has already opened and migrated.
    explicit Checkpointer(const std::string& path);
    // Runs a checkpoint still asked for, then ends the thread.
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Asks for a checkpoint soon; returns at once. Requests made while one runs make one more.
    void request();

  private:
    void run();

    Database db_;
    std::mutex mutex_;  // guards requested_ and stopping_
    std::condition_variable wake_;
    bool requested_ = false;
    bool stopping_ = false;
    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace ensemble::storage
