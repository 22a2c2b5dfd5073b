#include "domain/outbox.hpp"

namespace ensemble::domain {

void Outbox::view_changed(const Audience& audience) {
    if (views_.insert(audience).second) messages_.push_back({audience, ViewChanged{}});
}

void Outbox::connections_changed(int table) {
    if (connection_tables_.insert(table).second)
        messages_.push_back({Audience::at_table(table), ConnectionsChanged{}});
}

void Outbox::chat(ChatPosted chat) {
    auto table = chat.table;
    messages_.push_back({Audience::at_table(table), std::move(chat)});
}

void Outbox::announce(Announced announcement) {
    messages_.push_back({Audience::everyone(), std::move(announcement)});
}

void Outbox::presence_changed() { presence_ = true; }

void Outbox::topic_tables_changed() { topic_tables_ = true; }

void Outbox::personal_changed(AttendeeId attendee) {
    if (personal_.insert(attendee).second) messages_.push_back({Audience::of(attendee), PersonalChanged{}});
}

void Outbox::disconnect(const Audience& who, Disconnection::Reason reason) {
    disconnections_.push_back({who, reason});
}

// When every attendee's view is redrawn, the views of single tables and attendees are part of it.
std::vector<Message> Outbox::messages() const {
    bool all_views = views_.count(Audience::attendees()) > 0;
    std::vector<Message> out;
    out.reserve(messages_.size() + 2);
    for (const auto& message : messages_)
        if (!all_views || !std::holds_alternative<ViewChanged>(message.body) ||
            message.to.kind == Audience::Kind::attendees)
            out.push_back(message);
    if (presence_) out.push_back({Audience::attendees(), PresenceChanged{}});
    if (topic_tables_) out.push_back({Audience::everyone(), TopicTablesChanged{}});
    if (!host_.empty()) out.push_back({Audience::hosts(), host_});
    return out;
}

}  // namespace ensemble::domain
