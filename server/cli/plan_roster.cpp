#include "cli/plan_roster.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "cli/plan_csv.hpp"
#include "domain/reference_data.hpp"

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

// "logement | santé mentale": topics separated by |, compared without case.
std::vector<std::string> topics(const std::string& cell) {
    std::vector<std::string> out;
    std::stringstream parts(cell);
    for (std::string part; std::getline(parts, part, '|');)
        if (auto topic = lowered(trimmed(part)); !topic.empty()) out.push_back(topic);
    return out;
}

}  // namespace

std::string load_roster(const PlanOptions& options, Roster& roster) {
    if (options.count) {
        roster.numbered = true;
        for (int i = 1; i <= *options.count; ++i) roster.names.push_back(std::to_string(i));
        for (int i = 1; i <= *options.count; ++i) roster.people.push_back({i, "", {}});
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
    int needs = column(table.header, {"needs"}), offers = column(table.header, {"offers"});
    int departement = column(table.header, {"departement", "département"});
    std::unordered_map<std::string, int> first_line;  // a name seated twice would meet itself
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::string person = trimmed(table.rows[r][name]);
        std::string where = file + ", line " + std::to_string(table.lines[r]);
        if (person.empty()) return where + ": the name is empty";
        if (auto [it, fresh] = first_line.emplace(person, table.lines[r]); !fresh)
            return where + ": " + person + " is already listed on line " + std::to_string(it->second) +
                   "; give each attendee a distinct name";
        roster.names.push_back(person);
        auto cell = [&](int c) { return c >= 0 ? trimmed(table.rows[r][c]) : std::string{}; };
        matching::Person p{static_cast<matching::PersonId>(roster.names.size()), cell(group), {}};
        p.needs = topics(cell(needs));
        p.offers = topics(cell(offers));
        p.departement = cell(departement);
        if (!p.departement.empty()) {
            const auto* known = domain::find_departement(p.departement);
            if (!known) return where + ": " + p.departement + " is not a département code (such as 69 or 2A)";
            p.neighbours = known->neighbours;
        }
        roster.people.push_back(std::move(p));
    }
    if (roster.names.empty()) return file + " lists no attendees";
    return "";
}

}  // namespace ensemble::cli
