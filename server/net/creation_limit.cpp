#include "net/creation_limit.hpp"

namespace ensemble::net {
namespace {

constexpr std::int64_t hour_ms = 3600 * 1000;
constexpr std::size_t prune_above = 10000;  // addresses remembered before the idle ones are forgotten

}  // namespace

bool CreationLimit::allow(const std::string& address, std::int64_t now_ms) {
    if (per_hour_ == 0) return true;
    std::lock_guard lock(mutex_);
    // A bucket idle for an hour is full again: forgetting it changes nothing.
    if (buckets_.size() > prune_above)
        std::erase_if(buckets_,
                      [now_ms](const auto& entry) { return now_ms - entry.second.last_ms > hour_ms; });
    auto [it, added] = buckets_.try_emplace(address, Bucket{{double(per_hour_), per_hour_ / 3600.0}, now_ms});
    it->second.last_ms = now_ms;
    return it->second.limiter.allow(now_ms);
}

}  // namespace ensemble::net
