#include "app/purpose_json.hpp"

#include "domain/text.hpp"

namespace ensemble::app {
namespace {

using nlohmann::json;

// "discovery, mutual_help, … or meet_again", from the domain's list.
std::string round_kind_choices() {
    std::string text;
    for (std::size_t i = 0; i < std::size(domain::all_round_kinds); ++i) {
        if (i) text += i + 1 == std::size(domain::all_round_kinds) ? " or " : ", ";
        text += domain::to_string(domain::all_round_kinds[i]);
    }
    return text;
}

// A string member, trimmed; absent or null is ''. Its limits are the domain's to check.
bool read_text(const json& object, const char* key, std::string& out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = domain::trimmed(it->get<std::string>());
    return true;
}

bool read_ids(const json& object, const char* key, std::vector<std::string>& out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return true;
    if (!it->is_array()) return false;
    for (const auto& id : *it) {
        if (!id.is_string()) return false;
        out.push_back(id.get<std::string>());
    }
    return true;
}

}  // namespace

std::variant<std::vector<domain::Topic>, Problem> parse_topics(const json& body) {
    std::vector<domain::Topic> topics;
    auto list = body.find("topics");
    if (list == body.end() || list->is_null()) return topics;
    const char* must = "topics must be a list of {\"id\", \"fr\", \"en\"} objects with string members";
    if (!list->is_array()) return invalid("topics", must);
    for (const auto& item : *list) {
        domain::Topic topic;
        if (!item.is_object() || !read_text(item, "id", topic.id) || !read_text(item, "fr", topic.fr) ||
            !read_text(item, "en", topic.en))
            return invalid("topics", must);
        topics.push_back(std::move(topic));
    }
    return topics;
}

std::variant<std::vector<domain::RoundKind>, Problem> parse_round_kinds(const json& body) {
    std::vector<domain::RoundKind> kinds;
    auto list = body.find("round_kinds");
    if (list == body.end() || list->is_null()) return kinds;
    std::string must = "round_kinds must be a list of " + round_kind_choices();
    if (!list->is_array()) return invalid("round_kinds", must);
    for (const auto& item : *list) {
        auto kind = item.is_string() ? domain::round_kind_from_string(item.get<std::string>()) : std::nullopt;
        if (!kind) return invalid("round_kinds", must);
        kinds.push_back(*kind);
    }
    return kinds;
}

std::variant<domain::RoundKind, Problem> parse_round_kind(const json& message) {
    auto item = message.find("kind");
    auto kind = item != message.end() && item->is_string()
                    ? domain::round_kind_from_string(item->get<std::string>())
                    : std::nullopt;
    if (!kind) return invalid("kind", "kind must be " + round_kind_choices());
    return *kind;
}

std::variant<domain::Purpose, Problem> parse_purpose(const json& body) {
    domain::Purpose purpose;
    auto object = body.find("purpose");
    if (object == body.end() || object->is_null()) return purpose;
    if (!object->is_object()) return invalid("purpose", "purpose must be an object");
    if (!read_ids(*object, "needs", purpose.needs))
        return invalid("purpose.needs", "purpose.needs must be a list of topic ids");
    if (!read_ids(*object, "offers", purpose.offers))
        return invalid("purpose.offers", "purpose.offers must be a list of topic ids");
    for (auto [key, out] :
         {std::pair{"need_text", &purpose.need_text}, std::pair{"departement", &purpose.departement},
          std::pair{"structure", &purpose.structure}})
        if (!read_text(*object, key, *out))
            return invalid(std::string("purpose.") + key,
                           std::string("purpose.") + key + " must be a string");
    return purpose;
}

json topics_json(const std::vector<domain::Topic>& topics) {
    json list = json::array();
    for (const auto& topic : topics) {
        json item = {{"id", topic.id}, {"fr", topic.fr}};
        if (!topic.en.empty()) item["en"] = topic.en;
        list.push_back(std::move(item));
    }
    return list;
}

json purpose_json(const domain::Purpose& p) {
    return {{"needs", p.needs},
            {"need_text", p.need_text},
            {"offers", p.offers},
            {"departement", p.departement},
            {"structure", p.structure}};
}

}  // namespace ensemble::app
