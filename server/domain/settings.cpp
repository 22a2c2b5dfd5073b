#include "domain/settings.hpp"

#include <algorithm>
#include <set>

#include "domain/text.hpp"

namespace ensemble::domain {
namespace {

std::optional<FieldError> out_of_range(const char* field, int value, int low, int high) {
    if (value >= low && value <= high) return std::nullopt;
    return FieldError{field, std::string(field) + " must be between " + std::to_string(low) + " and " +
                                 std::to_string(high)};
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

}  // namespace

std::optional<FieldError> validate(const EventSettings& s) {
    for (const auto& setting : text_settings) {
        const auto& text = s.*setting.field;
        if (text.empty() && setting.min_chars == 0) continue;
        if (auto problem = text_problem(text, std::max<std::size_t>(setting.min_chars, 1), setting.max_chars))
            return FieldError{setting.name, std::string(setting.name) + " " + *problem};
    }
    for (const auto& setting : int_settings)
        if (auto e = out_of_range(setting.name, s.*setting.field, setting.min, setting.max)) return e;
    if (auto e = out_of_range("min_table_size", s.min_table_size, 2, s.table_size)) return e;
    if (auto e = out_of_range("max_table_size", s.max_table_size, s.table_size, 12)) return e;
    const auto& prompts = prompts_setting;
    if ((s.*prompts.field).size() > prompts.max_items)
        return FieldError{prompts.name, "at most " + std::to_string(prompts.max_items) + " prompts"};
    for (const auto& prompt : s.*prompts.field)
        if (auto problem = text_problem(prompt, 1, prompts.max_chars))
            return FieldError{prompts.name, "a prompt " + *problem};
    if (auto e = validate_topics(s.topics)) return e;
    if (s.round_kinds.size() > static_cast<std::size_t>(s.rounds))
        return FieldError{"round_kinds", "round_kinds names more rounds than the event has"};
    const auto& link = s.video_link_template;
    if (!link.empty()) {
        if (link.rfind("https://", 0) != 0 && link.rfind("http://", 0) != 0)
            return FieldError{"video_link_template",
                              "video_link_template must start with http:// or https://"};
    }
    return std::nullopt;
}

std::optional<FieldError> validate_topics(const std::vector<Topic>& topics) {
    if (topics.size() > max_topics)
        return FieldError{"topics", "at most " + std::to_string(max_topics) + " topics"};
    std::set<std::string> ids;
    for (const auto& topic : topics) {
        bool slug = !topic.id.empty() && topic.id.size() <= max_topic_id_chars &&
                    std::all_of(topic.id.begin(), topic.id.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
                    });
        if (!slug)
            return FieldError{"topics", "a topic id must be 1 to " + std::to_string(max_topic_id_chars) +
                                            " lowercase letters, digits or '-'"};
        if (!ids.insert(topic.id).second)
            return FieldError{"topics", "topic id '" + topic.id + "' is given twice"};
        if (auto problem = text_problem(topic.fr, 1, max_topic_label_chars))
            return FieldError{"topics", "a topic's French label " + *problem};
        if (!topic.en.empty())
            if (auto problem = text_problem(topic.en, 1, max_topic_label_chars))
                return FieldError{"topics", "a topic's English label " + *problem};
    }
    return std::nullopt;
}

const char* to_string(RoundKind kind) {
    switch (kind) {
        case RoundKind::discovery:
            return "discovery";
        case RoundKind::mutual_help:
            return "mutual_help";
        case RoundKind::pairs:
            return "pairs";
        case RoundKind::local:
            return "local";
        case RoundKind::meet_again:
            return "meet_again";
        case RoundKind::topic_tables:
            return "topic_tables";
    }
    return "discovery";
}

std::optional<RoundKind> round_kind_from_string(const std::string& text) {
    for (auto kind : all_round_kinds)
        if (text == to_string(kind)) return kind;
    return std::nullopt;
}

RoundKind kind_of_round(const EventSettings& settings, int round) {
    if (round < 1 || static_cast<std::size_t>(round) > settings.round_kinds.size())
        return RoundKind::discovery;
    return settings.round_kinds[static_cast<std::size_t>(round - 1)];
}

std::string prompt_for_round(const EventSettings& settings, int round) {
    if (settings.prompts.empty() || round < 1) return {};
    return settings.prompts[static_cast<std::size_t>(round - 1) % settings.prompts.size()];
}

std::string video_url(const EventSettings& settings, const std::string& event_id, int round, int table) {
    std::string url = settings.video_link_template;
    if (url.empty()) return url;
    replace_all(url, "{event}", event_id);
    replace_all(url, "{round}", std::to_string(round));
    replace_all(url, "{table}", std::to_string(table));
    return url;
}

}  // namespace ensemble::domain
