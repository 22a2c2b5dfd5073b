#include "domain/reference_data.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/reference_data_files.hpp"

namespace ensemble::domain {
namespace {

// Parsed once, on first use; the files are part of the build, so a parse error is a build defect.
template <class T, class Read>
std::vector<T> parse(const char* text, Read read) {
    std::vector<T> items;
    for (const auto& item : nlohmann::json::parse(text)) items.push_back(read(item));
    return items;
}

}  // namespace

const std::vector<Departement>& departements() {
    static const auto list = parse<Departement>(files::departements_json, [](const nlohmann::json& j) {
        return Departement{j.at("code"), j.at("name"), j.at("neighbours")};
    });
    return list;
}

const Departement* find_departement(std::string_view code) {
    const auto& list = departements();
    auto it = std::find_if(list.begin(), list.end(), [&](const Departement& d) { return d.code == code; });
    return it == list.end() ? nullptr : &*it;
}

bool same_or_neighbouring(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    const auto* d = find_departement(a);
    return d && std::find(d->neighbours.begin(), d->neighbours.end(), b) != d->neighbours.end();
}

const std::vector<StructureType>& structure_types() {
    static const auto list = parse<StructureType>(files::structures_json, [](const nlohmann::json& j) {
        return StructureType{j.at("id"), j.at("fr"), j.at("en")};
    });
    return list;
}

const StructureType* find_structure_type(std::string_view id) {
    const auto& list = structure_types();
    auto it = std::find_if(list.begin(), list.end(), [&](const StructureType& s) { return s.id == id; });
    return it == list.end() ? nullptr : &*it;
}

std::string_view reference_file(std::string_view name) {
    if (name == "departements") return files::departements_json;
    if (name == "structures") return files::structures_json;
    if (name == "topics") return files::topics_json;
    return {};
}

}  // namespace ensemble::domain
