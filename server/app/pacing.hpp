#pragma once
// How often a message sent to every attendee may go out: twice a second, and less often in a crowd, so that
// such messages (head counts, the topic tables' list) cost at most ~2,000 sends a second.

#include <algorithm>
#include <chrono>
#include <cstddef>

namespace ensemble::app {

inline std::chrono::milliseconds crowd_interval(std::size_t connected) {
    constexpr std::chrono::milliseconds every{500};
    constexpr std::size_t messages_per_second = 2000;
    return std::max(every, std::chrono::milliseconds(connected * 1000 / messages_per_second));
}

}  // namespace ensemble::app
