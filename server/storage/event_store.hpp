#pragma once
// The storage port: what the live rooms need of a database, asynchronous so that no network thread ever
// waits on a disk. SQLite (sqlite_store.hpp) is its first implementation; a shared database may follow.

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/records.hpp"
#include "domain/types.hpp"
#include "review/event_graph.hpp"

namespace ensemble::storage {

// An event as stored: its state, and who may act in it (credentials are hashes, never tokens). The host
// links' hashes, the creator's included, are in the state's host_links.
struct StoredEvent {
    domain::EventState state;
    std::string host_credential_hash;  // the creator's link, as the event was created with it
    std::unordered_map<std::string, domain::AttendeeId> attendee_credentials;  // hash -> attendee
};

// What went wrong, in words for the log (never user data); empty means success.
using StoreError = std::optional<std::string>;

class EventStore {
  public:
    using Committed = std::function<void(StoreError)>;
    using Loaded = std::function<void(std::optional<StoredEvent>, StoreError)>;
    using ReviewLoaded = std::function<void(std::optional<review::EventGraph>, StoreError)>;

    virtual ~EventStore() = default;

    // Inserts a new event (phase, round and clock from the state) with its host's credential hash.
    virtual void create_event(domain::EventState state, std::string host_credential_hash, Committed done) = 0;

    // Records of one command, all or nothing. `done` is called once they are durable (or failed), on the
    // store's own thread, in the order the commits of one event were made. After a failed commit of an
    // event, every later commit of that event fails too, until load() of that event: records applied on
    // top of a change that was never saved must not be saved either.
    virtual void commit(std::string event_id, std::vector<domain::Record> records, Committed done) = 0;

    // The event as stored (nullopt when there is none), after every commit made before this call.
    virtual void load(std::string event_id, Loaded done) = 0;

    // The event as staff review it (nullopt when there is none), after every commit made before this call;
    // `done` runs on the store's thread. A store that cannot say fails it.
    virtual void load_review(std::string event_id, ReviewLoaded done) {
        (void)event_id;
        done(std::nullopt, "this store has no review");
    }

    // Synchronous, for start-up before any room runs: every event in a round or a break, whose timers must
    // run. Events in their lobby or ended are loaded when someone asks for them.
    virtual std::vector<StoredEvent> load_running_events() = 0;
};

}  // namespace ensemble::storage
