#pragma once
// The reference lists of shared/ (départements, types of structure, the sector's default topics), compiled
// in from the same files the web client reads: one list for both.

#include <string>
#include <string_view>
#include <vector>

namespace ensemble::domain {

struct Departement {
    std::string code;  // "01", "2A", "974"
    std::string name;
    std::vector<std::string> neighbours;  // codes of the départements it borders (none overseas)
};

struct StructureType {
    std::string id;
    std::string fr;
    std::string en;
};

const std::vector<Departement>& departements();
const Departement* find_departement(std::string_view code);
// Same département, or bordering ones.
bool same_or_neighbouring(std::string_view a, std::string_view b);

const std::vector<StructureType>& structure_types();
const StructureType* find_structure_type(std::string_view id);

// The files themselves, as served to the web client (/data/<name>.json); empty for an unknown name.
std::string_view reference_file(std::string_view name);

}  // namespace ensemble::domain
