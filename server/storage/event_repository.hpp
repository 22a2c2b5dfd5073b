#pragma once
// The live events aggregate in SQLite: created once, changed by committing a command's records, reloaded
// whole after a restart. The synchronous core of SqliteStore. Not thread-safe: it runs on the thread that
// owns its connection (SqliteStore's worker).

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/records.hpp"
#include "domain/types.hpp"
#include "storage/event_store.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// Why a command was not written although it is sound: one before it, of the same event, failed.
inline constexpr const char* earlier_change_not_saved =
    "storage: an earlier change of this event was not saved";

class EventRepository {
  public:
    // One command's records, as queued for a group commit.
    struct Command {
        const std::string& event_id;
        const std::vector<domain::Record>& records;
    };

    explicit EventRepository(Database& db);

    // Inserts the event row (phase, round and clock from the state) with its host's credential hash.
    // Throws std::runtime_error when the id or the hash is already taken.
    void create_event(const domain::EventState& state, const std::string& host_credential_hash);

    // All records of one command in ONE transaction; throws (and commits nothing) on failure.
    void commit(const std::string& event_id, const std::vector<domain::Record>& records);

    // Several commands in ONE transaction, each all or nothing within it: a failing command is undone
    // alone, and the later commands of its event fail with it since they were built on it. Returns each
    // command's error (nullopt: written). Throws, writing nothing, when the transaction itself fails.
    std::vector<StoreError> commit_group(std::span<const Command> commands);

    // The event with its credential hashes.
    std::optional<StoredEvent> load_stored_event(const std::string& event_id);

    // Every event whose phase is not ended, oldest first: what a restarted server resumes.
    std::vector<StoredEvent> load_running_stored_events();

  private:
    Database& db_;
};

}  // namespace ensemble::storage
