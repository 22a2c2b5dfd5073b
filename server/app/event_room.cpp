#include "app/event_room.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <cmath>

#include "app/clock.hpp"
#include "app/log.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

// A room nobody is connected to leaves memory once its event ended, or after this long in its lobby.
constexpr domain::TimeMs idle_room_ms = 10 * 60 * 1000;
constexpr double slow_batch_ms = 200;

}  // namespace

EventRoom::EventRoom(asio::any_io_executor executor, RoomServices services, storage::StoredEvent stored,
                     std::string join_url)
    : strand_(asio::make_strand(executor)),
      services_(services),
      event_(std::move(stored.state)),
      id_(event_.state().id),
      join_url_(std::move(join_url)),
      credentials_(std::move(stored.attendee_credentials)),
      flush_timer_(strand_),
      deadline_timer_(strand_),
      host_timer_(strand_),
      presence_timer_(strand_),
      topic_tables_timer_(strand_),
      connections_timer_(strand_),
      retry_timer_(strand_) {}

void EventRoom::start() {
    asio::post(strand_, [self = shared_from_this()] {
        self->quiet_since_ = now_ms();
        const auto& s = self->event_.state();
        if (s.phase == domain::Phase::lobby && now_ms() - s.created_at > domain::lobby_lifetime_ms) {
            log_event("event_expired", {{"event_id", self->id_}});
            // The server ends it, with the host's command: an event never started does not wait forever.
            self->execute(domain::Actor::host(), domain::EndEvent{}, {}, [](const Problem&) {});
        }
        self->arm_deadline();
    });
}

void EventRoom::release_if_idle(std::function<void(bool released)> done) {
    asio::post(strand_, [self = shared_from_this(), done = std::move(done)] {
        auto phase = self->event_.state().phase;
        bool idle = self->hosts_.empty() && self->attendees_.empty() && self->pending_.empty() &&
                    !self->reloading_ &&
                    (phase == domain::Phase::ended ||
                     (phase == domain::Phase::lobby && now_ms() - self->quiet_since_ >= idle_room_ms));
        if (idle) {
            self->released_ = true;
            self->deadline_timer_.cancel();
            self->retry_timer_.cancel();
            log_event("room_released", {{"event_id", self->id_}});
        }
        done(idle);
    });
}

void EventRoom::authenticate(std::string credential, Authenticated done, Access access) {
    asio::post(strand_,
               [self = shared_from_this(), hash = std::move(credential), done = std::move(done), access] {
                   if (self->released_) return done(released);
                   // A revoked link is recognised here, and refused with its own close code on attach.
                   for (const auto& [id, link] : self->event_.state().host_links)
                       if (hash == link.credential_hash)
                           return done(link.role == domain::LinkRole::staff ? domain::Actor::staff(id)
                                                                            : domain::Actor::host(id));
                   auto it = self->credentials_.find(hash);
                   if (it == self->credentials_.end())
                       return done(Problem{domain::ErrorCode::unauthorized, "wrong token", ""});
                   auto id = self->event_.identity_of(it->second);
                   auto status = self->event_.state().attendees.at(id).status;
                   bool kept = access == Access::own_page && status == domain::AttendeeStatus::left;
                   if (status != domain::AttendeeStatus::active && !kept)
                       return done(Problem{domain::ErrorCode::forbidden, "no longer in this event", ""});
                   done(domain::Actor::of(id));
               });
}

void EventRoom::join(Profile profile, std::string credential_hash, JoinDone done) {
    asio::post(strand_, [self = shared_from_this(), profile = std::move(profile),
                         hash = std::move(credential_hash), done = std::move(done)]() mutable {
        if (self->released_) return done(released);
        auto joined = std::make_shared<domain::AttendeeId>(0);
        Batch batch;
        batch.done = [self, joined, done](bool saved) {
            if (!saved) return done(unavailable);
            log_event("attendee_joined", {{"event_id", self->id_}, {"attendee", *joined}});
            done(*joined);
        };
        domain::Join command{profile.name,  profile.organisation, profile.role,   hash,
                             profile.email, profile.phone,        profile.purpose};
        auto id = self->execute(domain::Actor::system(), command, std::move(batch),
                                [done](const Problem& problem) { done(problem); });
        if (id) {
            *joined = *id;
            self->credentials_.emplace(hash, *id);
        }
    });
}

