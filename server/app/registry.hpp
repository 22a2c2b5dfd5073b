#pragma once
// Every event's room on this node, opened on demand from the store. The registry only maps ids to rooms:
// it never waits on the database, and its lock is held for map operations alone.

#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "app/event_room.hpp"
#include "review/cache.hpp"

namespace ensemble::app {

class Registry {
  public:
    using Found = std::function<void(std::shared_ptr<EventRoom>, std::optional<Problem>)>;

    Registry(asio::any_io_executor executor, RoomServices services, std::string public_url);

    // Rebuilds every event that was in a round or a break when the server stopped, timers and all (at
    // start-up). The others are opened when someone asks for them.
    std::size_t resume_running();
    // Both answer on the store's thread or the caller's: post back to your own executor.
    // `series_id` (may be empty): the series the event belongs to, already checked.
    void create(domain::EventSettings settings, std::string host_name, std::string host_credential_hash,
                std::string series_id, Found done);
    // The room of an event, loading it from the store if needed; null without a problem when there is none.
    void find(const std::string& event_id, Found done);
    // Who a token is in an event, with the event's room: unauthorized, forbidden or not_found otherwise.
    using Authenticated =
        std::function<void(std::variant<std::pair<std::shared_ptr<EventRoom>, domain::Actor>, Problem>)>;
    void authenticate(const std::string& event_id, const std::string& token, Authenticated done,
                      Access access = Access::live);
    // Every minute, closes the rooms nobody needs in memory (EventRoom::release_if_idle); they are opened
    // again from the store when someone asks for them.
    void start_sweeping();
    // Deletes an event for good, at a host link's demand: its room closes every connection and stops, then
    // every row goes. The room stays registered (refusing everything) until the rows are gone, so that
    // nobody reopens the event meanwhile. Answers on the store's thread or the caller's.
    void delete_event(std::shared_ptr<EventRoom> room, domain::HostLinkId by,
                      std::function<void(std::optional<Problem>)> done);
    // The rooms of events the store purged: closed and forgotten.
    void forget(const std::vector<std::string>& event_ids);
    void shutdown();

    const std::string& public_url() const { return public_url_; }
    RoomServices& services() { return services_; }
    review::Cache& review_cache() { return review_cache_; }

  private:
    std::shared_ptr<EventRoom> open(storage::StoredEvent stored);  // with mutex_ held

    asio::any_io_executor executor_;
    RoomServices services_;
    std::string public_url_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<EventRoom>> rooms_;
    asio::steady_timer sweep_timer_;
    review::Cache review_cache_;
};

}  // namespace ensemble::app
