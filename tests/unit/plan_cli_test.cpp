// `ensemble plan`: formats, CSV with quotes and accents, the errors a host can make, and purpose: needs,
// offers and département columns, --kinds formed as the live server forms them, needs met per round.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/plan.hpp"
#include "cli/plan_csv.hpp"

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

// A CSV file in the temporary directory, removed at the end of the test.
struct TempCsv {
    std::filesystem::path path;
    explicit TempCsv(const std::string& text, const std::string& name = "attendees") {
        path =
            std::filesystem::temp_directory_path() /
            ("ensemble_plan_" + name + "_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".csv");
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempCsv() { std::filesystem::remove(path); }
};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

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

TEST_CASE("plan cli: csv output seats every numbered attendee once per round") {
    Run run = plan({"--count", "12", "--table-size", "3", "--rounds", "4", "--format", "csv"});
    REQUIRE(run.code == 0);
    auto rows = lines(run.out);
    REQUIRE(rows.size() == 1 + 12 * 4);
    CHECK(rows[0] == "round,table,attendee");
    std::set<std::string> seats;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        std::string round = rows[i].substr(0, rows[i].find(','));
        std::string attendee = rows[i].substr(rows[i].rfind(',') + 1);
        CHECK(seats.insert(round + "/" + attendee).second);
    }
    CHECK(run.err.find("repeated pairs: 0") != std::string::npos);
}

TEST_CASE("plan cli: json output has rounds of tables and the report") {
    Run run = plan({"--count", "9", "--table-size", "3", "--rounds", "4", "--format", "json", "--seed", "3"});
    REQUIRE(run.code == 0);
    auto document = nlohmann::json::parse(run.out);
    REQUIRE(document["rounds"].size() == 4);
    CHECK(document["rounds"][0].size() == 3);
    CHECK(document["rounds"][0][0].size() == 3);
    CHECK(document["report"]["repeated_pairs"] == 0);
    CHECK(document["report"]["proven_optimal"] == true);
}

TEST_CASE("plan cli: names with quotes, commas and accents survive the round trip") {
    TempCsv file(
        "\xEF\xBB\xBFname,organisation\n"
        "\"Zoé Lefèvre\",\"Pôle emploi, Lyon\"\n"
        "\"Jean \"\"JJ\"\" Dupont\",Mairie\n"
        "Ana,\"Pôle emploi, Lyon\"\r\n"
        "Bao,Mairie\n"
        "\n"
        "Chloé,Asso\n"
        "Dmitri,Asso\n");
    Run run = plan({"--attendees", file.path.string(), "--table-size", "3", "--rounds", "2", "--format",
                    "json", "--keep-apart", "organisation"});
    REQUIRE(run.code == 0);
    auto document = nlohmann::json::parse(run.out);
    std::set<std::string> names;
    for (const auto& table : document["rounds"][0])
        for (const auto& name : table) names.insert(name.get<std::string>());
    CHECK(names ==
          std::set<std::string>{"Zoé Lefèvre", "Jean \"JJ\" Dupont", "Ana", "Bao", "Chloé", "Dmitri"});
    CHECK(document["report"]["same_organisation_pairs"] == 0);

    Run csv = plan({"--attendees", file.path.string(), "--table-size", "3", "--rounds", "1"});
    REQUIRE(csv.code == 0);
    CHECK(csv.out.find("\"Jean \"\"JJ\"\" Dupont\"") != std::string::npos);
}

TEST_CASE("plan cli: text output names rounds and tables") {
    Run run = plan({"--count", "8", "--table-size", "4", "--rounds", "2", "--format", "text"});
    REQUIRE(run.code == 0);
    CHECK(run.out.find("Round 1\n  Table 1: ") == 0);
    CHECK(run.out.find("Round 2") != std::string::npos);
    CHECK(run.out.find("Table 2: ") != std::string::npos);
}

TEST_CASE("plan cli: errors are clear and exit non-zero") {
    TempCsv empty("name,organisation\n", "empty");
    TempCsv broken("name\nAna\n\"Bao\nChloé\n", "broken");
    TempCsv ragged("name,organisation\nAna,A\nBao,B,extra\n", "ragged");
    TempCsv nameless("person\nAna\n", "nameless");
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    std::vector<Case> cases = {
        {{"--attendees", "/nonexistent/people.csv", "--table-size", "3", "--rounds", "2"},
         "cannot read /nonexistent/people.csv"},
        {{"--attendees", empty.path.string(), "--table-size", "3", "--rounds", "2"}, "lists no attendees"},
        {{"--count", "4", "--table-size", "6", "--rounds", "2"}, "larger than the 4 attendees"},
        {{"--attendees", broken.path.string(), "--table-size", "2", "--rounds", "1"},
         "line 3: a quoted field is never closed"},
        {{"--attendees", ragged.path.string(), "--table-size", "2", "--rounds", "1"},
         "line 3: 3 fields where the header has 2"},
        {{"--attendees", nameless.path.string(), "--table-size", "2", "--rounds", "1"},
         "no column named name"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--keep-apart", "team"},
         "--keep-apart needs --attendees"},
        {{"--table-size", "3", "--rounds", "1"}, "give either"},
        {{"--count", "10", "--table-size", "three", "--rounds", "1"},
         "--table-size needs a positive whole number"},
        {{"--count", "10", "--rounds", "1"}, "--table-size is required"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--format", "xml"},
         "--format is csv, json or text"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--colour"}, "--colour needs a value"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--min", "4"},
         "--table-size 3 is outside the allowed sizes, 4 to 4 people a table (set by --min)"},
        {{"--count", "10", "--table-size", "5", "--rounds", "1", "--min", "2", "--max", "4"},
         "outside the allowed sizes, 2 to 4 people a table (set by --min and --max)"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--min", "4", "--max", "2"},
         "--min 4 is larger than --max 2"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--time-limit", "inf"},
         "--time-limit needs a positive number of seconds, not inf"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--time-limit", "1e10"},
         "--time-limit is at most 86400 seconds (a day), not 1e10"},
        {{"--count", "10", "--table-size", "3", "--rounds", "1", "--time-limit", "nan"},
         "--time-limit needs a positive number of seconds"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.message);
        Run run = plan(c.args);
        CHECK(run.code != 0);
        CHECK(run.out.empty());
        CHECK(run.err.find(c.message) != std::string::npos);
    }
}

