#pragma once
// The review's JSON, as shared/protocol.md (Staff review) describes it: the meeting graph and the report.

#include <nlohmann/json.hpp>
#include <string>

#include "review/analysis.hpp"
#include "review/event_graph.hpp"
#include "review/report.hpp"

namespace ensemble::review {

// A figure that cannot be computed is null.
template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// `phase` is the event's live phase ("ended" once it has ended).
nlohmann::json graph_json(const EventGraph& graph, const Analysis& analysis, const std::string& phase);
nlohmann::json report_json(const EventGraph& graph, const Report& report, const std::string& phase);

}  // namespace ensemble::review
