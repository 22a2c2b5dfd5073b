#include "storage/plan_json.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ensemble::storage {

std::string plan_rounds_to_json(const std::vector<std::vector<matching::Table>>& rounds) {
    return nlohmann::json(rounds).dump();
}

std::vector<std::vector<matching::Table>> plan_rounds_from_json(const std::string& text) {
    try {
        auto json = nlohmann::json::parse(text);
        if (!json.is_array()) throw std::runtime_error("storage: a stored plan is not a JSON array");
        return json.get<std::vector<std::vector<matching::Table>>>();
    } catch (const nlohmann::json::exception& e) {
        // Only the error id, as for settings: the message may quote the text.
        throw std::runtime_error("storage: unreadable plan (json error " + std::to_string(e.id) + ")");
    }
}

}  // namespace ensemble::storage
