#pragma once
// What a host chooses when creating an event, and the limits it must respect.

#include <optional>
#include <string>
#include <vector>

namespace ensemble::domain {

// A topic of the event (needs and offers refer to it by id): a slug, a French label, an optional English one.
struct Topic {
    std::string id;  // lowercase letters, digits and '-'
    std::string fr;
    std::string en{};  // '' when not given: the French label is shown
    bool operator==(const Topic&) const = default;
};

// The limits of the event's topics, in one place (protocol.md, Limits).
inline constexpr std::size_t max_topics = 40;
inline constexpr std::size_t max_topic_id_chars = 40;
inline constexpr std::size_t max_topic_label_chars = 60;

// What a round is for, chosen per round by the host (protocol.md, Kinds of round).
enum class RoundKind {
    discovery,     // « Découverte »: as many new people as possible, organisations mixed
    mutual_help,   // « Entraide »: needs seated with someone who offers them
    pairs,         // « En tête-à-tête »: tables of two, one of three when the count is odd
    local,         // « Réseau local »: tables of one département, or bordering ones
    meet_again,    // « Se revoir »: those who both asked to keep in touch sit together again
    topic_tables,  // « Tables thématiques »: attendees choose a table opened on a topic (topic_tables.hpp)
};
inline constexpr RoundKind all_round_kinds[] = {RoundKind::discovery,  RoundKind::mutual_help,
                                                RoundKind::pairs,      RoundKind::local,
                                                RoundKind::meet_again, RoundKind::topic_tables};
const char* to_string(RoundKind kind);
std::optional<RoundKind> round_kind_from_string(const std::string& text);

struct EventSettings {
    std::string title;
    int table_size = 4;
    int min_table_size = 3;
    int max_table_size = 5;
    int rounds = 3;
    int round_seconds = 600;
    int break_seconds = 120;
    int max_attendees = 10000;  // everyone who ever joined counts, those who left included
    std::vector<std::string> prompts;
    std::string video_link_template;       // may hold {event}, {round}, {table}
    int retention_days = 90;               // the event's data is deleted this long after it ended
    std::vector<Topic> topics;             // what attendees may need or offer; none: no topics asked
    std::vector<RoundKind> round_kinds{};  // of round 1, 2…; rounds past its end are discovery
};

// The break before a topic round is its people's time to choose a table: it lasts at least this long, even
// when the event's breaks are shorter or none (protocol.md, Limits).
constexpr int topic_choice_seconds = 60;

// Every setting once: its name on the wire and in storage, where it lives, and its limits. The parser,
// the validator, storage and the views all go through these rows.
struct IntSetting {
    const char* name;
    int EventSettings::*field;
    int min;
    int max;
};
inline constexpr IntSetting int_settings[] = {
    {"table_size", &EventSettings::table_size, 2, 12},
    {"min_table_size", &EventSettings::min_table_size, 2, 12},  // and at most table_size
    {"max_table_size", &EventSettings::max_table_size, 2, 12},  // and at least table_size
    {"rounds", &EventSettings::rounds, 1, 50},
    {"round_seconds", &EventSettings::round_seconds, 60, 7200},
    {"break_seconds", &EventSettings::break_seconds, 0, 3600},
    {"max_attendees", &EventSettings::max_attendees, 2, 10000},
    {"retention_days", &EventSettings::retention_days, 1, 3650},
};

struct TextSetting {
    const char* name;
    std::string EventSettings::*field;
    std::size_t min_chars;  // 0: optional
    std::size_t max_chars;
};
inline constexpr TextSetting text_settings[] = {
    {"title", &EventSettings::title, 1, 200},
    {"video_link_template", &EventSettings::video_link_template, 0, 500},
};

struct ListSetting {
    const char* name;
    std::vector<std::string> EventSettings::*field;
    std::size_t max_items;
    std::size_t max_chars;  // of each item, which is never empty
};
inline constexpr ListSetting prompts_setting{"prompts", &EventSettings::prompts, 20, 500};

// A user-caused problem with a field, in words for developers; `field` names it.
struct FieldError {
    std::string field;
    std::string message;
};

// Why the topics are not acceptable: a bad id (or one given twice), a label out of its limits, too many.
std::optional<FieldError> validate_topics(const std::vector<Topic>& topics);

// Limits of protocol.md, checked once here for the REST API and for restored events alike.
std::optional<FieldError> validate(const EventSettings& settings);

// The kind of round n (1-based).
RoundKind kind_of_round(const EventSettings& settings, int round);

// The prompt of round n (1-based): prompts cycle. Empty when there are none.
std::string prompt_for_round(const EventSettings& settings, int round);

// The template with {event}, {round} and {table} filled in. Empty when there is no template.
std::string video_url(const EventSettings& settings, const std::string& event_id, int round, int table);

}  // namespace ensemble::domain
