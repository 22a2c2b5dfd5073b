#pragma once
// An event's meeting graph as a file to download: the format chosen by name, its bytes, content type and
// file name. Shared by `ensemble export` and GET /api/events/{id}/review/export.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "review/event_graph.hpp"

namespace ensemble::review {

enum class Format { gexf, graphml, csv_nodes, csv_edges, json };

// "gexf", "graphml", "csv-nodes", "csv-edges" or "json"; nullopt for any other name.
std::optional<Format> format_named(std::string_view name);

// The graph JSON of shared/protocol.md's review section, written by the review code, passed in so the
// exports hold no second description of it.
using GraphJson = std::function<std::string(const EventGraph&)>;

struct ExportFile {
    std::string body;
    std::string content_type;
    std::string file_name;  // ensemble-<event>-<what>[-pseudonymised].<ext>, safe in a header
};

// Throws std::logic_error for Format::json when `json` is empty.
ExportFile export_graph(const EventGraph& graph, Format format, bool pseudonymise, const GraphJson& json);

}  // namespace ensemble::review
