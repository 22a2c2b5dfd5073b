// GEXF 1.3 (gexf.net), Gephi's own format: node and edge attributes declared once, then their values.
#include "review/export_fields.hpp"
#include "review/export_formats.hpp"
#include "review/export_xml.hpp"

namespace ensemble::review {
namespace {

const char* gexf_type(FieldType type) {
    switch (type) {
        case FieldType::text:
            return "string";
        case FieldType::boolean:
            return "boolean";
        case FieldType::integer:
            return "integer";
        case FieldType::long_integer:
            return "long";
    }
    return "string";
}

template <class Fields>
void declare(pugi::xml_node graph, const char* element_class, const Fields& fields) {
    auto attributes = graph.append_child("attributes");
    attributes.append_attribute("class") = element_class;
    for (const auto& f : fields) {
        auto attribute = attributes.append_child("attribute");
        attribute.append_attribute("id") = f.name;
        attribute.append_attribute("title") = f.name;
        attribute.append_attribute("type") = gexf_type(f.type);
    }
}

template <class Fields, class Item>
void values(pugi::xml_node element, const Fields& fields, const Item& item) {
    auto attvalues = element.append_child("attvalues");
    for (const auto& f : fields) {
        auto attvalue = attvalues.append_child("attvalue");
        attvalue.append_attribute("for") = f.name;
        attvalue.append_attribute("value") = xml_text(f.value(item)).c_str();
    }
}

}  // namespace

std::string gexf(const EventGraph& event) {
    auto document = xml_document();
    auto root = document.append_child("gexf");
    root.append_attribute("xmlns") = "http://gexf.net/1.3";
    root.append_attribute("version") = "1.3";
    auto meta = root.append_child("meta");
    meta.append_child("creator").text() = "ensemble";
    meta.append_child("description").text() = xml_text(event.title).c_str();

    auto graph = root.append_child("graph");
    graph.append_attribute("mode") = "static";
    graph.append_attribute("defaultedgetype") = "undirected";
    declare(graph, "node", node_fields());
    declare(graph, "edge", edge_fields());

    auto nodes = graph.append_child("nodes");
    nodes.append_attribute("count") = static_cast<unsigned long long>(event.people.size());
    for (const auto& person : event.people) {
        auto node = nodes.append_child("node");
        node.append_attribute("id") = std::to_string(person.id).c_str();
        node.append_attribute("label") = xml_text(label_of(person)).c_str();
        values(node, node_fields(), person);
    }
    auto pairs = pairs_of(event);
    auto edges = graph.append_child("edges");
    edges.append_attribute("count") = static_cast<unsigned long long>(pairs.size());
    for (const auto& pair : pairs) {
        auto edge = edges.append_child("edge");
        edge.append_attribute("id") = (std::to_string(pair.a) + "-" + std::to_string(pair.b)).c_str();
        edge.append_attribute("source") = std::to_string(pair.a).c_str();
        edge.append_attribute("target") = std::to_string(pair.b).c_str();
        edge.append_attribute("weight") = weight_of(pair);
        values(edge, edge_fields(), pair);
    }
    return xml_bytes(document);
}

}  // namespace ensemble::review
