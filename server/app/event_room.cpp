#include "app/event_room.hpp"

#include <boost/asio/post.hpp>

#include "app/clock.hpp"
#include "app/log.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

// Host console and head counts are redrawn at most this often: a crowd arriving is one redraw, not thousands.
constexpr std::chrono::milliseconds flush_every{200};

}  // namespace

EventRoom::EventRoom(asio::any_io_executor executor, storage::EventRepository& repository, domain::Event event,
                     std::string join_url)
    : strand_(asio::make_strand(executor)),
      repository_(repository),
      event_(std::move(event)),
      id_(event_.state().id),
      join_url_(std::move(join_url)),
      deadline_timer_(strand_),
      flush_timer_(strand_) {}

void EventRoom::start() {
    asio::post(strand_, [self = shared_from_this()] { self->arm_deadline(); });
}

void EventRoom::join(Profile profile, std::string credential_hash, JoinDone done) {
    asio::post(strand_, [self = shared_from_this(), profile = std::move(profile),
                         hash = std::move(credential_hash), done = std::move(done)] {
        domain::Join join{profile.name, profile.organisation, profile.role, hash};
        auto fx = self->run(domain::Actor::system(), join, nullptr, nullptr);
        if (fx.error) return done(Problem{fx.error->code, fx.error->message, ""});
        if (!fx.joined) return done(Problem{"internal", "the join could not be saved", ""});
        log_event("attendee_joined", {{"event_id", self->id_}, {"attendee", *fx.joined}});
        done(*fx.joined);
    });
}

void EventRoom::public_info(std::function<void(nlohmann::json)> done) {
    asio::post(strand_, [self = shared_from_this(), done = std::move(done)] { done(public_event(self->event_)); });
}

void EventRoom::attach(std::shared_ptr<Client> client, domain::Actor actor) {
    asio::post(strand_, [self = shared_from_this(), client = std::move(client), actor] {
        auto& slot = actor.kind == domain::Actor::Kind::host ? self->host_ : self->attendees_[actor.attendee];
        if (slot) slot->close(close_code::replaced, "replaced by a newer connection");
        slot = client;
        client->send(share(welcome_message(self->event_, actor, now_ms(), self->join_url_)));
        if (actor.kind == domain::Actor::Kind::host) return client->send(share(host_state(self->event_)));
        if (self->event_.state().phase == domain::Phase::ended) {
            client->send(share(attendee_state(self->event_, actor.attendee)));
            return client->close(close_code::normal, "the event is over");
        }
        auto fx = self->run(domain::Actor::system(), domain::Connect{actor.attendee}, client.get(), nullptr);
        if (fx.error) client->close(close_code::removed, "no longer in this event");
    });
}

void EventRoom::detach(const Client* client, domain::Actor actor) {
    asio::post(strand_, [self = shared_from_this(), client, actor] {
        if (actor.kind == domain::Actor::Kind::host) {
            if (self->host_.get() == client) self->host_.reset();
            return;
        }
        auto it = self->attendees_.find(actor.attendee);
        if (it == self->attendees_.end() || it->second.get() != client) return;  // already replaced
        self->attendees_.erase(it);
        self->run(domain::Actor::system(), domain::Disconnect{actor.attendee}, nullptr, nullptr);
    });
}

void EventRoom::handle(const Client* client, domain::Actor actor, ClientMessage message) {
    asio::post(strand_, [self = shared_from_this(), client, actor, message = std::move(message)] {
        // A message still queued from a connection that was replaced or removed since is dropped.
        if (self->client_of(actor) != client) return;
        if (auto* problem = std::get_if<Problem>(&message.body))
            return self->client_of(actor)->send(share(error_message(*problem, message.ref)));
        const auto& command = std::get<domain::Command>(message.body);
        auto fx = self->run(actor, command, client, message.ref);
        if (!fx.error && std::holds_alternative<domain::Leave>(command)) {
            self->attendees_[actor.attendee]->close(close_code::normal, "left the event");
            self->attendees_.erase(actor.attendee);
        }
    });
}

void EventRoom::shutdown() {
    asio::post(strand_, [self = shared_from_this()] {
        self->closed_ = true;
        self->deadline_timer_.cancel();
        self->flush_timer_.cancel();
        if (self->host_) self->host_->close(close_code::going_away, "server shutting down");
        for (auto& [id, client] : self->attendees_) client->close(close_code::going_away, "server shutting down");
        self->host_.reset();
        self->attendees_.clear();
    });
}

