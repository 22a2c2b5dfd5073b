#pragma once
// The daily purge of `ensemble serve`: at start-up and then every 24 hours, the events whose retention is
// over are deleted on the store's thread, and the rooms still open for them are closed.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>

#include "app/registry.hpp"
#include "storage/event_store.hpp"

namespace ensemble::app {

class RetentionSweep {
  public:
    static constexpr std::chrono::hours every{24};

    RetentionSweep(asio::any_io_executor executor, storage::EventStore& store, Registry& registry);
    // Purges now, then every day until stop().
    void start();
    void stop();

  private:
    void purge();

    asio::any_io_executor executor_;
    storage::EventStore& store_;
    Registry& registry_;
    asio::steady_timer timer_;
};

}  // namespace ensemble::app
