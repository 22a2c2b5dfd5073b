#include "review/export_fields.hpp"

namespace ensemble::review {
namespace {

std::string boolean(bool value) { return value ? "true" : "false"; }

std::string list(const std::vector<int>& numbers) {
    std::string out;
    for (int number : numbers) out += (out.empty() ? "" : ";") + std::to_string(number);
    return out;
}

}  // namespace

const std::vector<NodeField>& node_fields() {
    static const std::vector<NodeField> fields = {
        {"organisation", FieldType::text, [](const Person& p) { return p.erased ? "" : p.organisation; }},
        {"role", FieldType::text, [](const Person& p) { return p.erased ? "" : p.role; }},
        {"erased", FieldType::boolean, [](const Person& p) { return boolean(p.erased); }},
        {"left", FieldType::boolean, [](const Person& p) { return boolean(p.left); }},
        {"visible_ms", FieldType::long_integer, [](const Person& p) { return std::to_string(p.visible_ms); }},
        {"rounds_seated", FieldType::integer,
         [](const Person& p) { return std::to_string(p.rounds_seated); }},
        {"chat_sent", FieldType::integer, [](const Person& p) { return std::to_string(p.chat_sent); }},
        {"video_opened", FieldType::integer, [](const Person& p) { return std::to_string(p.video_opened); }},
    };
    return fields;
}

const std::vector<EdgeField>& edge_fields() {
    static const std::vector<EdgeField> fields = {
        {"rounds", FieldType::text, [](const Pair& p) { return list(p.rounds); }},
        {"tables", FieldType::text, [](const Pair& p) { return list(p.tables); }},
        {"talked", FieldType::text, [](const Pair& p) { return std::string(to_string(p.talked)); }},
        {"keep_in_touch", FieldType::text,
         [](const Pair& p) { return std::string(to_string(p.keep_in_touch)); }},
    };
    return fields;
}

int weight_of(const Pair& pair) { return static_cast<int>(pair.rounds.size()); }

std::string label_of(const Person& person) { return person.erased ? "" : person.name; }

std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out += c;
    }
    return out;
}

}  // namespace ensemble::review
