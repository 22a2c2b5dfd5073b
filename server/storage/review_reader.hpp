#pragma once
// An event as staff review it (review::EventGraph), read from the database in one go.

#include <optional>
#include <string>

#include "review/event_graph.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// nullopt when there is no such event. Entries merged into another are left out (their seats, meetings
// and chat were moved to the entry kept); erased attendees stay as anonymous people; contacts are never
// read. Answers by or about someone not in `people` are dropped.
std::optional<review::EventGraph> read_event_graph(Database& db, const std::string& event_id);

}  // namespace ensemble::storage