Client* EventRoom::client_of(const domain::Actor& actor) const {
    if (actor.kind == domain::Actor::Kind::host) return host_.get();
    auto it = attendees_.find(actor.attendee);
    return it == attendees_.end() ? nullptr : it->second.get();
}

// Apply, commit, then tell: nobody hears of a change that is not on disk.
domain::Effects EventRoom::run(const domain::Actor& actor, const domain::Command& command, const Client* from,
                               const nlohmann::json& ref) {
    auto fx = event_.apply(actor, command, now_ms());
    auto answer = [&](const Problem& problem) {
        if (from && client_of(actor) == from) client_of(actor)->send(share(error_message(problem, ref)));
    };
    if (fx.error) {
        answer(Problem{fx.error->code, fx.error->message, ""});
        return fx;
    }
    if (!fx.records.empty()) {
        try {
            repository_.commit(id_, fx.records);
        } catch (const std::exception& error) {
            log_event("commit_failed", {{"event_id", id_}, {"error", error.what()}});
            reload_after_failed_commit();
            answer(Problem{"internal", "the change could not be saved; nothing was changed", ""});
            return domain::Effects::refuse("internal", "the change could not be saved");
        }
    }
    tell(fx);
    return fx;
}

// The database is the truth: go back to it, keeping who is connected now.
void EventRoom::reload_after_failed_commit() {
    auto saved = repository_.load_event(id_);
    if (!saved) return;
    for (auto& [id, attendee] : saved->attendees) attendee.connected = attendees_.count(id) > 0;
    event_ = domain::Event(std::move(*saved));
}

void EventRoom::tell(const domain::Effects& fx) {
    const auto& s = event_.state();
    for (const auto& notice : fx.chats) {
        auto message = share(chat_message(notice));
        if (notice.round == s.round && notice.table >= 1 && static_cast<std::size_t>(notice.table) <= s.tables.size())
            for (auto id : s.tables[static_cast<std::size_t>(notice.table - 1)].seats) send_to(id, message);
    }
    if (fx.announcement) send_everyone(share(announcement_message(*fx.announcement)));
    for (auto id : fx.removed) {
        if (auto it = attendees_.find(id); it != attendees_.end()) {
            it->second->close(close_code::removed, "removed by the host");
            attendees_.erase(it);
        }
    }
    if (fx.all_attendee_views_changed) {
        for (const auto& [id, client] : attendees_) client->send(share(attendee_state(event_, id)));
    } else {
        for (auto id : fx.attendee_views_changed)
            if (auto it = attendees_.find(id); it != attendees_.end())
                it->second->send(share(attendee_state(event_, id)));
    }
    mark_dirty(fx.host_view_changed, fx.presence_changed);
    if (fx.deadline_changed) arm_deadline();
    if (fx.ended) {
        log_event("event_ended", {{"event_id", id_}});
        flush();
        if (host_) host_->close(close_code::normal, "the event is over");
        for (auto& [id, client] : attendees_) client->close(close_code::normal, "the event is over");
        host_.reset();
        attendees_.clear();
    }
}

void EventRoom::send_to(domain::AttendeeId attendee, const SharedMessage& message) {
    if (auto it = attendees_.find(attendee); it != attendees_.end()) it->second->send(message);
}

void EventRoom::send_everyone(const SharedMessage& message) {
    if (host_) host_->send(message);
    for (const auto& [id, client] : attendees_) client->send(message);
}

void EventRoom::mark_dirty(bool host, bool presence) {
    host_dirty_ = host_dirty_ || host;
    presence_dirty_ = presence_dirty_ || presence;
    if (flush_scheduled_ || closed_ || !(host_dirty_ || presence_dirty_)) return;
    flush_scheduled_ = true;
    flush_timer_.expires_after(flush_every);
    flush_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        self->flush_scheduled_ = false;
        if (!ec) self->flush();
    });
}

void EventRoom::flush() {
    if (host_dirty_ && host_) host_->send(share(host_state(event_)));
    if (presence_dirty_) {
        auto message = share(presence_message(event_.present_count()));
        for (const auto& [id, client] : attendees_) client->send(message);
    }
    host_dirty_ = presence_dirty_ = false;
}

void EventRoom::arm_deadline() {
    const auto& deadline = event_.state().deadline;
    if (!deadline || closed_) {
        deadline_timer_.cancel();
        return;
    }
    deadline_timer_.expires_after(std::chrono::milliseconds(std::max<domain::TimeMs>(0, *deadline - now_ms())));
    deadline_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (ec) return;  // cancelled or re-armed
        self->run(domain::Actor::system(), domain::Tick{}, nullptr, nullptr);
        self->arm_deadline();
    });
}

}  // namespace ensemble::app
