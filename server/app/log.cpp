#include "app/log.hpp"

#include <chrono>
#include <iostream>
#include <mutex>

namespace ensemble::app {

void log_event(std::string_view event, nlohmann::json fields) {
    static std::mutex mutex;
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    fields["event"] = event;
    fields["ts"] = now.count();
    std::string line = fields.dump() + "\n";
    std::lock_guard lock(mutex);
    std::cout << line << std::flush;
}

}  // namespace ensemble::app
