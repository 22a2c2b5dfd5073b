// Node and edge lists in the columns Gephi's spreadsheet import recognises (Id, Label; Source, Target,
// Type, Weight); the other columns become attributes.
#include <string_view>

#include "review/export_fields.hpp"
#include "review/export_formats.hpp"

namespace ensemble::review {
namespace {

// RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. Text that a spreadsheet
// would run as a formula (= + - @ first) gets a leading apostrophe: names are typed by attendees.
std::string field(std::string_view value, bool text) {
    std::string out;
    if (text && !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        out += '\'';
    out += value;
    if (out.find_first_of(",\"\r\n") == std::string::npos) return out;
    std::string quoted = "\"";
    for (char c : out) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

void end_line(std::string& out) { out += "\r\n"; }

}  // namespace

std::string csv_nodes(const EventGraph& graph) {
    std::string out = "Id,Label";
    for (const auto& f : node_fields()) out += std::string(",") + f.name;
    end_line(out);
    for (const auto& person : graph.people) {
        out += std::to_string(person.id) + ',' + field(label_of(person), true);
        for (const auto& f : node_fields()) out += ',' + field(f.value(person), f.type == FieldType::text);
        end_line(out);
    }
    return out;
}

std::string csv_edges(const EventGraph& graph) {
    std::string out = "Source,Target,Type,Weight";
    for (const auto& f : edge_fields()) out += std::string(",") + f.name;
    end_line(out);
    for (const auto& pair : pairs_of(graph)) {
        out += std::to_string(pair.a) + ',' + std::to_string(pair.b) + ",Undirected," +
               std::to_string(weight_of(pair));
        for (const auto& f : edge_fields()) out += ',' + field(f.value(pair), f.type == FieldType::text);
        end_line(out);
    }
    return out;
}

}  // namespace ensemble::review
