// The room's connections: who hears what, and when. Sends wait in each connection until the room's strand
// is through with what is queued, then leave together; head counts and host updates are paced.
#include <algorithm>
#include <boost/asio/post.hpp>

#include "app/event_room.hpp"
#include "app/log.hpp"
#include "app/pacing.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

// The host console hears of changes at most five times a second; attendees hear head counts at the
// crowd's pace (app/pacing.hpp).
constexpr std::chrono::milliseconds host_every{200};

}  // namespace

// A read: nothing to apply or commit; it is answered after what was applied before it, like a snapshot.
void EventRoom::show_round_tables(const Client* client, const domain::Actor& actor, int round,
                                  const Refused& refused) {
    if (actor.kind != domain::Actor::Kind::host)
        return refused({domain::ErrorCode::forbidden, "only the host may do this", ""});
    auto message = round_tables_message(event_, round);
    if (!message) return refused({domain::ErrorCode::not_found, "no such round yet", ""});
    Batch batch;
    batch.first.emplace_back(current(actor, client), share(std::move(*message)));
    enqueue(std::move(batch), {});
}

void EventRoom::send_to(const std::shared_ptr<Client>& client, SharedMessage message) {
    if (client->send(std::move(message))) owe_flush(client);
}

void EventRoom::close_client(const std::shared_ptr<Client>& client, std::uint16_t code, std::string reason) {
    if (client->close(code, std::move(reason))) owe_flush(client);
}

// Connections are handed what they were sent once the strand is through with what is queued on it, and at
// most every services_.write_every: the deliveries of whole group commits reach each connection together,
// and leave as one frame. A burst (everyone chatting at once) costs a write per connection and slice of the
// burst, not one per message; a message after a quiet moment leaves at once. A flush is never dropped, even
// when the room stops.
void EventRoom::owe_flush(const std::shared_ptr<Client>& client) {
    unflushed_.push_back(client);
    if (unflushed_.size() > 1) return;
    auto flush = [self = shared_from_this()](boost::system::error_code = {}) {
        self->last_flush_ = std::chrono::steady_clock::now();
        for (const auto& client : std::exchange(self->unflushed_, {})) client->flush();
    };
    auto due = last_flush_ + services_.write_every;
    if (std::chrono::steady_clock::now() >= due) return asio::post(strand_, std::move(flush));
    flush_timer_.expires_at(due);
    flush_timer_.async_wait(std::move(flush));
}

void EventRoom::deliver(const Delivery& delivery) {
    if (delivery.to == Delivery::To::everyone) {
        send_to_hosts(delivery.message);
        for (const auto& [id, client] : attendees_) send_to(client, delivery.message);
        return;
    }
    for (auto id : delivery.attendees)
        if (auto it = attendees_.find(id); it != attendees_.end()) send_to(it->second, delivery.message);
}

void EventRoom::close_clients(const Closing& closing) {
    if (closing.host_link) return close_hosts(closing.host_link, closing.code, closing.reason);
    if (!closing.everyone) {
        if (auto it = attendees_.find(closing.attendee); it != attendees_.end()) {
            close_client(it->second, closing.code, closing.reason);
            attendees_.erase(it);
        }
        return;
    }
    // The host consoles hear the end at once and stay open, to look back at the rounds' tables.
    if (host_delta_) send_to_hosts(share(host_update_message()));
    host_delta_.reset();
    for (auto& [id, client] : attendees_) close_client(client, closing.code, closing.reason);
    attendees_.clear();
    log_event("event_ended", {{"event_id", id_}});
}

std::string EventRoom::host_update_message() {
    if (host_delta_->needs_changed) host_delta_->needs = host_needs(event_);
    return host_delta_->message();
}

void EventRoom::schedule_host_flush() {
    if (host_timer_set_ || stopping_) return;
    host_timer_set_ = true;
    host_timer_.expires_after(host_every);
    host_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        self->host_timer_set_ = false;
        if (ec || !self->host_delta_) return;
        self->send_to_hosts(share(self->host_update_message()));
        self->host_delta_.reset();
    });
}

void EventRoom::schedule_paced(const Rendered& rendered) {
    if (rendered.presence_changed) schedule_presence();
    if (rendered.topic_tables_changed) schedule_topic_tables();
    if (!rendered.connection_tables.empty()) schedule_connections(rendered.connection_tables);
}

// A table's people see who came or went with its next redraw, at the pace of the event's size: a network cut
// of 10,000 phones then redraws each table once or twice, not once per person leaving and coming back.
// The redraw is read like a snapshot, told after what was applied before it is durable. A round that starts
// meanwhile has redrawn every table already: its people may get their state once more, unchanged.
void EventRoom::schedule_connections(const std::set<int>& tables) {
    connection_tables_.insert(tables.begin(), tables.end());
    if (connections_timer_set_ || stopping_) return;
    connections_timer_set_ = true;
    connections_timer_.expires_after(crowd_interval(event_.state().attendees.size()));
    connections_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        self->connections_timer_set_ = false;
        if (ec) return;
        domain::Outbox outbox;
        for (int table : std::exchange(self->connection_tables_, {}))
            outbox.view_changed(domain::Audience::at_table(table));
        Batch batch;
        batch.rendered = render(self->event_, outbox);
        self->enqueue(std::move(batch), {});
    });
}

void EventRoom::schedule_presence() {
    if (presence_timer_set_ || stopping_) return;
    presence_timer_set_ = true;
    presence_timer_.expires_after(crowd_interval(attendees_.size()));
    presence_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        self->presence_timer_set_ = false;
        if (ec) return;
        // A round's states, sent to everyone meanwhile, may have told the count already.
        int present = self->event_.present_count();
        if (present == self->present_told_) return;
        self->present_told_ = present;
        auto message = share(presence_message(present));
        for (const auto& [id, client] : self->attendees_) self->send_to(client, message);
    });
}

}  // namespace ensemble::app
