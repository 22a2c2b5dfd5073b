#include "domain/settings.hpp"

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
    if (auto problem = text_problem(s.title, 1, 200)) return FieldError{"title", "title " + *problem};
    if (auto e = out_of_range("table_size", s.table_size, 2, 12)) return e;
    if (auto e = out_of_range("min_table_size", s.min_table_size, 2, s.table_size)) return e;
    if (auto e = out_of_range("max_table_size", s.max_table_size, s.table_size, 12)) return e;
    if (auto e = out_of_range("rounds", s.rounds, 1, 50)) return e;
    if (auto e = out_of_range("round_seconds", s.round_seconds, 60, 7200)) return e;
    if (auto e = out_of_range("break_seconds", s.break_seconds, 0, 3600)) return e;
    if (s.prompts.size() > 20) return FieldError{"prompts", "at most 20 prompts"};
    for (const auto& prompt : s.prompts)
        if (auto problem = text_problem(prompt, 1, 500)) return FieldError{"prompts", "a prompt " + *problem};
    const auto& link = s.video_link_template;
    if (!link.empty()) {
        if (auto problem = text_problem(link, 1, 500))
            return FieldError{"video_link_template", "video_link_template " + *problem};
        if (link.rfind("https://", 0) != 0 && link.rfind("http://", 0) != 0)
            return FieldError{"video_link_template", "video_link_template must start with http:// or https://"};
    }
    return std::nullopt;
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
