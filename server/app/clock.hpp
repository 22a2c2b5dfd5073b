#pragma once
// Wall-clock time as the domain counts it: deadlines must survive a restart, so they are absolute.

#include <chrono>

#include "domain/types.hpp"

namespace ensemble::app {

inline domain::TimeMs now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace ensemble::app
