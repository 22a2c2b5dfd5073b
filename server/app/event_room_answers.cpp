// An attendee's own page and answers over REST (the same commands as over the socket), and the refusals
// a room gives.
#include <boost/asio/post.hpp>

#include "app/clock.hpp"
#include "app/event_room.hpp"
#include "app/views.hpp"

namespace ensemble::app {

// The refusals any entry point of a room may give (here and in event_room.cpp).
const Problem EventRoom::unavailable{
    domain::ErrorCode::storage_unavailable,
    "the database cannot save changes right now; nothing was changed: try again", ""};
const Problem EventRoom::released{domain::ErrorCode::internal, "the event is being reopened: try again", ""};

// What an attendee reports about their round, or their purpose: written each time, so limited like the chat.
bool is_report(const domain::Command& command) {
    return std::holds_alternative<domain::AnswerTalked>(command) ||
           std::holds_alternative<domain::WishContact>(command) ||
           std::holds_alternative<domain::RateTable>(command) ||
           std::holds_alternative<domain::SetVisibility>(command) ||
           std::holds_alternative<domain::OpenVideo>(command) ||
           std::holds_alternative<domain::SetPurpose>(command) ||
           std::holds_alternative<domain::ChooseTopicTable>(command) ||
           std::holds_alternative<domain::ProposeTopicTable>(command);
}

void EventRoom::me(domain::Actor actor, MeDone done) {
    asio::post(strand_, [self = shared_from_this(), actor, done = std::move(done)] {
        if (self->released_) return done(released);
        if (actor.kind != domain::Actor::Kind::attendee)
            return done(Problem{domain::ErrorCode::forbidden, "this is an attendee's own page", ""});
        // After whatever is being saved: the page never shows an answer that could still be lost.
        Batch batch;
        batch.done = [self, actor, done](bool) { done(me_view(self->event_, actor.attendee)); };
        self->enqueue(std::move(batch), {});
    });
}

void EventRoom::answer(domain::Actor actor, domain::Command command, MeDone done) {
    asio::post(strand_, [self = shared_from_this(), actor, command = std::move(command),
                         done = std::move(done)] {
        if (self->released_) return done(released);
        if (!is_report(command) || std::holds_alternative<domain::SetVisibility>(command) ||
            std::holds_alternative<domain::OpenVideo>(command) ||
            std::holds_alternative<domain::SetPurpose>(command))
            return done(
                Problem{domain::ErrorCode::unknown_type, "only answers to the cards go here", "type"});
        if (!self->limits_[actor.attendee].reports.allow(now_ms()))
            return done(Problem{domain::ErrorCode::rate_limited, "too many answers: wait a little", ""});
        Batch batch;
        batch.done = [self, actor, done](bool saved) {
            if (!saved) return done(unavailable);
            done(me_view(self->event_, actor.attendee));
        };
        self->execute(actor, command, std::move(batch), [done](const Problem& problem) { done(problem); });
    });
}

}  // namespace ensemble::app
