#pragma once
// `ensemble export`: an event's meeting graph from a database file, as GEXF, GraphML, CSV or JSON.

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "review/event_graph.hpp"
#include "review/export.hpp"

namespace ensemble::cli {

// How the command reads the event from the file, wired in main.cpp: nullopt when the file has no such
// event; throws when the file cannot be read.
using ReadEvent =
    std::function<std::optional<review::EventGraph>(const std::string& db, const std::string& event)>;

extern const char* const export_usage;

// args are the words after `export`. Returns the process exit code: 0, 1 when the file or event is
// missing or a file cannot be written, 2 for wrong arguments.
int run_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const ReadEvent& read);

}  // namespace ensemble::cli
