#pragma once
// Reading what clients send (shared/protocol.md): JSON in, typed commands or a clear problem out.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/commands.hpp"
#include "domain/errors.hpp"
#include "domain/settings.hpp"

namespace ensemble::app {

constexpr int protocol_version = 1;
constexpr std::size_t max_message_bytes = 64 * 1024;
constexpr std::size_t max_token_chars = 128;  // tokens are 43; anything longer is not one
constexpr std::size_t max_name_chars = 80;    // a person's name: an attendee's, a host link's

// Why a request was refused; `code` is one of protocol.md's error codes.
struct Problem {
    domain::ErrorCode code;
    std::string message;
    std::string field;                // for invalid_field
    std::int64_t retry_after_ms = 0;  // for a chat's rate_limited: when sending may succeed again
};

// A heartbeat: the connection answers it without the room.
struct Ping {};

// The host asks to see the tables of a round (`round_tables`): a read, answered by the room from the
// event's state without applying anything.
struct RoundTablesQuery {
    int round = 0;
};

struct ClientMessage {
    nlohmann::json ref;  // echoed in errors; null when absent
    std::variant<domain::Command, Problem, Ping, RoundTablesQuery> body;
};

// `invalid_field` naming the field at fault.
Problem invalid(const std::string& field, const std::string& message);

ClientMessage parse_client_message(std::string_view text);

// The first message of every connection says who connects: its token, or why it is not a hello.
std::variant<std::string, Problem> parse_hello(std::string_view text);

std::variant<domain::EventSettings, Problem> parse_event_settings(std::string_view body);
// The creator's name in the same body (`host_name`, optional: empty when absent).
std::variant<std::string, Problem> parse_host_name(std::string_view body);

// POST /api/series: its title, with the same limits as an event's.
std::variant<std::string, Problem> parse_series_title(std::string_view body);
// An event created in a series names it and proves the right to add to it: `"series": {"id", "token"}`.
struct SeriesClaim {
    std::string id;
    std::string token;
};
// nullopt when the body names no series.
std::variant<std::optional<SeriesClaim>, Problem> parse_series_claim(std::string_view body);

constexpr std::size_t max_email_chars = 254;
constexpr std::size_t max_phone_chars = 30;

struct Profile {
    std::string name;
    std::string organisation;
    std::string role;
    std::string email{};  // optional contacts ('' when not given): shared only in a mutual contact
    std::string phone{};
    domain::Purpose purpose{};  // optional (app/purpose_json.hpp)
};
std::variant<Profile, Problem> parse_profile(std::string_view body);

}  // namespace ensemble::app
