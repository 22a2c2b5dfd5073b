#pragma once
// Where `ensemble export` reads its event: the database file, opened as the server opens it.

#include <optional>
#include <string>

#include "review/event_graph.hpp"

namespace ensemble::cli {

// nullopt when the file has no such event. Throws when the file cannot be opened or was written by a
// newer ensemble (the schema is never migrated down). The caller checks that the file exists first.
std::optional<review::EventGraph> read_event_file(const std::string& db, const std::string& event_id);

}  // namespace ensemble::cli
