// Data protection in the room: erasing one attendee, and closing everything before the event is deleted.
#include "app/clock.hpp"
#include "app/event_room.hpp"
#include "app/log.hpp"
#include "app/tokens.hpp"

namespace ensemble::app {
namespace {

const Problem gone{domain::ErrorCode::not_found, "no such event", ""};
const Problem not_saved{domain::ErrorCode::storage_unavailable,
                        "the database cannot save changes right now; nothing was changed: try again", ""};

}  // namespace

// The attendee's credential is replaced by one nobody holds, so their link no longer signs in.
void EventRoom::erase_attendee(const domain::Actor& actor, domain::EraseAttendee command, Batch batch,
                               const Refused& refused) {
    command.credential_hash = token_hash(new_token());
    auto attendee = command.attendee;
    auto by = actor.kind == domain::Actor::Kind::host ? "host" : "self";
    batch.done = [self = shared_from_this(), attendee, by, done = std::move(batch.done)](bool saved) {
        // The id only: the name is what went.
        if (saved)
            log_event("attendee_erased", {{"event_id", self->id_}, {"attendee", attendee}, {"by", by}});
        if (done) done(saved);
    };
    auto hash = command.credential_hash;
    execute(actor, command, std::move(batch), refused);
    const auto& attendees = event_.state().attendees;
    auto it = attendees.find(attendee);
    if (it == attendees.end() || !it->second.erased_at) return;  // refused
    std::erase_if(credentials_, [&](const auto& entry) { return entry.second == attendee; });
    credentials_.emplace(std::move(hash), attendee);
}

void EventRoom::erase_self(std::string credential_hash, std::function<void(std::optional<Problem>)> done) {
    asio::post(strand_, [self = shared_from_this(), hash = std::move(credential_hash),
                         done = std::move(done)] {
        if (self->released_) return done(gone);
        auto it = self->credentials_.find(hash);
        if (it == self->credentials_.end())
            return done(Problem{domain::ErrorCode::unauthorized, "wrong token", ""});
        auto id = self->event_.identity_of(it->second);
        Batch batch;
        batch.done = [done](bool saved) { done(saved ? std::nullopt : std::optional<Problem>(not_saved)); };
        self->erase_attendee(domain::Actor::of(id), domain::EraseAttendee{id, ""}, std::move(batch),
                             [done](const Problem& problem) { done(problem); });
    });
}

void EventRoom::close_for_deletion(domain::HostLinkId by, std::function<void(std::optional<Problem>)> done) {
    asio::post(strand_, [self = shared_from_this(), by, done = std::move(done)] {
        if (self->released_) return done(gone);
        const auto& links = self->event_.state().host_links;
        if (auto it = links.find(by); by != 0 && (it == links.end() || !it->second.active()))
            return done(Problem{domain::ErrorCode::unauthorized, "this host link was revoked", ""});
        // Work already queued on the strand is skipped, and nothing is applied or committed from now on:
        // what still comes (the matcher's tables) is refused as during a reload, which never ends here.
        self->released_ = true;
        self->stopping_ = true;
        self->reloading_ = true;
        self->deadline_timer_.cancel();
        self->host_timer_.cancel();
        self->presence_timer_.cancel();
        self->retry_timer_.cancel();
        self->close_hosts(0, close_code::event_deleted, "the event was deleted");
        for (auto& [id, client] : self->attendees_)
            self->close_client(client, close_code::event_deleted, "the event was deleted");
        self->attendees_.clear();
        log_event("event_closed_for_deletion", {{"event_id", self->id_}, {"by_link", by}});
        done(std::nullopt);
    });
}

}  // namespace ensemble::app
