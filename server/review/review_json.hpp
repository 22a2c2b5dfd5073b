#pragma once
// The review's JSON, as shared/protocol.md (Staff review) describes it: the meeting graph and the report.

#include <nlohmann/json.hpp>
#include <string>

#include "review/analysis.hpp"
#include "review/event_graph.hpp"
#include "review/report.hpp"

namespace ensemble::review {

// `phase` is the event's live phase ("ended" once it has ended).
nlohmann::json graph_json(const EventGraph& graph, const Analysis& analysis, const std::string& phase);
nlohmann::json report_json(const EventGraph& graph, const Report& report, const std::string& phase);

}  // namespace ensemble::review
