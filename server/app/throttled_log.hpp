#pragma once
// A log line that may repeat in a burst: written at most once per interval, the next one counting the
// lines left out ("suppressed"). Used from one strand.

#include <chrono>
#include <optional>

#include "app/log.hpp"

namespace ensemble::app {

class ThrottledLog {
  public:
    ThrottledLog(const char* event, std::chrono::steady_clock::duration interval)
        : event_(event), interval_(interval) {}

    void log(nlohmann::json fields) {
        auto now = std::chrono::steady_clock::now();
        if (last_ && now - *last_ < interval_) return (void)++suppressed_;
        fields["suppressed"] = suppressed_;
        log_event(event_, std::move(fields));
        last_ = now;
        suppressed_ = 0;
    }

  private:
    const char* event_;
    std::chrono::steady_clock::duration interval_;
    std::optional<std::chrono::steady_clock::time_point> last_;
    std::size_t suppressed_ = 0;
};

}  // namespace ensemble::app
