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
#include "review/series.hpp"

namespace ensemble::storage {

// An event as stored: its state, and who may act in it (credentials are hashes, never tokens). The host
// links' hashes, the creator's included, are in the state's host_links.
struct StoredEvent {
    domain::EventState state;
    std::string host_credential_hash;  // the creator's link, as the event was created with it
    std::unordered_map<std::string, domain::AttendeeId> attendee_credentials;  // hash -> attendee
};

// A series of events as stored: the staff link's hash, and its events, oldest first.
struct StoredSeries {
    struct Event {
        std::string id;
        std::string title;
        std::string phase;
        domain::TimeMs created_at = 0;
        std::optional<domain::TimeMs> ended_at;
    };
    std::string id;
    std::string title;
    domain::TimeMs created_at = 0;
    std::string credential_hash;
    std::vector<Event> events;
};

// What went wrong, in words for the log (never user data); empty means success.
using StoreError = std::optional<std::string>;

// An event deleted because its retention ran out (protocol.md, Data protection): no names, only counts.
struct PurgedEvent {
    std::string id;
    domain::TimeMs ended_at = 0;  // as recorded, or as assumed for an event that has no record of it
    std::int64_t attendees = 0;
};

// What a retention sweep deletes, or would: events, and series never given one for the lobby's lifetime.
struct Expired {
    std::vector<PurgedEvent> events;  // earliest end first
    std::vector<std::string> empty_series;
    bool empty() const { return events.empty() && empty_series.empty(); }
};

class EventStore {
  public:
    using Committed = std::function<void(StoreError)>;
    using Loaded = std::function<void(std::optional<StoredEvent>, StoreError)>;
    using ReviewLoaded = std::function<void(std::optional<review::EventGraph>, StoreError)>;
    using Purged = std::function<void(Expired, StoreError)>;
    using SeriesFound = std::function<void(std::optional<StoredSeries>, StoreError)>;
    using SeriesReviewLoaded = std::function<void(std::optional<review::SeriesGraphs>, StoreError)>;
    using SeriesPastLoaded = std::function<void(std::optional<domain::SeriesPast>, StoreError)>;

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

    // A new series (its events left empty); fails when the id or the hash is taken.
    virtual void create_series(StoredSeries series, Committed done) {
        (void)series;
        done("this store has no series");
    }
    // The series with its events (nullopt when there is none).
    virtual void find_series(std::string series_id, SeriesFound done) {
        (void)series_id;
        done(std::nullopt, "this store has no series");
    }
    // Who met whom in the series' events other than `event_id`, by person key.
    virtual void load_series_past(std::string series_id, std::string event_id, SeriesPastLoaded done) {
        (void)series_id, (void)event_id;
        done(std::nullopt, "this store has no series");
    }
    // Every event of the series as staff review it, with who is the same person across them.
    virtual void load_series_review(std::string series_id, SeriesReviewLoaded done) {
        (void)series_id;
        done(std::nullopt, "this store has no series");
    }

    // Synchronous, for start-up before any room runs: every event in a round or a break, whose timers must
    // run. Events in their lobby or ended are loaded when someone asks for them.
    virtual std::vector<StoredEvent> load_running_events() = 0;

    // Deletes every row of one event, after every commit made before this call. Nothing of the event may be
    // committed afterwards: its room is closed first.
    virtual void delete_event(std::string event_id, Committed done) = 0;

    // Deletes every event whose retention is over at `now`, and every series left without one
    // (storage/purge.hpp), after every commit made before this call, and says which.
    virtual void purge_expired(domain::TimeMs now, Purged done) = 0;
};

}  // namespace ensemble::storage
