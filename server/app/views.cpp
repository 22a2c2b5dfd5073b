#include "app/views.hpp"

#include "app/json_text.hpp"
#include "app/purpose_json.hpp"
#include "app/topic_tables_json.hpp"

namespace ensemble::app {
namespace {

using nlohmann::json;

json person(const domain::Attendee& a) {
    return {{"id", a.id}, {"name", a.name}, {"organisation", a.organisation}, {"role", a.role}};
}

}  // namespace

Links links_for(const std::string& public_url, const std::string& event_id) {
    return {public_url + "/host.html?event=" + event_id, public_url + "/join.html?event=" + event_id};
}

// Written by hand: every command that changes what the host sees writes it (10,000 at a network cut).
std::string clock_text(const domain::Event& event) {
    namespace jt = json_text;
    const auto& s = event.state();
    auto kind = coming_kind(s);
    std::string out = "{";
    jt::key(out, "phase");
    jt::string(out, domain::to_string(s.phase));
    out += ',';
    jt::key(out, "round");
    jt::number(out, s.round);
    out += ',';
    jt::key(out, "rounds");
    jt::number(out, s.settings.rounds);
    out += ',';
    jt::key(out, "kind");
    if (kind)
        jt::string(out, domain::to_string(*kind));
    else
        out += "null";
    out += ',';
    jt::key(out, "deadline");
    jt::number_or_null(out, s.deadline);
    out += ',';
    jt::key(out, "paused");
    out += s.paused ? "true" : "false";
    out += ',';
    jt::key(out, "remaining_ms");
    jt::number_or_null(out, s.paused ? std::optional(s.remaining_ms) : std::nullopt);
    out += ',';
    jt::key(out, "present");
    jt::number(out, static_cast<std::int64_t>(event.present_count()));
    out += '}';
    return out;
}

std::string with_clock(const nlohmann::json& message, std::string_view clock) {
    std::string text = message.dump();
    text.insert(1, ",");
    return text.insert(1, clock.substr(1, clock.size() - 2));
}

json public_event(const domain::Event& event) {
    const auto& s = event.state();
    json info = {{"id", s.id},
                 {"title", s.settings.title},
                 {"phase", domain::to_string(s.phase)},
                 {"round", s.round},
                 {"present", event.present_count()}};
    for (const auto& setting : domain::int_settings) info[setting.name] = s.settings.*setting.field;
    info["topics"] = topics_json(s.settings.topics);
    info["round_kinds"] = round_kinds_json(s.settings);
    return info;
}

std::string welcome_message(const domain::Event& event, const domain::Actor& actor, domain::TimeMs now,
                            const std::string& join_url) {
    json info = public_event(event);
    for (const char* live : {"phase", "round", "present"}) info.erase(live);
    json message = {{"type", "welcome"}, {"protocol", protocol_version}, {"server_time", now}};
    if (actor.kind == domain::Actor::Kind::host) {
        const auto& settings = event.state().settings;
        for (const auto& setting : domain::text_settings) info[setting.name] = settings.*setting.field;
        info[domain::prompts_setting.name] = settings.*domain::prompts_setting.field;
        info["join_url"] = join_url;
        message["role"] = "host";
        const auto& links = event.state().host_links;
        if (auto it = links.find(actor.link); it != links.end())
            message["you"] = {{"link", actor.link}, {"name", it->second.name}};
    } else {
        message["role"] = "attendee";
        const auto& you = event.state().attendees.at(actor.attendee);
        message["you"] = person(you);
        message["you"]["purpose"] = purpose_json(you.purpose);  // what "Mon profil" starts from
    }
    message["event"] = std::move(info);
    return message.dump();
}

// Written by hand: at a round start every table's state is written at once, and this is most of the work.
std::string table_state(const domain::Event& event, int number) {
    return table_state(event, number, clock_text(event));
}

std::string table_state(const domain::Event& event, int number, std::string_view clock) {
    namespace jt = json_text;
    const auto& s = event.state();
    const auto& table = s.tables.at(static_cast<std::size_t>(number - 1));
    std::string out = R"({"type":"state",)";
    out.append(clock, 1, clock.size() - 2);
    out += R"(,"table":{"number":)";
    jt::number(out, number);
    out += ',';
    jt::key(out, "prompt");
    jt::string(out, domain::prompt_for_round(s.settings, s.round));
    out += ',';
    jt::key(out, "video_url");
    std::string video = domain::video_url(s.settings, s.id, s.round, number);
    if (video.empty())
        out += "null";
    else
        jt::string(out, video);
    append_served_need(out, event, number);
    append_topic_table(out, event, number);
    out += R"(,"people":[)";
    for (std::size_t i = 0; i < table.seats.size(); ++i) {
        const auto& a = s.attendees.at(table.seats[i]);
        out += i ? ",{" : "{";
        jt::key(out, "id");
        jt::number(out, a.id);
        out += ',';
        jt::key(out, "name");
        jt::string(out, a.name);
        out += ',';
        jt::key(out, "organisation");
        jt::string(out, a.organisation);
        out += ',';
        jt::key(out, "role");
        jt::string(out, a.role);
        out += ',';
        jt::key(out, "connected");
        out += a.connected ? "true" : "false";
        // Absent when they said nothing: most tables carry none, and every byte is written per table.
        if (!a.purpose.empty()) {
            out += ',';
            jt::key(out, "purpose");
            out += purpose_json(a.purpose).dump();
        }
        out += '}';
    }
    out += R"(],"chat":[)";
    for (std::size_t i = 0; i < table.chat.size(); ++i) {
        const auto& m = table.chat[i];
        out += i ? ",{" : "{";
        jt::key(out, "from");
        jt::number(out, m.from);
        out += ',';
        jt::key(out, "name");
        jt::string(out, m.name);
        out += ',';
        jt::key(out, "text");
        jt::string(out, m.text);
        out += ',';
        jt::key(out, "at");
        jt::number(out, m.at);
        out += '}';
    }
    out += "]}}";
    return out;
}

std::string unseated_state(const domain::Event& event) {
    return with_clock({{"type", "state"}, {"table", nullptr}}, clock_text(event));
}

std::string attendee_state(const domain::Event& event, domain::AttendeeId attendee) {
    int table = event.state().phase == domain::Phase::round ? event.table_of(attendee) : 0;
    return table ? table_state(event, table) : unseated_state(event);
}

json host_entry(const domain::Attendee& attendee) {
    json entry = person(attendee);
    entry["connected"] = attendee.connected;
    // Absent while active: at 10,000 attendees every byte of an entry counts ten thousand times.
    if (attendee.status != domain::AttendeeStatus::active)
        entry["status"] = domain::to_string(attendee.status);
    if (attendee.erased_at) entry["erased"] = true;  // the console says "Anonyme"
    if (!attendee.purpose.empty()) entry["purpose"] = purpose_json(attendee.purpose);
    return entry;
}

json host_table(const domain::Event& event, int table) {
    const auto& tables = event.state().tables;
    json seats = static_cast<std::size_t>(table) <= tables.size()
                     ? json(tables[static_cast<std::size_t>(table - 1)].seats)
                     : json::array();
    return {{"number", table}, {"attendees", std::move(seats)}};
}

std::string host_state(const domain::Event& event) {
    const auto& s = event.state();
    json message = {{"type", "host_state"}};
    json attendees = json::array();
    // A merged entry is no one now: its person is the entry kept.
    for (const auto& [id, attendee] : s.attendees)
        if (attendee.status != domain::AttendeeStatus::merged) attendees.push_back(host_entry(attendee));
    json tables = json::array();
    if (s.phase == domain::Phase::round)
        for (std::size_t t = 0; t < s.tables.size(); ++t)
            if (!s.tables[t].seats.empty()) tables.push_back(host_table(event, static_cast<int>(t + 1)));
    message["attendees"] = std::move(attendees);
    message["tables"] = std::move(tables);
    message["round_kinds"] = round_kinds_json(s.settings);
    message["needs"] = host_needs(event);
    message["host_links"] = host_links(event);
    message["staff_links"] = staff_links(event);
    json log = json::array();
    for (const auto& action : s.host_log) log.push_back(host_action(action));
    message["log"] = std::move(log);
    return with_clock(message, clock_text(event));
}

json host_links(const domain::Event& event) {
    json links = json::array();
    for (const auto& [id, link] : event.state().host_links)
        if (link.active() && link.role == domain::LinkRole::host)
            links.push_back({{"id", id}, {"name", link.name}, {"creator", id == 1}});
    return links;
}

json staff_links(const domain::Event& event) {
    json links = json::array();
    for (const auto& [id, link] : event.state().host_links)
        if (link.active() && link.role == domain::LinkRole::staff)
            links.push_back({{"id", id}, {"name", link.name}});
    return links;
}

json host_action(const domain::HostAction& a) {
    using K = domain::HostAction::Kind;
    json entry = {{"action", domain::to_string(a.kind)}, {"by", a.by}, {"by_name", a.by_name}, {"at", a.at}};
    switch (a.kind) {
        case K::start_event:
        case K::next_round:
        case K::end_round:
            entry["round"] = a.number;
            break;
        case K::extend_round:
            entry["minutes"] = a.number;
            break;
        case K::broadcast:
            entry["text"] = a.text;
            break;
        case K::move_attendee:
            entry["table"] = a.number;
            [[fallthrough]];
        case K::remove_attendee:
            entry["attendee_id"] = a.attendee;
            entry["attendee_name"] = a.name;
            break;
        case K::merge_attendees:
            entry["attendee_id"] = a.attendee;
            entry["attendee_name"] = a.name;
            entry["into_id"] = a.into;
            entry["into_name"] = a.into_name;
            break;
        case K::host_link_created:
        case K::host_link_revoked:
        case K::staff_link_created:
        case K::staff_link_revoked:
            entry["link_id"] = a.link;
            entry["link_name"] = a.name;
            break;
        case K::erase_attendee:
            entry["attendee_id"] = a.attendee;
            break;
        case K::round_kind_set:
            entry["round"] = a.number;
            entry["kind"] = a.text;
            break;
        case K::topic_table_opened:
        case K::topic_table_closed:
            entry["round"] = a.number;
            entry["label"] = a.text;
            break;
        case K::pause:
        case K::resume:
        case K::end_event:
            break;
    }
    return entry;
}

std::string host_link_created_message(const domain::HostLink& link, const std::string& token,
                                      const json& ref) {
    json message = {{"type", "host_link_created"},
                    {"link", {{"id", link.id}, {"name", link.name}, {"creator", link.id == 1}}},
                    {"token", token}};
    if (!ref.is_null()) message["ref"] = ref;
    return message.dump();
}

std::string staff_link_created_message(const domain::HostLink& link, const std::string& token,
                                       const std::string& url, const json& ref) {
    json message = {{"type", "staff_link_created"},
                    {"link_id", link.id},
                    {"name", link.name},
                    {"token", token},
                    {"url", url}};
    if (!ref.is_null()) message["ref"] = ref;
    return message.dump();
}

std::optional<std::string> round_tables_message(const domain::Event& event, int round) {
    auto seats = event.round_seats(round);
    if (!seats) return std::nullopt;
    json tables = json::array();
    for (std::size_t t = 0; t < seats->size(); ++t)
        if (!(*seats)[t].empty()) tables.push_back({{"number", t + 1}, {"attendees", (*seats)[t]}});
    return json{{"type", "round_tables"}, {"round", round}, {"tables", std::move(tables)}}.dump();
}

std::string presence_message(int present) { return json{{"type", "presence"}, {"present", present}}.dump(); }

std::string pong_message() { return R"({"type":"pong"})"; }

std::string storage_message(bool ok) { return json{{"type", "storage"}, {"ok", ok}}.dump(); }

std::string chat_message(const domain::ChatPosted& chat) {
    return json{{"type", "chat"},
                {"round", chat.round},
                {"table", chat.table},
                {"from", chat.message.from},
                {"name", chat.message.name},
                {"text", chat.message.text},
                {"at", chat.message.at}}
        .dump();
}

std::string announcement_message(const domain::Announced& announcement) {
    return json{{"type", "announcement"}, {"text", announcement.text}, {"at", announcement.at}}.dump();
}

std::string error_message(const Problem& problem, const json& ref) {
    json message = {
        {"type", "error"}, {"code", domain::to_string(problem.code)}, {"message", problem.message}};
    if (!problem.field.empty()) message["field"] = problem.field;
    if (problem.retry_after_ms > 0) message["retry_after_ms"] = problem.retry_after_ms;
    if (!ref.is_null()) message["ref"] = ref;
    return message.dump();
}

}  // namespace ensemble::app
