// Exports against the outside world: the published XSD schemas (xmllint, offline) and Boost.Graph's
// GraphML reader.
#include <doctest/doctest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "review/export_formats.hpp"
#include "review/export_pseudonyms.hpp"
#include "review/pairs.hpp"
#include "review_export_sample.hpp"
#include "storage_fixture.hpp"

using namespace ensemble::review;
using ensemble::review::test::sample_event;

namespace {

const std::filesystem::path schemas = std::filesystem::path(ENSEMBLE_SOURCE_DIR) / "tests" / "schemas";

// xmllint's verdict on `text` against `schema`, never reaching the network (the catalog maps the
// schemas' remote imports to tests/schemas).
bool valid(const std::string& text, const std::string& schema, const std::string& name) {
    ensemble::storage::test::TempDir dir;
    std::string file = dir.file(name);
    std::ofstream(file, std::ios::binary) << text;
    std::string command = "XML_CATALOG_FILES='" + (schemas / "catalog.xml").string() +
                          "' xmllint --nonet --noout --schema '" + (schemas / schema).string() + "' '" +
                          file + "' 2>'" + dir.file("errors") + "'";
    int status = std::system(command.c_str());
    std::ifstream errors(dir.file("errors"));
    std::string message((std::istreambuf_iterator<char>(errors)), {});
    REQUIRE_MESSAGE(message.find("failed to compile") == std::string::npos, message);  // a schema problem
    REQUIRE_MESSAGE(message.find("not found") == std::string::npos, message);          // no xmllint
    if (status != 0) MESSAGE(message);
    return status == 0;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("export schemas: the GEXF file is valid GEXF 1.3, a broken one is refused") {
    auto g = sample_event();
    CHECK(valid(gexf(g), "gexf-1.3/gexf.xsd", "event.gexf"));
    CHECK(valid(gexf(pseudonymised(g)), "gexf-1.3/gexf.xsd", "pseudonymised.gexf"));
    CHECK(valid(gexf(EventGraph{}), "gexf-1.3/gexf.xsd", "empty.gexf"));
    CHECK_FALSE(valid(replace(gexf(g), "defaultedgetype=\"undirected\"", "defaultedgetype=\"sideways\""),
                      "gexf-1.3/gexf.xsd", "broken.gexf"));
    CHECK_FALSE(valid(replace(gexf(g), "<nodes", "<nodez"), "gexf-1.3/gexf.xsd", "broken2.gexf"));
}

TEST_CASE("export schemas: the GraphML file is valid GraphML, a broken one is refused") {
    auto g = sample_event();
    CHECK(valid(graphml(g), "graphml/graphml.xsd", "event.graphml"));
    CHECK(valid(graphml(EventGraph{}), "graphml/graphml.xsd", "empty.graphml"));
    CHECK_FALSE(valid(replace(graphml(g), "attr.type=\"long\"", "attr.type=\"text\""), "graphml/graphml.xsd",
                      "broken.graphml"));
    CHECK_FALSE(
        valid(replace(graphml(g), "<edge source", "<edge from"), "graphml/graphml.xsd", "broken2.graphml"));
}

namespace {

struct VertexData {
    std::string label, organisation;
    long visible_ms = 0;  // GraphML long is Boost's long
    int erased = 0;
};
struct EdgeData {
    int weight = 0;
    std::string talked;
};
using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexData, EdgeData>;

}  // namespace

TEST_CASE("export graphml: Boost.Graph reads back the same nodes, edges and weights") {
    auto g = sample_event();
    ReadGraph read;
    boost::dynamic_properties properties(boost::ignore_other_properties);
    properties.property("label", boost::get(&VertexData::label, read));
    properties.property("organisation", boost::get(&VertexData::organisation, read));
    properties.property("erased", boost::get(&VertexData::erased, read));
    properties.property("visible_ms", boost::get(&VertexData::visible_ms, read));
    properties.property("weight", boost::get(&EdgeData::weight, read));
    properties.property("talked", boost::get(&EdgeData::talked, read));
    std::istringstream in(graphml(g));
    boost::read_graphml(in, read, properties);

    REQUIRE(boost::num_vertices(read) == g.people.size());
    // Vertices come in file order, which is the graph's order of people.
    for (std::size_t i = 0; i < g.people.size(); ++i) {
        CAPTURE(i);
        CHECK(read[i].label == (g.people[i].erased ? "" : g.people[i].name));
        CHECK(read[i].organisation == g.people[i].organisation);
        CHECK(read[i].visible_ms == g.people[i].visible_ms);
        CHECK(read[i].erased == (g.people[i].erased ? 1 : 0));
    }
    std::map<PersonId, std::size_t> index;
    for (std::size_t i = 0; i < g.people.size(); ++i) index[g.people[i].id] = i;

    auto pairs = pairs_of(g);
    REQUIRE(boost::num_edges(read) == pairs.size());
    for (const auto& pair : pairs) {
        CAPTURE(pair.a);
        CAPTURE(pair.b);
        auto [edge, found] = boost::edge(index[pair.a], index[pair.b], read);
        REQUIRE(found);
        CHECK(read[edge].weight == static_cast<int>(pair.rounds.size()));
        CHECK(read[edge].talked == to_string(pair.talked));
    }
}
