// Exports: the pairs behind every edge, CSV for Gephi, GEXF and GraphML read back, pseudonyms.
#include <doctest/doctest.h>

#include <pugixml.hpp>

#include "cli/plan_csv.hpp"
#include "review/export.hpp"
#include "review/export_formats.hpp"
#include "review/export_pseudonyms.hpp"
#include "review/pairs.hpp"
#include "review_export_sample.hpp"

using namespace ensemble::review;
using ensemble::review::test::sample_event;

namespace {

ensemble::cli::CsvTable parse(const std::string& text) {
    ensemble::cli::CsvTable table;
    auto error = ensemble::cli::parse_csv(text, table);
    REQUIRE_MESSAGE(error.empty(), error);
    return table;
}

pugi::xml_document parse_xml(const std::string& text) {
    pugi::xml_document document;
    auto result = document.load_string(text.c_str());
    REQUIRE_MESSAGE(result, result.description());
    return document;
}

}  // namespace

TEST_CASE("export pairs: weight is rounds together, talked and keep in touch counted per side") {
    auto pairs = pairs_of(sample_event());
    REQUIRE(pairs.size() == 4);
    // (1,2) met twice, both said talked, both keep in touch.
    CHECK(pairs[0].a == 1);
    CHECK(pairs[0].b == 2);
    CHECK(pairs[0].rounds == std::vector<int>{1, 2});
    CHECK(pairs[0].tables == std::vector<int>{1, 1});
    CHECK(pairs[0].talked == Sides::both);
    CHECK(pairs[0].keep_in_touch == Sides::both);
    // (1,3): 3 said "not really", 3 alone wants to keep in touch with 1.
    CHECK(pairs[1].a == 1);
    CHECK(pairs[1].b == 3);
    CHECK(pairs[1].rounds == std::vector<int>{1});
    CHECK(pairs[1].talked == Sides::none);
    CHECK(pairs[1].answered);
    CHECK(pairs[1].keep_in_touch == Sides::one);
    // (2,3) met once, said nothing; (3,4): only 3 answered.
    CHECK(pairs[2].talked == Sides::none);
    CHECK_FALSE(pairs[2].answered);
    CHECK(pairs[3].a == 3);
    CHECK(pairs[3].b == 4);
    CHECK(pairs[3].tables == std::vector<int>{2});
    CHECK(pairs[3].talked == Sides::one);
}

TEST_CASE("export pairs: a repeated encounter row and answers between strangers make no extra edge") {
    EventGraph g;
    g.people = {test::person(1, "A"), test::person(2, "B"), test::person(3, "C")};
    g.encounters = {{1, 1, 2, 1}, {1, 1, 1, 2}};  // one meeting written twice, a > b once
    g.talked = {{1, 1, 3, true}};                 // 1 and 3 never sat together
    g.wishes = {{3, 2}};
    auto pairs = pairs_of(g);
    REQUIRE(pairs.size() == 1);
    CHECK(pairs[0].rounds == std::vector<int>{1});
    CHECK(pairs[0].keep_in_touch == Sides::none);
}

TEST_CASE("export csv: Gephi's columns, RFC 4180 quoting and UTF-8 read back field for field") {
    auto g = sample_event();
    auto nodes_text = csv_nodes(g);
    CHECK(nodes_text.find("\r\n") != std::string::npos);
    auto nodes = parse(nodes_text);
    CHECK(nodes.header == std::vector<std::string>{"Id", "Label", "organisation", "role", "erased", "left",
                                                   "visible_ms", "rounds_seated", "chat_sent",
                                                   "video_opened"});
    REQUIRE(nodes.rows.size() == 4);
    CHECK(nodes.rows[0] == std::vector<std::string>{"3", "Zoé \"Zo\" Müller", "Acme, Inc.",
                                                    "Chargée\nde mission", "false", "false", "120000", "1",
                                                    "2", "1"});
    CHECK(nodes.rows[1][1] == "Ana <b>&</b> Lima");
    // A name a spreadsheet would run as a formula is defused.
    CHECK(nodes.rows[2][1] == "'=HYPERLINK(\"x\")");
    CHECK(nodes.rows[2][5] == "true");
    // The erased person is an anonymous node.
    CHECK(nodes.rows[3] ==
          std::vector<std::string>{"4", "", "", "", "true", "false", "50000", "1", "0", "1"});

    auto edges = parse(csv_edges(g));
    CHECK(edges.header == std::vector<std::string>{"Source", "Target", "Type", "Weight", "rounds", "tables",
                                                   "talked", "keep_in_touch"});
    REQUIRE(edges.rows.size() == 4);
    CHECK(edges.rows[0] ==
          std::vector<std::string>{"1", "2", "Undirected", "2", "1;2", "1;1", "both", "both"});
    CHECK(edges.rows[1] == std::vector<std::string>{"1", "3", "Undirected", "1", "1", "1", "none", "one"});
}

