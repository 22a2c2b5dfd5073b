#include "cli/plan_csv.hpp"

namespace ensemble::cli {
namespace {

// Reads one record starting at pos; returns an error message or "".
std::string read_record(std::string_view text, std::size_t& pos, int& line, char separator,
                        std::vector<std::string>& fields) {
    fields.assign(1, {});
    int start_line = line;
    bool quoted = false, was_quoted = false;
    while (pos < text.size()) {
        char c = text[pos++];
        if (quoted) {
            if (c == '"' && pos < text.size() && text[pos] == '"') {
                fields.back() += '"';
                ++pos;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                fields.back() += c;
            }
            continue;
        }
        if (c == separator) {
            fields.emplace_back();
            was_quoted = false;
        } else if (c == '"') {
            if (!fields.back().empty() || was_quoted)
                return "line " + std::to_string(line) + ": a quote inside an unquoted field";
            quoted = was_quoted = true;
        } else if (c == '\r' && pos < text.size() && text[pos] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            return "";
        } else if (was_quoted) {
            return "line " + std::to_string(line) + ": text after a closing quote";
        } else {
            fields.back() += c;
        }
    }
    if (quoted) return "line " + std::to_string(start_line) + ": a quoted field is never closed";
    return "";
}

// Semicolon when the header has semicolons and no comma outside quotes ("a, b";c is two fields).
char detect_separator(std::string_view text) {
    bool quoted = false, comma = false, semicolon = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        comma = comma || c == ',';
        semicolon = semicolon || c == ';';
    }
    return semicolon && !comma ? ';' : ',';
}

bool blank(const std::vector<std::string>& fields) {
    for (const auto& field : fields)
        if (field.find_first_not_of(" \t\r") != std::string::npos) return false;
    return true;
}

}  // namespace

std::string parse_csv(std::string_view text, CsvTable& table) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // spreadsheets add a byte-order mark
    char separator = detect_separator(text);
    std::size_t pos = 0;
    int line = 1;
    std::vector<std::string> fields;
    while (pos < text.size()) {
        int record_line = line;
        if (auto error = read_record(text, pos, line, separator, fields); !error.empty()) return error;
        if (blank(fields)) continue;
        if (table.header.empty()) {
            table.header = fields;
            continue;
        }
        if (fields.size() != table.header.size())
            return "line " + std::to_string(record_line) + ": " + std::to_string(fields.size()) +
                   " fields where the header has " + std::to_string(table.header.size());
        table.rows.push_back(fields);
        table.lines.push_back(record_line);
    }
    if (table.header.empty()) return "no header line";
    return "";
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace ensemble::cli
