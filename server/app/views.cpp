#include "app/views.hpp"

namespace ensemble::app {
namespace {

using nlohmann::json;

json nullable(const std::optional<domain::TimeMs>& time) { return time ? json(*time) : json(nullptr); }

// Phase, round and clock: the part every view shares.
json clock_of(const domain::Event& event, const char* type) {
    const auto& s = event.state();
    return {{"type", type},
            {"phase", domain::to_string(s.phase)},
            {"round", s.round},
            {"rounds", s.settings.rounds},
            {"deadline", nullable(s.deadline)},
            {"paused", s.paused},
            {"remaining_ms", s.paused ? json(s.remaining_ms) : json(nullptr)},
            {"present", event.present_count()}};
}

json person(const domain::Attendee& a) {
    return {{"id", a.id}, {"name", a.name}, {"organisation", a.organisation}, {"role", a.role}};
}

}  // namespace

Links links_for(const std::string& public_url, const std::string& event_id) {
    return {public_url + "/host.html?event=" + event_id, public_url + "/join.html?event=" + event_id};
}

json public_event(const domain::Event& event) {
    const auto& s = event.state();
    const auto& settings = s.settings;
    return {{"id", s.id},
            {"title", settings.title},
            {"phase", domain::to_string(s.phase)},
            {"round", s.round},
            {"rounds", settings.rounds},
            {"table_size", settings.table_size},
            {"min_table_size", settings.min_table_size},
            {"max_table_size", settings.max_table_size},
            {"round_seconds", settings.round_seconds},
            {"break_seconds", settings.break_seconds},
            {"present", event.present_count()}};
}

std::string welcome_message(const domain::Event& event, const domain::Actor& actor, domain::TimeMs now,
                            const std::string& join_url) {
    json info = public_event(event);
    for (const char* live : {"phase", "round", "present"}) info.erase(live);
    json message = {{"type", "welcome"}, {"protocol", protocol_version}, {"server_time", now}};
    if (actor.kind == domain::Actor::Kind::host) {
        const auto& settings = event.state().settings;
        info["prompts"] = settings.prompts;
        info["video_link_template"] = settings.video_link_template;
        info["join_url"] = join_url;
        message["role"] = "host";
    } else {
        message["role"] = "attendee";
        message["you"] = person(event.state().attendees.at(actor.attendee));
    }
    message["event"] = std::move(info);
    return message.dump();
}

std::string attendee_state(const domain::Event& event, domain::AttendeeId attendee) {
    const auto& s = event.state();
    json message = clock_of(event, "state");
    int number = event.table_of(attendee);
    if (s.phase != domain::Phase::round || number == 0) {
        message["table"] = nullptr;
        return message.dump();
    }
    const auto& table = s.tables[static_cast<std::size_t>(number - 1)];
    json mates = json::array();
    for (domain::AttendeeId id : table.seats) {
        if (id == attendee) continue;
        const auto& mate = s.attendees.at(id);
        json entry = person(mate);
        entry["connected"] = mate.connected;
        mates.push_back(std::move(entry));
    }
    json chat = json::array();
    for (const auto& m : table.chat) chat.push_back({{"from", m.from}, {"name", m.name}, {"text", m.text}, {"at", m.at}});
    std::string video = domain::video_url(s.settings, s.id, s.round, number);
    message["table"] = {{"number", number},
                        {"prompt", domain::prompt_for_round(s.settings, s.round)},
                        {"video_url", video.empty() ? json(nullptr) : json(video)},
                        {"mates", std::move(mates)},
                        {"chat", std::move(chat)}};
    return message.dump();
}

std::string host_state(const domain::Event& event) {
    const auto& s = event.state();
    json message = clock_of(event, "host_state");
    bool seated = s.phase == domain::Phase::round;
    json attendees = json::array();
    for (const auto& [id, attendee] : s.attendees) {
        if (attendee.status != domain::AttendeeStatus::active) continue;
        json entry = person(attendee);
        entry["connected"] = attendee.connected;
        int table = seated ? event.table_of(id) : 0;
        entry["table"] = table ? json(table) : json(nullptr);
        attendees.push_back(std::move(entry));
    }
    json tables = json::array();
    if (seated)
        for (std::size_t t = 0; t < s.tables.size(); ++t)
            if (!s.tables[t].seats.empty())
                tables.push_back({{"number", t + 1}, {"attendees", s.tables[t].seats}});
    message["attendees"] = std::move(attendees);
    message["tables"] = std::move(tables);
    return message.dump();
}

std::string presence_message(int present) { return json{{"type", "presence"}, {"present", present}}.dump(); }

std::string chat_message(const domain::ChatNotice& notice) {
    return json{{"type", "chat"},        {"round", notice.round},          {"table", notice.table},
                {"from", notice.message.from}, {"name", notice.message.name}, {"text", notice.message.text},
                {"at", notice.message.at}}
        .dump();
}

std::string announcement_message(const domain::Announced& announcement) {
    return json{{"type", "announcement"}, {"text", announcement.text}, {"at", announcement.at}}.dump();
}

std::string error_message(const Problem& problem, const json& ref) {
    json message = {{"type", "error"}, {"code", problem.code}, {"message", problem.message}};
    if (!problem.field.empty()) message["field"] = problem.field;
    if (!ref.is_null()) message["ref"] = ref;
    return message.dump();
}

}  // namespace ensemble::app
