#pragma once
// One JSON line per event of note on standard output. Never an attendee's personal data:
// ids and counts only, no names, organisations, messages or tokens.

#include <nlohmann/json.hpp>
#include <string_view>

namespace ensemble::app {

void log_event(std::string_view event, nlohmann::json fields = nlohmann::json::object());

}  // namespace ensemble::app
