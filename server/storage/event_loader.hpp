#pragma once
// Rebuilds an event's state and credentials from its rows. The caller owns the connection and holds a
// transaction.

#include <optional>
#include <string>

#include "domain/types.hpp"
#include "storage/event_store.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// The most recent chat messages of a table brought back on load, as the domain keeps them.
constexpr int chat_messages_loaded = 200;
// The latest host actions brought back on load, as the domain keeps them for the console's log.
constexpr int host_actions_loaded = 50;

// The event's state with its credential hashes; nullopt when there is no such event.
std::optional<StoredEvent> read_event(Database& db, const std::string& event_id);

}  // namespace ensemble::storage
