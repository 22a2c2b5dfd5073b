// When the database fails: nothing told of what it did not keep, its truth read back, tries ever slower.
#include <algorithm>
#include <boost/asio/post.hpp>

#include "app/event_room.hpp"
#include "app/log.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

// The wait after `failures` storage failures in a row: doubling from the first, up to the most.
std::chrono::milliseconds retry_wait(const StorageRetry& retry, int failures) {
    auto wait = retry.first;
    for (int i = 1; i < failures && wait < retry.most; ++i) wait *= 2;
    return std::min(wait, retry.most);
}

}  // namespace

// Whatever was applied after the failed change stood on it: none of it is told, and the database's
// truth comes back before anything else is applied.
void EventRoom::commit_failed(const std::string& error) {
    storage_failed("commit_failed", error);
    for (auto& batch : pending_)
        if (batch.done) batch.done(false);
    first_seq_ += pending_.size();
    pending_.clear();
    reloading_ = true;
    reload();
}

void EventRoom::reload() {
    services_.store.load(id_, [self = shared_from_this()](std::optional<storage::StoredEvent> stored,
                                                          storage::StoreError error) {
        asio::post(self->strand_, [self, stored = std::move(stored), error = std::move(error)]() mutable {
            if (stored) return self->reloaded(std::move(*stored));
            self->storage_failed("reload_failed", error.value_or("no such event"));
            if (self->stopping_) return;
            self->retry_timer_.expires_at(self->retry_at_);
            self->retry_timer_.async_wait([self](boost::system::error_code ec) {
                if (!ec) self->reload();
            });
        });
    });
}

// The next try waits longer after each failure in a row, so a failure that repeats (a full disk at a
// deadline) is tried, logged and told at a slow pace; the host hears once that the event is held up.
void EventRoom::storage_failed(const char* what, const std::string& error) {
    ++storage_failures_;
    auto wait = retry_wait(services_.retry, storage_failures_);
    retry_at_ = std::chrono::steady_clock::now() + wait;
    log_event(what, {{"event_id", id_},
                     {"error", error},
                     {"failures", storage_failures_},
                     {"retry_in_ms", wait.count()}});
    if (storage_failures_ == 1) send_to_hosts(share(storage_message(false)));
}

void EventRoom::storage_recovered() {
    log_event("storage_recovered", {{"event_id", id_}, {"failures", storage_failures_}});
    storage_failures_ = 0;
    send_to_hosts(share(storage_message(true)));
}

bool EventRoom::storage_waits() const {
    return storage_failures_ > 0 && std::chrono::steady_clock::now() < retry_at_;
}

// Everyone connected now sees the database's truth.
void EventRoom::reloaded(storage::StoredEvent stored) {
    for (auto& [id, attendee] : stored.state.attendees) attendee.connected = attendees_.count(id) > 0;
    event_ = domain::Event(std::move(stored.state));
    credentials_ = std::move(stored.attendee_credentials);
    reloading_ = false;
    host_delta_.reset();
    version_ = next_version();  // the database's truth: what was kept of the state before is not
    log_event("event_reloaded", {{"event_id", id_}});
    for (const auto& [id, client] : attendees_) send_to(client, share(attendee_state(event_, id)));
    send_to_hosts(share(host_state(event_)));
    armed_for_.reset();
    arm_deadline();
}

}  // namespace ensemble::app