void EventRoom::public_info(std::function<void(nlohmann::json)> done) {
    asio::post(strand_, [self = shared_from_this(), done = std::move(done)] {
        Batch batch;
        batch.done = [self, info = public_event(self->event_), done](bool) { done(info); };
        self->enqueue(std::move(batch), {});
    });
}

void EventRoom::attach(std::shared_ptr<Client> client, domain::Actor actor) {
    asio::post(strand_, [self = shared_from_this(), client = std::move(client), actor] {
        bool host = actor.kind == domain::Actor::Kind::host;
        if (self->released_) return self->close_client(client, close_code::try_again_later, released.message);
        if (!self->limits_[host ? -actor.link : actor.attendee].connects.allow(now_ms()))
            return self->close_client(client, close_code::try_again_later,
                                      "reconnecting too often: wait a little");
        if (host) {
            if (!self->add_host(client, actor.link)) return;
        } else {
            auto& slot = self->attendees_[actor.attendee];
            if (slot) self->close_client(slot, close_code::replaced, "replaced by a newer connection");
            slot = client;
        }
        Batch batch;
        batch.first.emplace_back(client,
                                 share(welcome_message(self->event_, actor, now_ms(), self->join_url_)));
        if (auto topic = self->topic_tables_on_attach(host ? 0 : actor.attendee))
            batch.first.emplace_back(client, share(std::move(*topic)));
        if (host) {
            batch.first.emplace_back(client, share(host_state(self->event_)));
            if (self->storage_failures_) batch.first.emplace_back(client, share(storage_message(false)));
            // After the end too: the console stays open to look back at the rounds' tables.
            return self->enqueue(std::move(batch), {});
        }
        if (self->event_.state().phase == domain::Phase::ended) {
            batch.first.emplace_back(client, share(attendee_state(self->event_, actor.attendee)));
            batch.rendered.closings.push_back(
                {false, actor.attendee, close_code::normal, "the event is over"});
            return self->enqueue(std::move(batch), {});
        }
        self->execute(domain::Actor::system(), domain::Connect{actor.attendee}, std::move(batch),
                      [self, client, actor](const Problem& problem) {
                          if (problem.code == domain::ErrorCode::forbidden) {
                              self->close_client(client, close_code::removed, "no longer in this event");
                              self->attendees_.erase(actor.attendee);
                          } else {
                              self->close_client(client, close_code::going_away, "try again");
                          }
                      });
    });
}

void EventRoom::detach(const Client* client, domain::Actor actor) {
    asio::post(strand_, [self = shared_from_this(), client, actor] {
        if (actor.kind == domain::Actor::Kind::host) {
            std::erase_if(self->hosts_, [&](const HostConsole& h) { return h.client.get() == client; });
            if (self->hosts_.empty() && self->attendees_.empty()) self->quiet_since_ = now_ms();
            return;
        }
        auto it = self->attendees_.find(actor.attendee);
        if (it == self->attendees_.end() || it->second.get() != client) return;  // already replaced
        // The last reference closes the socket, a system call and a TCP teardown: at 10,000 disconnects
        // that is the room's busiest work, so it happens on another thread, off the room's strand.
        asio::post(self->strand_.get_inner_executor(), [gone = std::move(it->second)] {});
        self->attendees_.erase(it);
        if (self->hosts_.empty() && self->attendees_.empty()) self->quiet_since_ = now_ms();
        // The reload takes connections as they are then; a server going down tells nobody who went away.
        if (self->reloading_ || self->stopping_) return;
        self->execute(domain::Actor::system(), domain::Disconnect{actor.attendee}, {}, [](const Problem&) {});
    });
}