TEST_CASE("export gexf: a GEXF 1.3 document whose names and attributes read back unchanged") {
    auto g = sample_event();
    g.people[1].name += std::string("\x01\x1f", 2);  // controls XML 1.0 cannot hold are dropped
    auto text = gexf(g);
    CHECK(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    CHECK(text.find("<b>&</b>") == std::string::npos);
    auto document = parse_xml(text);
    auto root = document.child("gexf");
    CHECK(std::string(root.attribute("xmlns").value()) == "http://gexf.net/1.3");
    CHECK(std::string(root.child("meta").child_value("description")) == g.title);
    auto graph = root.child("graph");
    CHECK(std::string(graph.attribute("defaultedgetype").value()) == "undirected");
    auto node = graph.child("nodes").find_child_by_attribute("node", "id", "1");
    CHECK(std::string(node.attribute("label").value()) == "Ana <b>&</b> Lima");
    auto org = node.child("attvalues").find_child_by_attribute("attvalue", "for", "organisation");
    CHECK(std::string(org.attribute("value").value()) == "Régie <Nord>");
    auto role = graph.child("nodes")
                    .find_child_by_attribute("node", "id", "3")
                    .child("attvalues")
                    .find_child_by_attribute("attvalue", "for", "role");
    CHECK(std::string(role.attribute("value").value()) == "Chargée\nde mission");
    auto erased = graph.child("nodes").find_child_by_attribute("node", "id", "4");
    CHECK(std::string(erased.attribute("label").value()).empty());
    auto edge = graph.child("edges").find_child_by_attribute("edge", "id", "1-2");
    CHECK(edge.attribute("weight").as_int() == 2);
    CHECK(std::string(edge.child("attvalues")
                          .find_child_by_attribute("attvalue", "for", "keep_in_touch")
                          .attribute("value")
                          .value()) == "both");
    CHECK(graph.child("edges").attribute("count").as_int() == 4);
}

TEST_CASE("export graphml: keys declared once, every node and edge with its data") {
    auto text = graphml(sample_event());
    auto document = parse_xml(text);
    auto root = document.child("graphml");
    int keys = 0;
    for (auto key : root.children("key")) {
        ++keys;
        CHECK(key.attribute("attr.name"));
    }
    CHECK(keys == 1 + 1 + 8 + 1 + 4);  // title, label, node fields, weight, edge fields
    auto graph = root.child("graph");
    auto node = graph.find_child_by_attribute("node", "id", "3");
    CHECK(std::string(node.find_child_by_attribute("data", "key", "node_label").child_value()) ==
          "Zoé \"Zo\" Müller");
    CHECK(std::string(node.find_child_by_attribute("data", "key", "node_organisation").child_value()) ==
          "Acme, Inc.");
    int edges = 0;
    for ([[maybe_unused]] auto edge : graph.children("edge")) ++edges;
    CHECK(edges == 4);
}

TEST_CASE("export pseudonymise: stable pseudonyms by id order, no original text left in any format") {
    auto g = sample_event();
    auto p = pseudonymised(g);
    REQUIRE(p.people.size() == 4);
    CHECK(p.people[0].id == 1);
    CHECK(p.people[0].name == "Personne 1");
    CHECK(p.people[0].organisation == "Organisation 1");  // Régie, first seen at id 1
    CHECK(p.people[0].role == "Rôle 1");
    CHECK(p.people[1].organisation == "Organisation 2");  // Acme, first seen at id 2
    CHECK(p.people[1].role.empty());
    CHECK(p.people[2].name == "Personne 3");
    CHECK(p.people[2].organisation == "Organisation 2");
    CHECK(p.people[3].name.empty());  // erased stays anonymous
    CHECK(p.people[3].erased);

    std::vector<std::string> originals = {"Zoé",        "Müller", "Ana",         "Lima",    "HYPERLINK",
                                          "Acme",       "Régie",  "Nord",        "Chargée", "mission",
                                          "Présidente", "Lyon",   "Villeurbanne"};
    for (auto format : {Format::gexf, Format::graphml, Format::csv_nodes, Format::csv_edges, Format::json}) {
        auto file = export_graph(g, format, true);
        CAPTURE(file.file_name);
        CHECK(file.file_name.find("pseudonymised") != std::string::npos);
        for (const auto& original : originals) {
            CAPTURE(original);
            CHECK(file.body.find(original) == std::string::npos);
        }
        CHECK(file.body == export_graph(g, format, true).body);  // the same every time
    }
    // Without the option, the same check finds the names: the test above can fail.
    CHECK(export_graph(g, Format::gexf, false).body.find("Müller") != std::string::npos);
    CHECK(export_graph(g, Format::json, false).body.find("Müller") != std::string::npos);
}

TEST_CASE("export dispatch: format names, content types and file names") {
    CHECK(format_named("gexf") == Format::gexf);
    CHECK(format_named("graphml") == Format::graphml);
    CHECK(format_named("csv-nodes") == Format::csv_nodes);
    CHECK(format_named("csv-edges") == Format::csv_edges);
    CHECK(format_named("json") == Format::json);
    CHECK_FALSE(format_named("csv").has_value());
    CHECK_FALSE(format_named("GEXF").has_value());

    auto g = sample_event();
    auto file = export_graph(g, Format::csv_edges, false);
    CHECK(file.file_name == "ensemble-evt_Xy-12-edges.csv");
    CHECK(file.content_type.rfind("text/csv", 0) == 0);
    CHECK(export_graph(g, Format::gexf, true).file_name == "ensemble-evt_Xy-12-pseudonymised.gexf");
    g.event_id = "a\"b\r\nc;d";
    CHECK(export_graph(g, Format::graphml, false).file_name == "ensemble-abcd.graphml");
}
