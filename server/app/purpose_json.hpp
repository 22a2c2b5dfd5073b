#pragma once
// The event's topics, kinds of round and an attendee's purpose on the wire (shared/protocol.md, "Topics and
// purpose"): their shape is read here, their content checked by the domain (domain/purpose.hpp,
// domain/settings.hpp).

#include <nlohmann/json.hpp>
#include <variant>

#include "app/protocol.hpp"
#include "domain/purpose.hpp"

namespace ensemble::app {

// `topics` of POST /api/events: [{"id", "fr", "en"?}]; absent or null is none.
std::variant<std::vector<domain::Topic>, Problem> parse_topics(const nlohmann::json& body);
// `purpose` of the join body and of the `purpose` message; absent or null is an empty purpose.
std::variant<domain::Purpose, Problem> parse_purpose(const nlohmann::json& body);

// `round_kinds` of POST /api/events: ["discovery", "mutual_help", …]; absent or null is none.
std::variant<std::vector<domain::RoundKind>, Problem> parse_round_kinds(const nlohmann::json& body);
// `kind` of the set_round_kind message.
std::variant<domain::RoundKind, Problem> parse_round_kind(const nlohmann::json& message);

nlohmann::json topics_json(const std::vector<domain::Topic>& topics);
nlohmann::json purpose_json(const domain::Purpose& purpose);

}  // namespace ensemble::app
