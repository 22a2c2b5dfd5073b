// Reading what clients send: cases the fuzz target fuzz/client_message.cpp found wrong.
#include <doctest/doctest.h>

#include "app/protocol.hpp"

namespace ensemble::app {
namespace {

TEST_CASE("protocol: an integer above 2^63 - 1 is out of range, never wrapped to a negative id") {
    // 18446744073709551615 was read as attendee -1, 18446744073709551614 as -2.
    for (const char* text : {R"({"type": "remove_attendee", "attendee_id": 18446744073709551615})",
                             R"({"type": "remove_attendee", "attendee_id": 9223372036854775808})",
                             R"({"type": "move_attendee", "attendee_id": 18446744073709551614, "table": 1})",
                             R"({"type": "extend_round", "minutes": 18446744073709551615})"}) {
        CAPTURE(text);
        auto message = parse_client_message(text);
        auto* problem = std::get_if<Problem>(&message.body);
        REQUIRE(problem);
        CHECK(problem->code == domain::ErrorCode::invalid_field);
        CHECK(problem->message.find("out of range") != std::string::npos);
    }
    auto largest = parse_client_message(R"({"type": "remove_attendee", "attendee_id": 9223372036854775807})");
    REQUIRE(std::holds_alternative<domain::Command>(largest.body));
    CHECK(std::get<domain::RemoveAttendee>(std::get<domain::Command>(largest.body)).attendee ==
          9223372036854775807);
}

TEST_CASE("protocol: round_tables asks for a round by its number") {
    auto asked = parse_client_message(R"({"type": "round_tables", "round": 2, "ref": 5})");
    REQUIRE(std::holds_alternative<RoundTablesQuery>(asked.body));
    CHECK(std::get<RoundTablesQuery>(asked.body).round == 2);
    CHECK(asked.ref == 5);
    for (const char* text :
         {R"({"type": "round_tables"})", R"({"type": "round_tables", "round": 0})",
          R"({"type": "round_tables", "round": "2"})", R"({"type": "round_tables", "round": 4294967297})"}) {
        CAPTURE(text);
        auto message = parse_client_message(text);
        auto* problem = std::get_if<Problem>(&message.body);
        REQUIRE(problem);
        CHECK(problem->code == domain::ErrorCode::invalid_field);
        CHECK(problem->field == "round");
    }
}

TEST_CASE("protocol: erase_attendee names the attendee; the credential is made by the room") {
    auto asked = parse_client_message(R"({"type": "erase_attendee", "attendee_id": 7, "ref": "e1"})");
    REQUIRE(std::holds_alternative<domain::Command>(asked.body));
    const auto& erase = std::get<domain::EraseAttendee>(std::get<domain::Command>(asked.body));
    CHECK(erase.attendee == 7);
    CHECK(erase.credential_hash.empty());
    for (const char* text :
         {R"({"type": "erase_attendee"})", R"({"type": "erase_attendee", "attendee_id": "7"})"}) {
        CAPTURE(text);
        auto message = parse_client_message(text);
        auto* problem = std::get_if<Problem>(&message.body);
        REQUIRE(problem);
        CHECK(problem->code == domain::ErrorCode::invalid_field);
        CHECK(problem->field == "attendee_id");
    }
}

}  // namespace
}  // namespace ensemble::app
