#pragma once
// The room with fake connections and a store whose commits complete when the test says, for the tests of
// app/: who receives what, in which order, and that nothing is told before it is durable.

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <nlohmann/json.hpp>

#include "app/clock.hpp"
#include "app/event_room.hpp"

namespace ensemble::app {

inline constexpr domain::TimeMs t0 = 1'700'000'000'000;

// A connection that keeps what it was sent, as the room sent it, once the room flushed it.
struct FakeClient : Client {
    std::vector<SharedMessage> sent;
    std::optional<std::uint16_t> closed;
    std::vector<SharedMessage> waiting;
    std::optional<std::uint16_t> close_waiting;
    std::vector<std::size_t> flushes;  // how many messages each flush handed over
    bool send(SharedMessage message) override {
        bool owed = waiting.empty() && !close_waiting;
        waiting.push_back(std::move(message));
        return owed;
    }
    bool close(std::uint16_t code, std::string) override {
        bool owed = waiting.empty() && !close_waiting;
        if (!close_waiting) close_waiting = code;
        return owed;
    }
    void flush() override {
        flushes.push_back(waiting.size());
        for (auto& message : waiting) sent.push_back(std::move(message));
        waiting.clear();
        if (close_waiting) closed = close_waiting;
        close_waiting.reset();
    }

    std::vector<nlohmann::json> of_type(const std::string& type) const {
        std::vector<nlohmann::json> out;
        for (const auto& m : sent)
            if (auto parsed = nlohmann::json::parse(*m); parsed["type"] == type) out.push_back(parsed);
        return out;
    }
};

// Commits wait in a list until the test completes them, or fail at once while `failing` says why;
// load() answers with `truth`.
struct FakeStore : storage::EventStore {
    struct Pending {
        std::vector<domain::Record> records;
        Committed done;
        bool completed = false;
    };
    std::vector<Pending> commits;
    std::optional<std::string> failing;
    std::vector<std::chrono::steady_clock::time_point> attempts;  // when each commit came
    std::optional<storage::StoredEvent> truth;
    int loads = 0;

    void create_event(domain::EventState, std::string, Committed done) override { done(std::nullopt); }
    void commit(std::string, std::vector<domain::Record> records, Committed done) override {
        attempts.push_back(std::chrono::steady_clock::now());
        if (failing) return done(*failing);
        commits.push_back({std::move(records), std::move(done)});
    }
    void load(std::string, Loaded done) override {
        ++loads;
        done(truth, std::nullopt);
    }
    std::vector<storage::StoredEvent> load_running_events() override { return {}; }
    void delete_event(std::string, Committed done) override { done(std::nullopt); }
    void purge_expired(domain::TimeMs, Purged done) override { done({}, std::nullopt); }

    void complete(std::size_t index, storage::StoreError error = std::nullopt) {
        REQUIRE(index < commits.size());
        REQUIRE_FALSE(commits[index].completed);
        commits[index].completed = true;
        commits[index].done(std::move(error));
    }
    // Every commit not yet completed, in order.
    void complete_all() {
        for (std::size_t i = 0; i < commits.size(); ++i)
            if (!commits[i].completed) complete(i);
    }
};

// `count` attendees in the lobby, each with the credential "hash-ID".
inline storage::StoredEvent lobby(int count) {
    storage::StoredEvent stored;
    auto& s = stored.state;
    s.id = "evt";
    s.settings.title = "Rencontres";
    s.settings.rounds = 3;
    s.created_at = now_ms();  // a lobby this old is not yet expired
    for (domain::AttendeeId id = 1; id <= count; ++id) {
        s.attendees.emplace(id, domain::Attendee{id, "P" + std::to_string(id), "Org" + std::to_string(id % 4),
                                                 "", domain::AttendeeStatus::active, t0, false});
        stored.attendee_credentials.emplace("hash-" + std::to_string(id), id);
    }
    stored.host_credential_hash = "host-hash";
    return stored;
}

// The same event after round 1, its break over at `deadline`.
inline storage::StoredEvent in_break(int count, domain::TimeMs deadline) {
    auto stored = lobby(count);
    stored.state.phase = domain::Phase::pause_between_rounds;
    stored.state.round = 1;
    stored.state.deadline = deadline;
    return stored;
}

// Tries the storage again at once: the tests that are not about waiting see none.
inline constexpr StorageRetry no_wait{std::chrono::milliseconds(0), std::chrono::milliseconds(0)};

struct Fixture {
    boost::asio::io_context ioc;
    boost::asio::thread_pool compute{1};
    FakeStore store;
    std::shared_ptr<EventRoom> room;
    std::shared_ptr<FakeClient> host = std::make_shared<FakeClient>();
    std::vector<std::shared_ptr<FakeClient>> attendees;

    explicit Fixture(int count, StorageRetry retry = no_wait) : Fixture(lobby(count), retry) {}
    // Connections are written as soon as the strand is through, unless `write_every` says otherwise.
    Fixture(storage::StoredEvent stored, StorageRetry retry, std::optional<std::string> failing = {},
            std::chrono::milliseconds write_every = {}) {
        store.truth = stored;
        store.failing = std::move(failing);
        auto count = static_cast<domain::AttendeeId>(stored.state.attendees.size());
        room = std::make_shared<EventRoom>(
            ioc.get_executor(), RoomServices{store, compute, retry, write_every}, std::move(stored), "/join");
        room->start();
        room->attach(host, domain::Actor::host());
        for (domain::AttendeeId id = 1; id <= count; ++id) {
            attendees.push_back(std::make_shared<FakeClient>());
            room->attach(attendees.back(), domain::Actor::of(id));
        }
        settle();
    }
    ~Fixture() { compute.join(); }

    // Runs the room until `done` holds: every wait is for an event, bounded so a failure cannot hang.
    template <class Predicate>
    bool run_until(Predicate done) {
        auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!done() && std::chrono::steady_clock::now() < limit) {
            if (ioc.stopped()) ioc.restart();
            ioc.run_one_for(std::chrono::milliseconds(10));
        }
        return done();
    }
    void settle() { ioc.restart(), ioc.poll(); }
    // Runs the room for a while: for what is measured over time, such as how often the store is tried.
    void run_for(std::chrono::milliseconds span) {
        auto limit = std::chrono::steady_clock::now() + span;
        while (std::chrono::steady_clock::now() < limit) {
            if (ioc.stopped()) ioc.restart();
            ioc.run_one_until(limit);
        }
    }

    void host_says(domain::Command command) {
        room->handle(host.get(), domain::Actor::host(), {nullptr, command});
    }
    void attendee_says(domain::AttendeeId id, domain::Command command) {
        room->handle(attendees[id - 1].get(), domain::Actor::of(id), {nullptr, command});
    }
};

}  // namespace ensemble::app
