#pragma once
// How many events one client address may create per hour (`--create-limit`): one address cannot fill
// memory and disk with events. Joining is not limited per address: a whole council behind one NAT joins
// the same event; an event's `max_attendees` bounds it instead.

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "app/rate_limiter.hpp"

namespace ensemble::net {

class CreationLimit {
  public:
    explicit CreationLimit(unsigned per_hour) : per_hour_(per_hour) {}

    // True when `address` may create one more event now (and counts it).
    bool allow(const std::string& address, std::int64_t now_ms);

  private:
    struct Bucket {
        app::RateLimiter limiter;
        std::int64_t last_ms;
    };
    unsigned per_hour_;  // 0: no limit
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace ensemble::net
