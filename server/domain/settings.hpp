#pragma once
// What a host chooses when creating an event, and the limits it must respect.

#include <optional>
#include <string>
#include <vector>

namespace ensemble::domain {

struct EventSettings {
    std::string title;
    int table_size = 4;
    int min_table_size = 3;
    int max_table_size = 5;
    int rounds = 3;
    int round_seconds = 600;
    int break_seconds = 120;
    std::vector<std::string> prompts;
    std::string video_link_template;  // may hold {event}, {round}, {table}
};

// A user-caused problem with a field, in words for developers; `field` names it.
struct FieldError {
    std::string field;
    std::string message;
};

// Limits of protocol.md, checked once here for the REST API and for restored events alike.
std::optional<FieldError> validate(const EventSettings& settings);

// The prompt of round n (1-based): prompts cycle. Empty when there are none.
std::string prompt_for_round(const EventSettings& settings, int round);

// The template with {event}, {round} and {table} filled in. Empty when there is no template.
std::string video_url(const EventSettings& settings, const std::string& event_id, int round, int table);

}  // namespace ensemble::domain
