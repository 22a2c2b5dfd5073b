#include "storage/settings_json.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace ensemble::storage {

std::string settings_to_json(const domain::EventSettings& settings) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& setting : domain::text_settings) json[setting.name] = settings.*setting.field;
    for (const auto& setting : domain::int_settings) json[setting.name] = settings.*setting.field;
    json[domain::prompts_setting.name] = settings.*domain::prompts_setting.field;
    json["topics"] = nlohmann::json::array();
    for (const auto& topic : settings.topics)
        json["topics"].push_back({{"id", topic.id}, {"fr", topic.fr}, {"en", topic.en}});
    json["round_kinds"] = nlohmann::json::array();
    for (auto kind : settings.round_kinds) json["round_kinds"].push_back(domain::to_string(kind));
    return json.dump();
}

domain::EventSettings settings_from_json(const std::string& text) {
    try {
        auto json = nlohmann::json::parse(text);
        if (!json.is_object()) throw std::runtime_error("storage: event settings are not a JSON object");
        domain::EventSettings settings;
        for (const auto& setting : domain::text_settings)
            settings.*setting.field = json.value(setting.name, settings.*setting.field);
        for (const auto& setting : domain::int_settings)
            settings.*setting.field = json.value(setting.name, settings.*setting.field);
        const auto& prompts = domain::prompts_setting;
        settings.*prompts.field = json.value(prompts.name, settings.*prompts.field);
        for (const auto& topic : json.value("topics", nlohmann::json::array()))
            settings.topics.push_back({topic.at("id"), topic.at("fr"), topic.value("en", "")});
        for (const auto& name : json.value("round_kinds", nlohmann::json::array()))
            settings.round_kinds.push_back(domain::round_kind_from_string(name.get<std::string>())
                                               .value_or(domain::RoundKind::discovery));
        return settings;
    } catch (const nlohmann::json::exception& e) {
        // Only the error id: nlohmann's parse messages quote the text, and the text is what the host typed.
        throw std::runtime_error("storage: unreadable event settings (json error " + std::to_string(e.id) +
                                 ")");
    }
}

}  // namespace ensemble::storage
