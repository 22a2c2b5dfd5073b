#pragma once
// An event's meeting graph as a file to download: the format chosen by name, its bytes, content type and
// file name. Shared by `ensemble export` and GET /api/events/{id}/review/export.

#include <optional>
#include <string>
#include <string_view>

#include "review/event_graph.hpp"

namespace ensemble::review {

enum class Format { gexf, graphml, csv_nodes, csv_edges, json };

// "gexf", "graphml", "csv-nodes", "csv-edges" or "json"; nullopt for any other name.
std::optional<Format> format_named(std::string_view name);

struct ExportFile {
    std::string body;
    std::string content_type;
    std::string file_name;  // ensemble-<event>-<what>[-pseudonymised].<ext>, safe in a header
};

// Format::json is the review's graph JSON (shared/protocol.md, Staff review).
ExportFile export_graph(const EventGraph& graph, Format format, bool pseudonymise);

}  // namespace ensemble::review