TEST_CASE("plan cli: a range error names only the options given") {
    Run run = plan({"--count", "10", "--table-size", "1", "--rounds", "1"});
    CHECK(run.code == 2);
    CHECK(run.err.find("--table-size is at least 2 people, not 1") != std::string::npos);
    std::string message = run.err.substr(0, run.err.find('\n'));  // the usage follows
    CHECK(message.find("--min") == std::string::npos);
    CHECK(message.find("--max") == std::string::npos);
}

TEST_CASE("plan cli: the longest time limit still searches") {
    // Greedy seating of 15 at tables of 3 repeats; the search reaches Kirkman's zero.
    Run run = plan({"--count", "15", "--table-size", "3", "--rounds", "7", "--time-limit", "86400"});
    REQUIRE(run.code == 0);
    CHECK(run.err.find("repeated pairs: 0\n") != std::string::npos);
}

TEST_CASE("plan cli: a name listed twice is refused, naming both lines") {
    TempCsv file("name,organisation\nAnn,A\nBob,B\n Ann ,C\nCid,D\n", "twice");
    Run run = plan({"--attendees", file.path.string(), "--table-size", "2", "--rounds", "1"});
    CHECK(run.code == 1);
    CHECK(run.out.empty());
    CHECK(run.err.find("line 4: Ann is already listed on line 2") != std::string::npos);
}

