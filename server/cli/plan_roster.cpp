#include "cli/plan_roster.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "cli/plan_csv.hpp"

namespace ensemble::cli {
namespace {

std::string trimmed(std::string text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

int column(const std::vector<std::string>& header, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < header.size(); ++i)
        for (const auto& name : names)
            if (lowered(trimmed(header[i])) == lowered(name)) return static_cast<int>(i);
    return -1;
}

}  // namespace

std::string load_roster(const PlanOptions& options, Roster& roster) {
    if (options.count) {
        roster.numbered = true;
        for (int i = 1; i <= *options.count; ++i) roster.names.push_back(std::to_string(i));
        roster.groups.assign(roster.names.size(), "");
        return "";
    }
    const std::string& file = options.attendees_file;
    std::ifstream in(file, std::ios::binary);
    if (!in) return "cannot read " + file + ": " + std::strerror(errno);
    std::stringstream text;
    text << in.rdbuf();
    CsvTable table;
    if (auto error = parse_csv(text.str(), table); !error.empty()) return file + ", " + error;
    int name = column(table.header, {"name"});
    if (name < 0) return file + " has no column named name";
    int group = -1;
    if (!options.keep_apart.empty()) {
        group = column(table.header, {options.keep_apart});
        if (group < 0) return file + " has no column named " + options.keep_apart + " for --keep-apart";
    } else {
        group = column(table.header, {"organisation", "organization"});
    }
    std::unordered_map<std::string, int> first_line;  // a name seated twice would meet itself
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::string person = trimmed(table.rows[r][name]);
        std::string where = file + ", line " + std::to_string(table.lines[r]);
        if (person.empty()) return where + ": the name is empty";
        if (auto [it, fresh] = first_line.emplace(person, table.lines[r]); !fresh)
            return where + ": " + person + " is already listed on line " + std::to_string(it->second) +
                   "; give each attendee a distinct name";
        roster.names.push_back(person);
        roster.groups.push_back(group >= 0 ? trimmed(table.rows[r][group]) : "");
    }
    if (roster.names.empty()) return file + " lists no attendees";
    return "";
}

}  // namespace ensemble::cli
