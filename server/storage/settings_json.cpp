#include "storage/settings_json.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace ensemble::storage {

std::string settings_to_json(const domain::EventSettings& settings) {
    nlohmann::json json = {
        {"title", settings.title},
        {"table_size", settings.table_size},
        {"min_table_size", settings.min_table_size},
        {"max_table_size", settings.max_table_size},
        {"rounds", settings.rounds},
        {"round_seconds", settings.round_seconds},
        {"break_seconds", settings.break_seconds},
        {"prompts", settings.prompts},
        {"video_link_template", settings.video_link_template},
    };
    return json.dump();
}

domain::EventSettings settings_from_json(const std::string& text) {
    try {
        auto json = nlohmann::json::parse(text);
        if (!json.is_object()) throw std::runtime_error("storage: event settings are not a JSON object");
        domain::EventSettings settings;
        settings.title = json.value("title", settings.title);
        settings.table_size = json.value("table_size", settings.table_size);
        settings.min_table_size = json.value("min_table_size", settings.min_table_size);
        settings.max_table_size = json.value("max_table_size", settings.max_table_size);
        settings.rounds = json.value("rounds", settings.rounds);
        settings.round_seconds = json.value("round_seconds", settings.round_seconds);
        settings.break_seconds = json.value("break_seconds", settings.break_seconds);
        settings.prompts = json.value("prompts", settings.prompts);
        settings.video_link_template = json.value("video_link_template", settings.video_link_template);
        return settings;
    } catch (const nlohmann::json::exception& e) {
        // Only the error id: nlohmann's parse messages quote the text, and the text is what the host typed.
        throw std::runtime_error("storage: unreadable event settings (json error " + std::to_string(e.id) +
                                 ")");
    }
}

}  // namespace ensemble::storage
