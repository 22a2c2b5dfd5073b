#pragma once
// A token bucket: `burst` actions at once, refilled at `per_second`; time is passed in.

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ensemble::app {

class RateLimiter {
  public:
    RateLimiter(double burst, double per_second) : burst_(burst), per_second_(per_second), tokens_(burst) {}

    // True when the action may go ahead now (and counts it).
    bool allow(std::int64_t now_ms) {
        if (last_ms_ != 0) tokens_ = std::min(burst_, tokens_ + (now_ms - last_ms_) * per_second_ / 1000.0);
        last_ms_ = now_ms;
        if (tokens_ < 1.0) return false;
        tokens_ -= 1.0;
        return true;
    }

    // Milliseconds until an action may go ahead again (0: now), so a refusal can say when.
    std::int64_t wait_ms(std::int64_t now_ms) const {
        double tokens = tokens_;
        if (last_ms_ != 0) tokens = std::min(burst_, tokens + (now_ms - last_ms_) * per_second_ / 1000.0);
        if (tokens >= 1.0) return 0;
        return std::max<std::int64_t>(1, std::llround((1.0 - tokens) * 1000.0 / per_second_));
    }

  private:
    double burst_;
    double per_second_;
    double tokens_;
    std::int64_t last_ms_ = 0;
};

}  // namespace ensemble::app
