#pragma once
// The columns every export writes, said once: CSV headers, GEXF attributes and GraphML keys come from
// these lists, so the three formats cannot drift apart.

#include <string>
#include <string_view>
#include <vector>

#include "review/event_graph.hpp"
#include "review/pairs.hpp"

namespace ensemble::review {

enum class FieldType { text, boolean, integer, long_integer };

struct NodeField {
    const char* name;
    FieldType type;
    std::string (*value)(const Person&);
};

struct EdgeField {
    const char* name;
    FieldType type;
    std::string (*value)(const Pair&);
};

// organisation, role, erased, left, visible_ms, rounds_seated, chat_sent, video_opened.
const std::vector<NodeField>& node_fields();
// rounds (the rounds together, "1;3"), tables (the table of each, "2;5"), talked and keep_in_touch
// ("none", "one" or "both").
const std::vector<EdgeField>& edge_fields();

// The edge's weight: the rounds the two spent at the same table.
int weight_of(const Pair& pair);

// The node's label: the person's name, or nothing once erased (an anonymous node).
std::string label_of(const Person& person);

// Text as XML 1.0 can hold it: the control characters it forbids are dropped (tab and newlines stay).
std::string xml_text(std::string_view text);

}  // namespace ensemble::review
