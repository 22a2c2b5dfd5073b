#include "storage/checkpointer.hpp"

namespace ensemble::storage {

Checkpointer::Checkpointer(const std::string& path) : db_(path), thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void Checkpointer::request() {
    {
        std::lock_guard lock(mutex_);
        requested_ = true;
    }
    wake_.notify_one();
}

void Checkpointer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return requested_ || stopping_; });
        if (!requested_) return;
        requested_ = false;
        lock.unlock();
        try {
            db_.checkpoint();
        } catch (const std::exception&) {
            // Nobody to tell, and nothing lost: the WAL still holds every commit, and the next try comes
            // soon.
        }
        lock.lock();
    }
}

}  // namespace ensemble::storage
