#include "review/export.hpp"

#include <stdexcept>

#include "review/export_formats.hpp"
#include "review/export_pseudonyms.hpp"
#include "review/review_json.hpp"

namespace ensemble::review {
namespace {

// Event ids are URL-safe already; anything else is left out of a Content-Disposition file name.
std::string file_safe(const std::string& text) {
    std::string out;
    for (char c : text)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
            c == '_')
            out += c;
    return out.empty() ? "event" : out;
}

}  // namespace

std::optional<Format> format_named(std::string_view name) {
    if (name == "gexf") return Format::gexf;
    if (name == "graphml") return Format::graphml;
    if (name == "csv-nodes") return Format::csv_nodes;
    if (name == "csv-edges") return Format::csv_edges;
    if (name == "json") return Format::json;
    return std::nullopt;
}

ExportFile export_graph(const EventGraph& original, Format format, bool pseudonymise) {
    const EventGraph graph = pseudonymise ? pseudonymised(original) : original;
    std::string stem = "ensemble-" + file_safe(original.event_id);
    std::string suffix = pseudonymise ? "-pseudonymised" : "";
    switch (format) {
        case Format::gexf:
            return {gexf(graph), "application/gexf+xml; charset=utf-8", stem + suffix + ".gexf"};
        case Format::graphml:
            return {graphml(graph), "application/graphml+xml; charset=utf-8", stem + suffix + ".graphml"};
        case Format::csv_nodes:
            return {csv_nodes(graph), "text/csv; charset=utf-8; header=present",
                    stem + "-nodes" + suffix + ".csv"};
        case Format::csv_edges:
            return {csv_edges(graph), "text/csv; charset=utf-8; header=present",
                    stem + "-edges" + suffix + ".csv"};
        case Format::json:
            return {graph_json(graph, analyse(graph), graph.phase)
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json", stem + suffix + ".json"};
    }
    throw std::logic_error("export: unknown format");
}

}  // namespace ensemble::review
