#pragma once
// What each person sees, as the JSON messages of shared/protocol.md.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app/protocol.hpp"
#include "domain/event.hpp"

namespace ensemble::app {

// The links of an event, from the server's public address.
struct Links {
    std::string host_url;  // without the secret: the key is appended where it is shown once
    std::string join_url;
};
Links links_for(const std::string& public_url, const std::string& event_id);

nlohmann::json public_event(const domain::Event& event);
std::string welcome_message(const domain::Event& event, const domain::Actor& actor, domain::TimeMs now,
                            const std::string& join_url);

// `state` of everyone seated at a table of the current round (1-based), the same bytes for each of them.
std::string table_state(const domain::Event& event, int table);
// The same, with the clock fields already written (clock_text): once for all the tables.
std::string table_state(const domain::Event& event, int table, std::string_view clock);
// `state` of an attendee at no table.
std::string unseated_state(const domain::Event& event);
std::string attendee_state(const domain::Event& event, domain::AttendeeId attendee);

// Phase, round, clock and head count: the part every view shares, as the text of a JSON object.
std::string clock_text(const domain::Event& event);
// The message's text with the clock fields first among its own.
std::string with_clock(const nlohmann::json& message, std::string_view clock);
// The plan of rounds (plan_view.cpp): each round's kind; the kind of the round running, or of the coming one.
nlohmann::json round_kinds_json(const domain::EventSettings& settings);
std::optional<domain::RoundKind> coming_kind(const domain::EventState& s);
// Needs met at the tables of the current (or last) round, and those no round has met: null without topics.
nlohmann::json host_needs(const domain::Event& event);
// `,"need":{…}` of a mutual-help table: the need it serves, in the asker's words; nothing otherwise.
void append_served_need(std::string& out, const domain::Event& event, int table);

// An attendee as the host console lists them.
nlohmann::json host_entry(const domain::Attendee& attendee);
// A table of the current round as the host console shows it.
nlohmann::json host_table(const domain::Event& event, int table);
std::string host_state(const domain::Event& event);
// The host links that work, as the console lists them.
nlohmann::json host_links(const domain::Event& event);
nlohmann::json staff_links(const domain::Event& event);
// One entry of the log of who did what.
nlohmann::json host_action(const domain::HostAction& action);
// To the console that asked for a staff link, once: its id, name, token and review page's link.
std::string staff_link_created_message(const domain::HostLink& link, const std::string& token,
                                       const std::string& url, const nlohmann::json& ref);
// To the console that asked for a co-host link, once: the link with its token.
std::string host_link_created_message(const domain::HostLink& link, const std::string& token,
                                      const nlohmann::json& ref);
// The tables of a round the host asked to look at (`round_tables`); nullopt for a round not yet held.
std::optional<std::string> round_tables_message(const domain::Event& event, int round);

// What an attendee sees of their own part (GET /me, and the `me` message): their profile, whom they sat
// with round by round, their answers to the cards, and their mutual contacts (me_view.cpp).
nlohmann::json me_view(const domain::Event& event, domain::AttendeeId attendee);
std::string me_message(const domain::Event& event, domain::AttendeeId attendee);

std::string presence_message(int present);
std::string pong_message();
// To the host: whether the database saves the event's changes (false: the event waits for it).
std::string storage_message(bool ok);
std::string chat_message(const domain::ChatPosted& chat);
std::string announcement_message(const domain::Announced& announcement);
std::string error_message(const Problem& problem, const nlohmann::json& ref = nullptr);

}  // namespace ensemble::app