void EventRoom::handle(const Client* client, domain::Actor actor, ClientMessage message) {
    asio::post(strand_, [self = shared_from_this(), client, actor, message = std::move(message)]() mutable {
        // A message still queued from a connection that was replaced or removed since is dropped.
        if (!self->current(actor, client) || self->stopping_) return;
        auto answer = [self, actor, client, ref = message.ref](const Problem& problem) {
            if (auto connected = self->current(actor, client))
                self->send_to(connected, share(error_message(problem, ref)));
        };
        if (auto* problem = std::get_if<Problem>(&message.body)) return answer(*problem);
        if (auto* query = std::get_if<RoundTablesQuery>(&message.body))
            return self->show_round_tables(client, actor, query->round, answer);
        auto& command = std::get<domain::Command>(message.body);
        const auto now = now_ms();
        if (std::holds_alternative<domain::PostChat>(command)) {
            auto& chat = self->limits_[actor.attendee].chat;
            if (!chat.allow(now))
                return answer({domain::ErrorCode::rate_limited, "too many chat messages: wait a little", "",
                               chat.wait_ms(now)});
        }
        if (is_report(command) && !self->limits_[actor.attendee].reports.allow(now))
            return answer({domain::ErrorCode::rate_limited, "too many answers: wait a little", "", 0});
        Batch batch;
        batch.done = [answer](bool saved) {
            if (!saved) answer(unavailable);
        };
        if (auto* create = std::get_if<domain::CreateHostLink>(&command))
            return self->create_host_link(client, actor, std::move(*create), message.ref, std::move(batch),
                                          answer);
        if (auto* erase = std::get_if<domain::EraseAttendee>(&command))
            return self->erase_attendee(actor, *erase, std::move(batch), answer);
        self->execute(actor, command, std::move(batch), answer);
    });
}

void EventRoom::shutdown() {
    stopping_ = true;  // at once: work already queued on the strand is skipped, not done for nobody
    asio::post(strand_, [self = shared_from_this()] {
        for (auto* timer : {&self->deadline_timer_, &self->host_timer_, &self->presence_timer_,
                            &self->topic_tables_timer_, &self->connections_timer_, &self->retry_timer_})
            timer->cancel();
        self->close_hosts(0, close_code::going_away, "server shutting down");
        for (auto& [id, client] : self->attendees_)
            self->close_client(client, close_code::going_away, "server shutting down");
        self->attendees_.clear();
    });
}

// Apply, commit, and render what changed while the store writes it; publish comes when it is durable.
std::optional<std::int64_t> EventRoom::execute(const domain::Actor& actor, const domain::Command& command,
                                               Batch batch, const Refused& refused) {
    // A disconnection writes nothing: it is the one change applied while the storage is waited for.
    if (reloading_ || (storage_waits() && !std::holds_alternative<domain::Disconnect>(command))) {
        refused(unavailable);
        return std::nullopt;
    }
    auto started = std::chrono::steady_clock::now();
    auto fx = event_.apply(actor, command, now_ms());
    if (fx.error) {
        refused(Problem{fx.error->code, fx.error->message, fx.error->field});
        return std::nullopt;
    }
    batch.applied = std::chrono::steady_clock::now();
    batch.apply_ms = std::chrono::duration<double, std::milli>(batch.applied - started).count();
    if (fx.seating) form_tables(std::move(*fx.seating));
    enqueue(std::move(batch), std::move(fx.records), &fx.outbox);
    arm_deadline();
    return fx.joined ? fx.joined : fx.host_link;
}

