#pragma once
// Topic tables on the wire (shared/protocol.md, Topic tables): the four messages that change them, the
// `topic_tables` list of the coming round, and a seated table's topic.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "app/protocol.hpp"
#include "domain/event.hpp"

namespace ensemble::app {

// open_topic_table, close_topic_table, propose_topic_table, choose_topic_table; nullopt for another type.
std::optional<std::variant<domain::Command, Problem>> parse_topic_table_message(const std::string& type,
                                                                                const nlohmann::json& m);

// The `topic_tables` message of the coming topic round but its `mine`, ending open: what every recipient
// shares. nullopt when no topic round is coming.
struct TopicTablesList {
    int round = 0;
    std::string head;  // `{"type":"topic_tables",…,"tables":[…]` without the closing brace
    // The whole message for someone who chose `table` (0: none, and the hosts).
    std::string for_choice(int table) const;
};
std::optional<TopicTablesList> topic_tables_list(const domain::Event& event);

// The topic table an attendee chose for the coming topic round: its id, or 0.
int topic_table_of(const domain::Event& event, domain::AttendeeId attendee);

// `"topic_table":{…}` after a comma, when table `number` of the current round is a topic table.
void append_topic_table(std::string& out, const domain::Event& event, int number);

}  // namespace ensemble::app
