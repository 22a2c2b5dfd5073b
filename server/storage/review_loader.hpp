#pragma once
// The review's input: the event as staff review it (read_event_graph), with the times the report needs.

#include <optional>
#include <string>

#include "review/event_graph.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// nullopt when there is no such event.
std::optional<review::EventGraph> read_review(Database& db, const std::string& event_id);

}  // namespace ensemble::storage
