// GraphML (graphml.graphdrawing.org): every column a <key>, every value a <data>, as Boost.Graph,
// networkx, yEd and Gephi read it.
#include "review/export_fields.hpp"
#include "review/export_formats.hpp"
#include "review/export_xml.hpp"

namespace ensemble::review {
namespace {

// Booleans are ints 0 and 1 here: Boost.Graph's reader takes only 0/1 for GraphML's boolean, Gephi's only
// true/false; an int reads the same everywhere.
const char* graphml_type(FieldType type) {
    switch (type) {
        case FieldType::text:
            return "string";
        case FieldType::boolean:
            return "int";
        case FieldType::integer:
            return "int";
        case FieldType::long_integer:
            return "long";
    }
    return "string";
}

// Key ids are prefixed by their element, so a node and an edge column may share a name.
std::string key_id(const char* element, const char* name) { return std::string(element) + "_" + name; }

void key(pugi::xml_node root, const char* element, const char* name, const char* type) {
    auto key = root.append_child("key");
    key.append_attribute("id") = key_id(element, name).c_str();
    key.append_attribute("for") = element;
    key.append_attribute("attr.name") = name;
    key.append_attribute("attr.type") = type;
}

void data(pugi::xml_node element, const std::string& key, const std::string& value) {
    auto data = element.append_child("data");
    data.append_attribute("key") = key.c_str();
    data.text() = xml_text(value).c_str();
}

template <class Field, class Item>
std::string value(const Field& field, const Item& item) {
    std::string text = field.value(item);
    if (field.type == FieldType::boolean) return text == "true" ? "1" : "0";
    return text;
}

}  // namespace

std::string graphml(const EventGraph& event) {
    auto document = xml_document();
    auto root = document.append_child("graphml");
    root.append_attribute("xmlns") = "http://graphml.graphdrawing.org/xmlns";
    key(root, "graph", "title", "string");
    key(root, "node", "label", "string");
    for (const auto& f : node_fields()) key(root, "node", f.name, graphml_type(f.type));
    key(root, "edge", "weight", "int");
    for (const auto& f : edge_fields()) key(root, "edge", f.name, graphml_type(f.type));

    auto graph = root.append_child("graph");
    graph.append_attribute("id") = "meetings";
    graph.append_attribute("edgedefault") = "undirected";
    data(graph, key_id("graph", "title"), event.title);
    for (const auto& person : event.people) {
        auto node = graph.append_child("node");
        node.append_attribute("id") = std::to_string(person.id).c_str();
        data(node, key_id("node", "label"), label_of(person));
        for (const auto& f : node_fields()) data(node, key_id("node", f.name), value(f, person));
    }
    for (const auto& pair : pairs_of(event)) {
        auto edge = graph.append_child("edge");
        edge.append_attribute("source") = std::to_string(pair.a).c_str();
        edge.append_attribute("target") = std::to_string(pair.b).c_str();
        data(edge, key_id("edge", "weight"), std::to_string(weight_of(pair)));
        for (const auto& f : edge_fields()) data(edge, key_id("edge", f.name), value(f, pair));
    }
    return xml_bytes(document);
}

}  // namespace ensemble::review
