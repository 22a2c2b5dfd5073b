// The coming round's topic tables, told at a steady pace: a choice changes one count, and 10,000 people
// choosing must not each send 10,000 messages. Who chose the same table gets the same bytes.
// As connections open the list is made once per state of the event: 10,000 coming back after a network cut
// in a topic break would otherwise each count every choice.
#include <map>

#include "app/event_room.hpp"
#include "app/pacing.hpp"
#include "app/topic_tables_json.hpp"

namespace ensemble::app {

void EventRoom::schedule_topic_tables() {
    if (topic_tables_timer_set_ || stopping_) return;
    topic_tables_timer_set_ = true;
    topic_tables_timer_.expires_after(crowd_interval(attendees_.size()));
    topic_tables_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        self->topic_tables_timer_set_ = false;
        if (ec) return;
        auto list = topic_tables_list(self->event_);
        if (!list) return;  // the round started meanwhile: the tables are on each table's page
        std::map<int, SharedMessage> by_choice;  // table id (0: none) -> the message
        auto message = [&](int table) {
            auto& shared = by_choice[table];
            if (!shared) shared = share(list->for_choice(table));
            return shared;
        };
        self->send_to_hosts(message(0));
        for (const auto& [id, client] : self->attendees_)
            self->send_to(client, message(topic_table_of(self->event_, id)));
    });
}

// Every change that could change the list is a record, and every commit gives the room a new version_.
std::optional<std::string> EventRoom::topic_tables_on_attach(domain::AttendeeId attendee) {
    if (!topic_list_ || topic_list_version_ != version_) {
        topic_list_ = topic_tables_list(event_);
        topic_list_version_ = version_;
    }
    if (!*topic_list_) return std::nullopt;
    return (*topic_list_)->for_choice(attendee ? topic_table_of(event_, attendee) : 0);
}

}  // namespace ensemble::app
