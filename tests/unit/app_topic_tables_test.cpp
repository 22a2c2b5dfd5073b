// Topic tables on the wire: the four messages read into commands or refused with the field at fault, and
// the `topic_tables` list rendered once and completed per choice.
#include <doctest/doctest.h>

#include "app/protocol.hpp"
#include "app/topic_tables_json.hpp"

using namespace ensemble;
using nlohmann::json;

namespace {

std::variant<domain::Command, app::Problem, app::Ping, app::RoundTablesQuery> parsed(
    const std::string& text) {
    return app::parse_client_message(text).body;
}

}  // namespace

TEST_CASE("topic table messages: each read into its command, or refused naming the field") {
    auto choose = parsed(R"({"type":"choose_topic_table","table":3})");
    REQUIRE(std::holds_alternative<domain::Command>(choose));
    CHECK(std::get<domain::ChooseTopicTable>(std::get<domain::Command>(choose)).table == 3);
    auto none = parsed(R"({"type":"choose_topic_table","table":null})");
    CHECK(std::get<domain::ChooseTopicTable>(std::get<domain::Command>(none)).table == 0);
    auto close = parsed(R"({"type":"close_topic_table","table":2})");
    CHECK(std::get<domain::CloseTopicTable>(std::get<domain::Command>(close)).table == 2);
    auto open = parsed(R"({"type":"open_topic_table","topic":"logement"})");
    CHECK(std::get<domain::OpenTopicTable>(std::get<domain::Command>(open)).topic == "logement");
    auto propose = parsed(R"({"type":"propose_topic_table","text":"Garde d'enfants"})");
    CHECK(std::get<domain::ProposeTopicTable>(std::get<domain::Command>(propose)).text == "Garde d'enfants");
    const std::pair<const char*, const char*> refused[] = {
        {R"({"type":"close_topic_table","table":null})", "table"},
        {R"({"type":"close_topic_table"})", "table"},
        {R"({"type":"choose_topic_table","table":0})", "table"},
        {R"({"type":"choose_topic_table","table":"2"})", "table"},
        {R"({"type":"choose_topic_table","table":18446744073709551615})", "table"},
        {R"({"type":"open_topic_table","topic":5})", "topic"},
        {R"({"type":"propose_topic_table","text":["a"]})", "text"},
    };
    for (const auto& [text, field] : refused) {
        CAPTURE(text);
        auto body = parsed(text);
        REQUIRE(std::holds_alternative<app::Problem>(body));
        CHECK(std::get<app::Problem>(body).code == domain::ErrorCode::invalid_field);
        CHECK(std::get<app::Problem>(body).field == field);
    }
}

TEST_CASE("topic tables list: the open tables with their seats, and each recipient's own choice") {
    constexpr domain::TimeMs t0 = 1'700'000'000'000;
    domain::EventSettings settings;
    settings.title = "Forum";
    settings.rounds = 1;
    settings.topics = {{"logement", "Logement", ""}};
    settings.round_kinds = {domain::RoundKind::discovery};
    auto event = domain::Event::create("list", settings, t0);
    CHECK_FALSE(app::topic_tables_list(event));  // no topic round coming
    settings.round_kinds = {domain::RoundKind::topic_tables};
    event = domain::Event::create("list", settings, t0);
    for (const char* name : {"Ana", "Hugo", "Sam"}) {
        auto fx = event.apply(domain::Actor::system(), domain::Join{name, "Org", "", name}, t0);
        REQUIRE(fx.joined);
    }
    // Proposals first: with 3 attendees and tables of 3 at least, one table is all they may propose.
    REQUIRE_FALSE(event.apply(domain::Actor::of(2), domain::ProposeTopicTable{"", "Mobilité"}, t0).error);
    REQUIRE_FALSE(event.apply(domain::Actor::host(1), domain::OpenTopicTable{"logement", ""}, t0).error);
    REQUIRE_FALSE(event.apply(domain::Actor::of(3), domain::ChooseTopicTable{2}, t0).error);
    auto list = app::topic_tables_list(event);
    REQUIRE(list);
    auto message = json::parse(list->for_choice(2));
    CHECK(message == json::parse(R"({"type":"topic_tables","round":1,"mine":2,"tables":[
        {"id":1,"topic":null,"text":"Mobilité","proposed_by_name":"Hugo","seats_taken":1,"cap":5},
        {"id":2,"topic":"logement","text":"","seats_taken":1,"cap":5}]})"));
    auto mine = [&](domain::AttendeeId id) {
        return json::parse(list->for_choice(app::topic_table_of(event, id)))["mine"];
    };
    CHECK(mine(2) == 1);
    CHECK(mine(3) == 2);
    CHECK(mine(1).is_null());
    CHECK(json::parse(list->for_choice(0))["mine"].is_null());
}
