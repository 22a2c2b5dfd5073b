#pragma once
// Why an attendee came: what they are looking for, what they can offer, where they work. All optional,
// shown to their tablemates and the hosts; the matcher reads it to seat needs with offers.

#include <optional>
#include <string>
#include <vector>

#include "domain/settings.hpp"

namespace ensemble::domain {

struct Purpose {
    std::vector<std::string> needs;  // topic ids: "Je cherche de l'aide sur…"
    std::string need_text{};         // one sentence, e.g. a situation to unblock: personal data, never logged
    std::vector<std::string> offers;  // topic ids: "Je peux aider sur…"
    std::string departement{};        // a code of shared/departements.json, '' when not given
    std::string structure{};          // an id of shared/structures.json, '' when not given
    bool empty() const {
        return needs.empty() && need_text.empty() && offers.empty() && departement.empty() &&
               structure.empty();
    }
    bool operator==(const Purpose&) const = default;
};

// The limits of a purpose, in one place (protocol.md, Limits).
inline constexpr std::size_t max_purpose_topics = 5;  // in needs, and in offers
inline constexpr std::size_t max_need_text_chars = 280;

// Why `purpose` is not acceptable in an event with these topics (`field` is purpose.needs, and so on).
std::optional<FieldError> validate(const Purpose& purpose, const std::vector<Topic>& topics);

}  // namespace ensemble::domain
