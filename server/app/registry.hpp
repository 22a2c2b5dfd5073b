#pragma once
// Every event's room on this node, created on demand from storage.

#include <memory>
#include <mutex>
#include <unordered_map>

#include "app/event_room.hpp"

namespace ensemble::app {

class Registry {
public:
    Registry(asio::any_io_executor executor, storage::EventRepository& repository, std::string public_url);

    // Rebuilds every event that had not ended when the server stopped, timers and all.
    std::size_t resume_unfinished();
    std::shared_ptr<EventRoom> create(domain::EventSettings settings, const std::string& host_credential_hash);
    // The room of an event, loading it from storage if needed; null when there is no such event.
    std::shared_ptr<EventRoom> find(const std::string& event_id);
    void shutdown();

    storage::EventRepository& repository() { return repository_; }
    const std::string& public_url() const { return public_url_; }

private:
    std::shared_ptr<EventRoom> open(domain::EventState state);  // with mutex_ held

    asio::any_io_executor executor_;
    storage::EventRepository& repository_;
    std::string public_url_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<EventRoom>> rooms_;
};

}  // namespace ensemble::app
