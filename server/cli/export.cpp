#include "cli/export.hpp"

#include <filesystem>
#include <fstream>
#include <ostream>

namespace ensemble::cli {
namespace {

struct ExportOptions {
    std::string db, event, format, out;
    bool pseudonymise = false;
};

// Returns an empty string on success, else what is wrong in words.
std::string parse(const std::vector<std::string>& args, ExportOptions& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& flag = args[i];
        if (flag == "--pseudonymise") {
            options.pseudonymise = true;
            continue;
        }
        std::string* value = flag == "--db"       ? &options.db
                             : flag == "--event"  ? &options.event
                             : flag == "--format" ? &options.format
                             : flag == "--out"    ? &options.out
                                                  : nullptr;
        if (!value) return "unknown option " + flag;
        if (i + 1 >= args.size() || args[i + 1].empty()) return flag + " needs a value";
        *value = args[++i];
    }
    if (options.db.empty()) return "--db FILE is required";
    if (options.event.empty()) return "--event ID is required";
    if (options.format.empty()) return "--format is required";
    if (options.format == "csv") {
        if (options.out.empty()) return "--format csv writes two files: give --out PREFIX";
    } else if (!review::format_named(options.format)) {
        return "--format is gexf, graphml, csv, csv-nodes, csv-edges or json, not " + options.format;
    }
    return "";
}

bool write_file(const std::string& path, const std::string& body, std::ostream& err) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << body;
    file.close();
    if (file) return true;
    err << "ensemble export: cannot write " << path << '\n';
    return false;
}

}  // namespace

const char* const export_usage =
    "usage: ensemble export --db FILE --event ID --format gexf|graphml|csv|csv-nodes|csv-edges|json\n"
    "                       [--pseudonymise] [--out FILE]\n"
    "  Writes the event's meeting graph to standard output, or to --out FILE. --format csv writes two\n"
    "  files, PREFIX-nodes.csv and PREFIX-edges.csv, and needs --out PREFIX. --pseudonymise replaces\n"
    "  names, organisations and roles with stable pseudonyms (Personne 1, Organisation 1...).\n";

int run_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
               const ReadEvent& read) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
        out << export_usage;
        return 0;
    }
    ExportOptions options;
    if (auto error = parse(args, options); !error.empty()) {
        err << "ensemble export: " << error << '\n' << export_usage;
        return 2;
    }
    // Opening a missing path would create an empty database: refuse it first.
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(options.db, ignored)) {
        err << "ensemble export: no database file at " << options.db << '\n';
        return 1;
    }
    std::optional<review::EventGraph> graph;
    try {
        graph = read(options.db, options.event);
    } catch (const std::exception& error) {
        err << "ensemble export: " << error.what() << '\n';
        return 1;
    }
    if (!graph) {
        err << "ensemble export: no event " << options.event << " in " << options.db << '\n';
        return 1;
    }
    if (options.format == "csv") {
        for (auto [format, suffix] : {std::pair{review::Format::csv_nodes, "-nodes.csv"},
                                      std::pair{review::Format::csv_edges, "-edges.csv"}}) {
            auto file = review::export_graph(*graph, format, options.pseudonymise);
            if (!write_file(options.out + suffix, file.body, err)) return 1;
        }
        return 0;
    }
    auto format = *review::format_named(options.format);
    auto file = review::export_graph(*graph, format, options.pseudonymise);
    if (options.out.empty()) {
        out << file.body;
        out.flush();
        return out ? 0 : 1;
    }
    return write_file(options.out, file.body, err) ? 0 : 1;
}

}  // namespace ensemble::cli
