#include "app/retention.hpp"

#include <boost/asio/post.hpp>

#include "app/clock.hpp"
#include "app/log.hpp"

namespace ensemble::app {

RetentionSweep::RetentionSweep(asio::any_io_executor executor, storage::EventStore& store, Registry& registry)
    : executor_(std::move(executor)), store_(store), registry_(registry), timer_(executor_) {}

void RetentionSweep::start() {
    purge();
    timer_.expires_after(every);
    timer_.async_wait([this](boost::system::error_code ec) {
        if (!ec) start();
    });
}

void RetentionSweep::stop() { timer_.cancel(); }

void RetentionSweep::purge() {
    store_.purge_expired(now_ms(), [this](storage::Expired purged, storage::StoreError error) {
        // Ids and counts only: the log never holds what was deleted.
        if (error) return log_event("purge_failed", {{"error", *error}});
        if (purged.empty()) return;
        std::vector<std::string> ids;
        std::int64_t attendees = 0;
        for (const auto& event : purged.events) ids.push_back(event.id), attendees += event.attendees;
        log_event("events_purged", {{"events", ids.size()},
                                    {"attendees", attendees},
                                    {"event_ids", ids},
                                    {"empty_series", purged.empty_series.size()}});
        asio::post(executor_, [this, ids = std::move(ids)] { registry_.forget(ids); });
    });
}

}  // namespace ensemble::app
