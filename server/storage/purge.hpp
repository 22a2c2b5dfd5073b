#pragma once
// Deleting events for good: one event on its host's demand, or every event whose retention is over.
// Each runs on the thread that owns the connection; deleted text is overwritten, not left in free pages.

#include <string>
#include <vector>

#include "domain/types.hpp"
#include "storage/event_store.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// SQLite's secure delete on this connection: what a DELETE or an UPDATE removes is overwritten with zeros.
void enable_secure_delete(Database& db);

// When an event's retention starts: its end as recorded; for an event ended before the end was recorded,
// and for a lobby never started, its creation plus the lobby lifetime (the latest it could have ended).
// nullopt for an event still running.
std::optional<domain::TimeMs> retention_start(domain::Phase phase, domain::TimeMs created_at,
                                              std::optional<domain::TimeMs> ended_at);

// Every event whose retention is over at `now` (start + retention_days), earliest end first; and every
// series never given an event, once the lobby's lifetime has passed since its creation, as for an event
// never started (a series that had events goes with the last of them).
Expired find_expired(Database& db, domain::TimeMs now);

// Deletes every row of one event in one transaction, and its series when it was the series' last event:
// false when there was no such event.
bool delete_event_rows(Database& db, const std::string& event_id);

// find_expired, then delete_event_rows for each event and deletes each series; then empties the WAL when no
// reader holds it, so that no older copy of a deleted page stays there either. Returns what was deleted.
Expired purge_expired(Database& db, domain::TimeMs now);

// Copies the WAL into the database file and truncates it, when no reader holds it (best effort).
void truncate_wal(Database& db);

}  // namespace ensemble::storage
