// `ensemble plan` with purpose: needs, offers and département columns, --kinds formed as the live server
// forms them, and the needs met per round in the report.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/plan.hpp"

namespace {

struct Run {
    int code = 0;
    std::string out, err;
};

Run plan(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    Run run;
    run.code = ensemble::cli::run_plan(args, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

struct TempCsv {
    std::filesystem::path path;
    explicit TempCsv(const std::string& text) {
        path = std::filesystem::temp_directory_path() /
               ("ensemble_kinds_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".csv");
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempCsv() { std::filesystem::remove(path); }
};

// The table of each person in each round, from the JSON output.
std::vector<std::map<std::string, int>> tables_of(const std::string& json) {
    std::vector<std::map<std::string, int>> rounds;
    auto document = nlohmann::json::parse(json);
    for (const auto& round : document["rounds"]) {
        std::map<std::string, int> table_of;
        int number = 0;
        for (const auto& table : round) {
            ++number;
            for (const auto& name : table) table_of[name.get<std::string>()] = number;
        }
        rounds.push_back(table_of);
    }
    return rounds;
}

// Ana seeks logement, which only Hugo offers (written differently); Sam seeks santé, offered by nobody.
// Three from the Rhône and the Ain, three from the Bouches-du-Rhône.
const char* roster =
    "name;organisation;needs;offers;département\n"
    "Ana;CCAS;Logement;;69\n"
    "Hugo;Mission locale;;emploi | logement ;69\n"
    "Sam;CAF;santé;;01\n"
    "Léa;France Travail;;;13\n"
    "Noé;Département;;;13\n"
    "Iris;Mairie;;;13\n";

}  // namespace

TEST_CASE("plan cli: a mutual-help round seats a need with its helper, and the report counts needs met") {
    TempCsv file(roster);
    Run run = plan({"--attendees", file.path.string(), "--table-size", "3", "--rounds", "2", "--kinds",
                    "mutual_help,local", "--format", "json"});
    REQUIRE(run.code == 0);
    auto rounds = tables_of(run.out);
    REQUIRE(rounds.size() == 2);
    CHECK(rounds[0]["Ana"] == rounds[0]["Hugo"]);
    CHECK(run.err.find("needs met, round 1: 1 of 2 (at most 1 for any seating)") != std::string::npos);
    // The local round: the Bouches-du-Rhône at one table, the Rhône and the Ain at the other.
    CHECK(rounds[1]["Léa"] == rounds[1]["Noé"]);
    CHECK(rounds[1]["Léa"] == rounds[1]["Iris"]);
    CHECK(rounds[1]["Ana"] == rounds[1]["Sam"]);
    CHECK(rounds[1]["Ana"] != rounds[1]["Léa"]);
}

TEST_CASE("plan cli: pairs rounds, and the errors of --kinds and of the département column") {
    Run pairs =
        plan({"--count", "7", "--table-size", "3", "--rounds", "1", "--kinds", "pairs", "--format", "json"});
    REQUIRE(pairs.code == 0);
    std::vector<std::size_t> sizes;
    auto document = nlohmann::json::parse(pairs.out);
    for (const auto& table : document["rounds"][0]) sizes.push_back(table.size());
    std::sort(sizes.begin(), sizes.end());
    CHECK(sizes == std::vector<std::size_t>{2, 2, 3});
    CHECK(pairs.err.find("needs met") == std::string::npos);  // nobody seeks help: nothing to say

    Run unknown = plan({"--count", "6", "--table-size", "3", "--rounds", "2", "--kinds", "discovery,topics"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("--kinds lists discovery, mutual_help, pairs or local") != std::string::npos);
    CHECK(plan({"--count", "6", "--table-size", "3", "--rounds", "2", "--kinds", "meet_again"}).code == 2);
    Run too_many = plan({"--count", "6", "--table-size", "3", "--rounds", "1", "--kinds", "pairs,pairs"});
    CHECK(too_many.err.find("--kinds names 2 rounds, more than --rounds 1") != std::string::npos);

    TempCsv wrong("name,departement\nAna,99\n");
    Run bad = plan({"--attendees", wrong.path.string(), "--table-size", "2", "--rounds", "1"});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("line 2: 99 is not a département code") != std::string::npos);
}