void EventRoom::enqueue(Batch batch, std::vector<domain::Record> records, const domain::Outbox* changes) {
    std::uint64_t seq = first_seq_ + pending_.size();
    batch.durable = records.empty();
    pending_.push_back(std::move(batch));
    if (!records.empty()) {
        version_ = next_version();
        services_.store.commit(
            id_, std::move(records), [self = shared_from_this(), seq](storage::StoreError error) {
                if (error)
                    return asio::post(self->strand_, [self, seq, error = std::move(error)] {
                        if (seq >= self->first_seq_) self->commit_failed(*error);  // else dropped already
                    });
                // Commits end in order: a group commit's thousand answers reach the strand as one.
                self->durable_through_.store(seq + 1);
                if (!self->durable_posted_.exchange(true))
                    asio::post(self->strand_, [self] {
                        self->durable_posted_.store(false);
                        self->on_durable(self->durable_through_.load());
                    });
            });
    }
    if (changes) pending_.back().rendered = render(event_, *changes);
    publish_ready();
}

// Every batch before `through` is on disk. A failed commit fails every later one until the room reloads
// (storage/sqlite_store.cpp), so this never reaches past a failure not yet handled.
void EventRoom::on_durable(std::uint64_t through) {
    if (through <= first_seq_) return;  // dropped by an earlier failure
    if (storage_failures_) storage_recovered();
    for (std::uint64_t seq = first_seq_; seq < std::min(through, first_seq_ + pending_.size()); ++seq)
        pending_[seq - first_seq_].durable = true;
    publish_ready();
}

void EventRoom::publish_ready() {
    while (!pending_.empty() && pending_.front().durable) {
        Batch batch = std::move(pending_.front());
        pending_.pop_front();
        ++first_seq_;
        publish(batch);
    }
}

void EventRoom::publish(Batch& batch) {
    auto started = std::chrono::steady_clock::now();
    for (const auto& [client, message] : batch.first) send_to(client, message);
    auto& rendered = batch.rendered;
    for (const auto& delivery : rendered.deliveries) deliver(delivery);
    if (rendered.host) {
        if (host_delta_)
            host_delta_->merge(std::move(*rendered.host));
        else
            host_delta_ = std::move(rendered.host);
        schedule_host_flush();
    }
    if (rendered.present_told) present_told_ = rendered.present_told;
    schedule_paced(rendered);
    for (const auto& closing : rendered.closings) close_clients(closing);
    if (batch.done) batch.done(true);
    // A batch that took long anywhere in the pipeline says where, in milliseconds.
    using ms = std::chrono::duration<double, std::milli>;
    auto now = std::chrono::steady_clock::now();
    double wait_ms =
        batch.applied == std::chrono::steady_clock::time_point{} ? 0 : ms(started - batch.applied).count();
    double publish_ms = ms(now - started).count();
    if (batch.apply_ms + wait_ms + publish_ms > slow_batch_ms)
        slow_log_.log({{"event_id", id_},
                       {"apply_ms", std::lround(batch.apply_ms)},
                       {"commit_wait_ms", std::lround(wait_ms)},
                       {"publish_ms", std::lround(publish_ms)},
                       {"deliveries", rendered.deliveries.size()}});
}

// The matcher runs on the compute pool; its tables come back to this strand as a command.
// While tables are being formed the deadline has passed already: the new round will set the next one.
// While the storage fails, a deadline waits for the next try.
void EventRoom::arm_deadline() {
    std::optional<domain::TimeMs> deadline = event_.state().deadline;
    if (event_.seating_round()) deadline.reset();
    if (deadline == armed_for_ || stopping_) return;
    armed_for_ = deadline;
    if (!deadline) return (void)deadline_timer_.cancel();
    auto at = std::chrono::steady_clock::now() +
              std::chrono::milliseconds(std::max<domain::TimeMs>(0, *deadline - now_ms()));
    deadline_timer_.expires_at(storage_failures_ ? std::max(at, retry_at_) : at);
    deadline_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (ec) return;  // cancelled or re-armed
        self->armed_for_.reset();
        if (self->reloading_) return;  // reloaded() arms it again
        self->execute(domain::Actor::system(), domain::Tick{}, {}, [](const Problem&) {});
        self->arm_deadline();
    });
}

}  // namespace ensemble::app
