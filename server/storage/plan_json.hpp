#pragma once
// A plan's rounds as the JSON text kept in one column: rounds, each an array of tables of attendee ids.

#include <string>
#include <vector>

#include "matching/matcher.hpp"

namespace ensemble::storage {

std::string plan_rounds_to_json(const std::vector<std::vector<matching::Table>>& rounds);
// Throws std::runtime_error on text that is not an array of arrays of arrays of ids.
std::vector<std::vector<matching::Table>> plan_rounds_from_json(const std::string& text);

}  // namespace ensemble::storage
