// `ensemble export` and the REST export answer, on the hand-made event (the real database file is
// covered by tests/integration/export.test.js).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/export.hpp"
#include "net/rest_export.hpp"
#include "review_export_sample.hpp"
#include "storage_fixture.hpp"

using ensemble::review::test::sample_event;

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

ensemble::cli::ReadEvent fake_read() {
    return [](const std::string&, const std::string& event) -> std::optional<ensemble::review::EventGraph> {
        if (event != "evt_Xy-12") return std::nullopt;
        return sample_event();
    };
}

Run run(const std::vector<std::string>& args, const ensemble::cli::ReadEvent& read_event = fake_read()) {
    std::ostringstream out, err;
    Run result;
    result.code = ensemble::cli::run_export(args, out, err, read_event);
    result.out = out.str();
    result.err = err.str();
    return result;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("export cli: writes each format to standard output or to --out") {
    ensemble::storage::test::TempDir dir;
    std::string db = dir.file("events.db");
    std::ofstream(db) << "";
    auto gexf = run({"--db", db, "--event", "evt_Xy-12", "--format", "gexf"});
    REQUIRE(gexf.code == 0);
    CHECK(gexf.out.find("<gexf") != std::string::npos);
    CHECK(gexf.out.find("Müller") != std::string::npos);

    auto pseudo = run({"--db", db, "--event", "evt_Xy-12", "--format", "graphml", "--pseudonymise"});
    REQUIRE(pseudo.code == 0);
    CHECK(pseudo.out.find("Personne 1") != std::string::npos);
    CHECK(pseudo.out.find("Müller") == std::string::npos);

    auto json = run({"--db", db, "--event", "evt_Xy-12", "--format", "json", "--out", dir.file("g.json")});
    REQUIRE(json.code == 0);
    CHECK(json.out.empty());
    CHECK(read(dir.file("g.json")).find("Villeurbanne") != std::string::npos);

    auto csv = run({"--db", db, "--event", "evt_Xy-12", "--format", "csv", "--out", dir.file("meetings")});
    REQUIRE(csv.code == 0);
    CHECK(read(dir.file("meetings-nodes.csv")).rfind("Id,Label,", 0) == 0);
    CHECK(read(dir.file("meetings-edges.csv")).rfind("Source,Target,Type,Weight", 0) == 0);
}

TEST_CASE("export cli: clear errors and exit codes for wrong arguments, files and events") {
    ensemble::storage::test::TempDir dir;
    std::string db = dir.file("events.db");
    std::ofstream(db) << "";
    struct Case {
        std::vector<std::string> args;
        int code;
        std::string says;
    };
    std::vector<Case> cases = {
        {{"--event", "evt_Xy-12", "--format", "gexf"}, 2, "--db FILE is required"},
        {{"--db", db, "--format", "gexf"}, 2, "--event ID is required"},
        {{"--db", db, "--event", "evt_Xy-12"}, 2, "--format is required"},
        {{"--db", db, "--event", "evt_Xy-12", "--format", "pdf"}, 2, "not pdf"},
        {{"--db", db, "--event", "evt_Xy-12", "--format", "csv"}, 2, "give --out PREFIX"},
        {{"--db", db, "--event", "evt_Xy-12", "--format", "gexf", "--colour"}, 2, "unknown option --colour"},
        {{"--db", db, "--event"}, 2, "--event needs a value"},
        {{"--db", dir.file("missing.db"), "--event", "evt_Xy-12", "--format", "gexf"}, 1, "no database file"},
        {{"--db", db, "--event", "nope", "--format", "gexf"}, 1, "no event nope"},
        {{"--db", db, "--event", "evt_Xy-12", "--format", "gexf", "--out", dir.file("no/such/dir/x.gexf")},
         1,
         "cannot write"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.says);
        auto result = run(c.args);
        CHECK(result.code == c.code);
        CHECK(result.err.find(c.says) != std::string::npos);
        CHECK(result.out.empty());
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));  // never created by a look

    ensemble::cli::ReadEvent newer_file =
        [](const std::string&, const std::string&) -> std::optional<ensemble::review::EventGraph> {
        throw std::runtime_error("storage: database is at schema version 9, newer than this server's");
    };
    auto newer = run({"--db", db, "--event", "evt_Xy-12", "--format", "gexf"}, newer_file);
    CHECK(newer.code == 1);
    CHECK(newer.err.find("newer than this server's") != std::string::npos);
}

namespace {

ensemble::net::Request get(const std::string& target) {
    ensemble::net::Request request{ensemble::net::http::verb::get, target, 11};
    return request;
}

}  // namespace

TEST_CASE("export rest: the file with its type and name, or invalid_field") {
    using namespace ensemble;
    auto graph = sample_event();
    auto response = net::export_response(get("/api/events/evt_Xy-12/review/export?format=gexf"), graph);
    CHECK(response.result() == net::http::status::ok);
    CHECK(response[net::http::field::content_type] == "application/gexf+xml; charset=utf-8");
    CHECK(response[net::http::field::content_disposition] ==
          "attachment; filename=\"ensemble-evt_Xy-12.gexf\"");
    CHECK(response.body().find("Müller") != std::string::npos);

    auto pseudo = net::export_response(
        get("/api/events/evt_Xy-12/review/export?format=csv-nodes&pseudonymise=1"), graph);
    CHECK(pseudo.result() == net::http::status::ok);
    CHECK(pseudo[net::http::field::content_disposition] ==
          "attachment; filename=\"ensemble-evt_Xy-12-nodes-pseudonymised.csv\"");
    CHECK(pseudo.body().find("Müller") == std::string::npos);
    CHECK(pseudo.body().find("Personne 3") != std::string::npos);

    for (std::string query : {"", "?format=pdf", "?format=gexf&pseudonymise=yes"}) {
        CAPTURE(query);
        auto bad = net::export_response(get("/api/events/evt_Xy-12/review/export" + query), graph);
        CHECK(bad.result() == net::http::status::bad_request);
        CHECK(bad.body().find("invalid_field") != std::string::npos);
    }
    auto json = net::export_response(get("/api/events/evt_Xy-12/review/export?format=json"), graph);
    CHECK(json.result() == net::http::status::ok);
    CHECK(nlohmann::json::parse(json.body())["nodes"].size() == graph.people.size());
}
