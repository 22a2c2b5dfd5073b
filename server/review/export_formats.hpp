#pragma once
// One writer per file format, each a pure function of the graph (pseudonymise it first if asked).

#include <string>

#include "review/event_graph.hpp"

namespace ensemble::review {

// Gephi's spreadsheet import: UTF-8, RFC 4180 quoting, CRLF line ends (export_csv.cpp).
std::string csv_nodes(const EventGraph& graph);  // Id,Label,organisation,...
std::string csv_edges(const EventGraph& graph);  // Source,Target,Type,Weight,rounds,tables,talked,...

// GEXF 1.3, undirected, weight = rounds together (export_gexf.cpp).
std::string gexf(const EventGraph& graph);

// GraphML, undirected, the same data as <key>s, weight included (export_graphml.cpp).
std::string graphml(const EventGraph& graph);

}  // namespace ensemble::review
