// The plan of rounds and the needs met, as the host console and the tables see them (protocol.md, Kinds of
// round).
#include "app/json_text.hpp"
#include "app/views.hpp"
#include "domain/round_needs.hpp"

namespace ensemble::app {

using nlohmann::json;

json round_kinds_json(const domain::EventSettings& settings) {
    json kinds = json::array();
    for (int round = 1; round <= settings.rounds; ++round)
        kinds.push_back(domain::to_string(domain::kind_of_round(settings, round)));
    return kinds;
}

std::optional<domain::RoundKind> coming_kind(const domain::EventState& s) {
    switch (s.phase) {
        case domain::Phase::round:
            return domain::kind_of_round(s.settings, s.round);
        case domain::Phase::lobby:
        case domain::Phase::pause_between_rounds:
            return domain::kind_of_round(s.settings, s.round + 1);
        case domain::Phase::ended:
            break;
    }
    return std::nullopt;
}

json host_needs(const domain::Event& event) {
    const auto& s = event.state();
    // Without topics nobody can seek help: nothing to count, whatever the number of attendees.
    if (s.settings.topics.empty() || s.round == 0) return nullptr;
    auto now = domain::needs_at(s, *event.round_seats(s.round));
    return {{"round", s.round},
            {"met", now.met},
            {"unmet", now.unmet},
            {"never_met", domain::needs_never_met(s)}};
}

void append_served_need(std::string& out, const domain::Event& event, int table) {
    const auto& s = event.state();
    if (domain::kind_of_round(s.settings, s.round) != domain::RoundKind::mutual_help) return;
    auto need = domain::served_need(s, s.tables.at(static_cast<std::size_t>(table - 1)).seats);
    if (!need) return;
    namespace jt = json_text;
    out += ',';
    jt::key(out, "need");
    out += '{';
    jt::key(out, "attendee_id");
    jt::number(out, need->seeker);
    out += ',';
    jt::key(out, "topic");
    jt::string(out, need->topic);
    out += ',';
    jt::key(out, "text");
    jt::string(out, s.attendees.at(need->seeker).purpose.need_text);
    out += '}';
}

}  // namespace ensemble::app
