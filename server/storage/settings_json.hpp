#pragma once
// EventSettings as the JSON text kept in one column, so a new setting needs no migration.

#include <string>

#include "domain/settings.hpp"

namespace ensemble::storage {

std::string settings_to_json(const domain::EventSettings& settings);
// Missing fields take their defaults, so rows written before a setting existed still load.
// Throws std::runtime_error on text that is not a JSON object of the right types.
domain::EventSettings settings_from_json(const std::string& text);

}  // namespace ensemble::storage
