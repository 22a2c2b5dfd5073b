#include "app/registry.hpp"

#include "app/clock.hpp"
#include "app/log.hpp"
#include "app/tokens.hpp"
#include "app/views.hpp"

namespace ensemble::app {

Registry::Registry(asio::any_io_executor executor, storage::EventRepository& repository, std::string public_url)
    : executor_(std::move(executor)), repository_(repository), public_url_(std::move(public_url)) {}

std::shared_ptr<EventRoom> Registry::open(domain::EventState state) {
    std::string id = state.id;
    auto room = std::make_shared<EventRoom>(executor_, repository_, domain::Event(std::move(state)),
                                            links_for(public_url_, id).join_url);
    rooms_[id] = room;
    room->start();
    return room;
}

std::size_t Registry::resume_unfinished() {
    auto states = repository_.load_unfinished_events();
    std::lock_guard lock(mutex_);
    for (auto& state : states) {
        log_event("event_resumed", {{"event_id", state.id},
                                    {"phase", domain::to_string(state.phase)},
                                    {"round", state.round}});
        open(std::move(state));
    }
    return states.size();
}

std::shared_ptr<EventRoom> Registry::create(domain::EventSettings settings, const std::string& host_credential_hash) {
    std::lock_guard lock(mutex_);
    std::string id = new_event_id();
    while (rooms_.count(id) || repository_.event_exists(id)) id = new_event_id();
    auto event = domain::Event::create(id, std::move(settings), now_ms());
    repository_.create_event(event.state(), host_credential_hash);
    log_event("event_created", {{"event_id", id}});
    return open(event.state());
}

std::shared_ptr<EventRoom> Registry::find(const std::string& event_id) {
    std::lock_guard lock(mutex_);
    if (auto it = rooms_.find(event_id); it != rooms_.end()) return it->second;
    auto state = repository_.load_event(event_id);
    if (!state) return nullptr;
    return open(std::move(*state));
}

void Registry::shutdown() {
    std::lock_guard lock(mutex_);
    for (auto& [id, room] : rooms_) room->shutdown();
}

}  // namespace ensemble::app