TEST_CASE("plan cli: a quoted comma in a semicolon header does not change the separator") {
    TempCsv file("name;\"organisation, city\"\nAnn;Acme\nBob;Bolt\nCid;Core\nDee;Dot\n", "semicolon");
    Run run =
        plan({"--attendees", file.path.string(), "--table-size", "2", "--rounds", "1", "--format", "json"});
    REQUIRE(run.code == 0);
    auto document = nlohmann::json::parse(run.out);
    std::set<std::string> names;
    for (const auto& table : document["rounds"][0])
        for (const auto& name : table) names.insert(name.get<std::string>());
    CHECK(names == std::set<std::string>{"Ann", "Bob", "Cid", "Dee"});

    using ensemble::cli::parse_csv;
    ensemble::cli::CsvTable table;
    CHECK(parse_csv("\"a, b\";c\n1;2\n", table).empty());
    CHECK(table.header == std::vector<std::string>{"a, b", "c"});
}

TEST_CASE("plan cli: one round or several, in words") {
    // 3 people at a table of 3 meet everyone in one round: a second repeats.
    Run run = plan({"--count", "3", "--table-size", "3", "--rounds", "2"});
    REQUIRE(run.code == 0);
    CHECK(run.err.find("for at most 1 round\n") != std::string::npos);
    Run more = plan({"--count", "9", "--table-size", "3", "--rounds", "5"});
    CHECK(more.err.find("for at most 4 rounds\n") != std::string::npos);
}

TEST_CASE("plan cli: organisations differing only in case or accents are kept apart as one") {
    // Tables of 2 for 4 people over 3 rounds: without repeats everyone meets everyone, so keeping the Acme
    // pair apart costs repeats, which the planner pays.
    TempCsv file("name,organisation\nAnn,Acme\nBob,ACME\nCid,Core\nDee,Dot\n", "acme");
    Run run = plan({"--attendees", file.path.string(), "--table-size", "2", "--rounds", "3", "--keep-apart",
                    "organisation", "--format", "json"});
    REQUIRE(run.code == 0);
    auto document = nlohmann::json::parse(run.out);
    CHECK(document["report"]["same_organisation_pairs"] == 0);
    CHECK(document["report"]["repeated_pairs"] > 0);
    for (const auto& round : document["rounds"])
        for (const auto& table : round) {
            bool both = (table[0] == "Ann" && table[1] == "Bob") || (table[0] == "Bob" && table[1] == "Ann");
            CHECK_FALSE(both);
        }
    TempCsv accents("name,organisation\nAnn,Âcme\nBob,acme\nCid,Core\nDee,Dot\nEve,Eon\nFay,Fox\n",
                    "accents");
    Run apart = plan({"--attendees", accents.path.string(), "--table-size", "2", "--rounds", "1",
                      "--keep-apart", "organisation", "--format", "json"});
    REQUIRE(apart.code == 0);
    auto seated = nlohmann::json::parse(apart.out);
    CHECK(seated["report"]["same_organisation_pairs"] == 0);
    for (const auto& table : seated["rounds"][0]) {
        bool both = table.size() == 2 &&
                    ((table[0] == "Ann" && table[1] == "Bob") || (table[0] == "Bob" && table[1] == "Ann"));
        CHECK_FALSE(both);
    }
}

TEST_CASE("plan cli: --help prints the usage") {
    Run run = plan({"--help"});
    CHECK(run.code == 0);
    CHECK(run.out.find("usage: ensemble plan") == 0);
}

TEST_CASE("plan cli: the csv reader") {
    using ensemble::cli::CsvTable;
    using ensemble::cli::parse_csv;
    CsvTable table;
    CHECK(parse_csv("name;org\n\"a;b\";x\nc;\"multi\nline\"\n", table).empty());
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0][0] == "a;b");
    CHECK(table.rows[1][1] == "multi\nline");
    CHECK(table.lines == std::vector<int>{2, 3});
    CsvTable bad;
    CHECK(parse_csv("name\nab\"c\n", bad) == "line 2: a quote inside an unquoted field");
    CHECK(ensemble::cli::csv_field("Pôle emploi, Lyon") == "\"Pôle emploi, Lyon\"");
    CHECK(ensemble::cli::csv_field("Zoé") == "Zoé");
}

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
