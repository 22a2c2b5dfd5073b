#include "app/registry.hpp"

#include "app/clock.hpp"
#include "app/log.hpp"
#include "app/tokens.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

const Problem store_failed{domain::ErrorCode::storage_unavailable,
                           "the database cannot be written or read right now: try again later", ""};

}  // namespace

Registry::Registry(asio::any_io_executor executor, RoomServices services, std::string public_url)
    : executor_(std::move(executor)),
      services_(services),
      public_url_(std::move(public_url)),
      sweep_timer_(executor_) {}

std::shared_ptr<EventRoom> Registry::open(storage::StoredEvent stored) {
    std::string id = stored.state.id;
    auto room = std::make_shared<EventRoom>(executor_, services_, std::move(stored),
                                            links_for(public_url_, id).join_url);
    rooms_[id] = room;
    room->start();
    return room;
}

std::size_t Registry::resume_running() {
    auto events = services_.store.load_running_events();
    std::lock_guard lock(mutex_);
    for (auto& stored : events) {
        log_event("event_resumed", {{"event_id", stored.state.id},
                                    {"phase", domain::to_string(stored.state.phase)},
                                    {"round", stored.state.round}});
        open(std::move(stored));
    }
    return events.size();
}

void Registry::create(domain::EventSettings settings, std::string host_name, std::string host_credential_hash,
                      std::string series_id, Found done) {
    std::string id;
    {
        std::lock_guard lock(mutex_);
        do id = new_event_id();
        while (rooms_.count(id));
    }
    auto state =
        domain::Event::create(id, std::move(settings), now_ms(), std::move(host_name), host_credential_hash)
            .state();
    state.series_id = std::move(series_id);
    storage::StoredEvent stored{state, host_credential_hash, {}};
    services_.store.create_event(
        std::move(state), std::move(host_credential_hash),
        [this, stored = std::move(stored), done = std::move(done)](storage::StoreError error) mutable {
            if (error) {
                log_event("create_failed", {{"error", *error}});
                return done(nullptr, store_failed);
            }
            log_event("event_created", {{"event_id", stored.state.id}});
            // An event of a series opens as storage has it, with who met whom in the series' other events.
            if (!stored.state.series_id.empty()) return find(stored.state.id, std::move(done));
            std::shared_ptr<EventRoom> room;
            {
                std::lock_guard lock(mutex_);
                room = open(std::move(stored));
            }
            done(room, std::nullopt);
        });
}

void Registry::find(const std::string& event_id, Found done) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = rooms_.find(event_id); it != rooms_.end()) return done(it->second, std::nullopt);
    }
    services_.store.load(event_id, [this, done = std::move(done)](std::optional<storage::StoredEvent> stored,
                                                                  storage::StoreError error) {
        if (error) {
            log_event("load_failed", {{"error", *error}});
            return done(nullptr, store_failed);
        }
        if (!stored) return done(nullptr, std::nullopt);
        std::shared_ptr<EventRoom> room;
        {
            std::lock_guard lock(mutex_);
            auto it = rooms_.find(stored->state.id);
            room = it != rooms_.end() ? it->second : open(std::move(*stored));
        }
        done(room, std::nullopt);
    });
}

void Registry::authenticate(const std::string& event_id, const std::string& token, Authenticated done,
                            Access access) {
    find(event_id, [token, done = std::move(done), access](std::shared_ptr<EventRoom> room,
                                                           std::optional<Problem> problem) {
        if (problem) return done(*problem);
        if (!room) return done(Problem{domain::ErrorCode::not_found, "no such event", ""});
        if (token.empty()) return done(Problem{domain::ErrorCode::unauthorized, "wrong token", ""});
        room->authenticate(
            token_hash(token),
            [room, done](std::variant<domain::Actor, Problem> who) {
                if (auto* problem = std::get_if<Problem>(&who)) return done(*problem);
                done(std::pair{room, std::get<domain::Actor>(who)});
            },
            access);
    });
}

void Registry::start_sweeping() {
    sweep_timer_.expires_after(std::chrono::minutes(1));
    sweep_timer_.async_wait([this](boost::system::error_code ec) {
        if (ec) return;
        std::vector<std::shared_ptr<EventRoom>> rooms;
        {
            std::lock_guard lock(mutex_);
            for (const auto& [id, room] : rooms_) rooms.push_back(room);
        }
        for (const auto& room : rooms)
            room->release_if_idle([this, room](bool released) {
                if (!released) return;
                std::lock_guard lock(mutex_);
                if (auto it = rooms_.find(room->id()); it != rooms_.end() && it->second == room)
                    rooms_.erase(it);
            });
        start_sweeping();
    });
}

void Registry::delete_event(std::shared_ptr<EventRoom> room, domain::HostLinkId by,
                            std::function<void(std::optional<Problem>)> done) {
    room->close_for_deletion(by, [this, room, done = std::move(done)](std::optional<Problem> problem) {
        if (problem) return done(problem);
        services_.store.delete_event(room->id(), [this, room, done](storage::StoreError error) {
            {
                std::lock_guard lock(mutex_);
                if (auto it = rooms_.find(room->id()); it != rooms_.end() && it->second == room)
                    rooms_.erase(it);
            }
            if (error) {
                log_event("delete_failed", {{"event_id", room->id()}, {"error", *error}});
                return done(store_failed);
            }
            log_event("event_deleted", {{"event_id", room->id()}});
            done(std::nullopt);
        });
    });
}

void Registry::forget(const std::vector<std::string>& event_ids) {
    std::lock_guard lock(mutex_);
    for (const auto& id : event_ids) {
        auto it = rooms_.find(id);
        if (it == rooms_.end()) continue;
        it->second->close_for_deletion(0, [](std::optional<Problem>) {});
        rooms_.erase(it);
    }
}

void Registry::shutdown() {
    sweep_timer_.cancel();
    std::lock_guard lock(mutex_);
    for (auto& [id, room] : rooms_) room->shutdown();
}

}  // namespace ensemble::app
