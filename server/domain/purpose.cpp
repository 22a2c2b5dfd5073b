#include "domain/purpose.hpp"

#include <algorithm>
#include <set>

#include "domain/reference_data.hpp"
#include "domain/text.hpp"

namespace ensemble::domain {
namespace {

std::optional<FieldError> topic_list_problem(const char* field, const std::vector<std::string>& ids,
                                             const std::vector<Topic>& topics) {
    if (ids.size() > max_purpose_topics)
        return FieldError{field,
                          std::string(field) + ": at most " + std::to_string(max_purpose_topics) + " topics"};
    std::set<std::string> seen;
    for (const auto& id : ids) {
        bool known = std::any_of(topics.begin(), topics.end(), [&](const Topic& t) { return t.id == id; });
        if (!known) return FieldError{field, std::string(field) + ": a topic id this event does not have"};
        if (!seen.insert(id).second) return FieldError{field, std::string(field) + ": a topic given twice"};
    }
    return std::nullopt;
}

}  // namespace

std::optional<FieldError> validate(const Purpose& p, const std::vector<Topic>& topics) {
    if (auto e = topic_list_problem("purpose.needs", p.needs, topics)) return e;
    if (auto e = topic_list_problem("purpose.offers", p.offers, topics)) return e;
    // Never quoted back: it is personal data.
    if (!p.need_text.empty())
        if (auto problem = text_problem(p.need_text, 1, max_need_text_chars))
            return FieldError{"purpose.need_text", "purpose.need_text " + *problem};
    if (!p.departement.empty() && !find_departement(p.departement))
        return FieldError{"purpose.departement",
                          "purpose.departement must be a code of shared/departements.json"};
    if (!p.structure.empty() && !find_structure_type(p.structure))
        return FieldError{"purpose.structure", "purpose.structure must be an id of shared/structures.json"};
    return std::nullopt;
}

}  // namespace ensemble::domain
