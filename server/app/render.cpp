#include "app/render.hpp"

#include <unordered_map>

#include "app/views.hpp"

namespace ensemble::app {
namespace {

using domain::Audience;
using nlohmann::json;

struct Renderer {
    const domain::Event& event;
    Rendered& out;
    // Each table's `state` is serialised once per command, whoever asked for it.
    std::unordered_map<int, SharedMessage> table_states{};
    SharedMessage no_table{};
    std::set<domain::AttendeeId> told{};  // attendees who already have their new view
    std::string clock_text{};             // the clock fields, written once per command

    const std::string& clock() {
        if (clock_text.empty()) clock_text = app::clock_text(event);
        return clock_text;
    }

    const domain::EventState& s() const { return event.state(); }
    bool in_round() const { return s().phase == domain::Phase::round; }

    void to(std::vector<domain::AttendeeId> ids, SharedMessage message) {
        if (!ids.empty())
            out.deliveries.push_back({Delivery::To::attendees, std::move(ids), std::move(message)});
    }

    const SharedMessage& table_state(int number) {
        auto& message = table_states[number];
        if (!message) message = share(app::table_state(event, number, clock()));
        return message;
    }

    const SharedMessage& unseated() {
        if (!no_table) no_table = share(unseated_state(event));
        return no_table;
    }

    void table_view(int number) {
        if (!in_round() || number < 1 || static_cast<std::size_t>(number) > s().tables.size()) return;
        const auto& seats = s().tables[static_cast<std::size_t>(number - 1)].seats;
        if (seats.empty()) return;
        std::vector<domain::AttendeeId> ids;
        for (auto id : seats)
            if (told.insert(id).second) ids.push_back(id);
        to(std::move(ids), table_state(number));
    }

    void attendee_view(domain::AttendeeId id) {
        if (!told.insert(id).second) return;
        int table = in_round() ? event.table_of(id) : 0;
        to({id}, table ? table_state(table) : unseated());
    }

    // Every table, then whoever is connected at none.
    void everyone_view() {
        if (in_round())
            for (std::size_t t = 0; t < s().tables.size(); ++t) table_view(static_cast<int>(t + 1));
        std::vector<domain::AttendeeId> ids;
        for (const auto& [id, attendee] : s().attendees)
            if (attendee.connected && !told.count(id)) ids.push_back(id);
        told.insert(ids.begin(), ids.end());
        to(std::move(ids), unseated());
        out.present_told = event.present_count();
    }

    void operator()(const Audience& audience, const domain::ViewChanged&) {
        switch (audience.kind) {
            case Audience::Kind::attendee:
                return attendee_view(audience.attendee);
            case Audience::Kind::table:
                return table_view(audience.table);
            default:
                return everyone_view();
        }
    }

    void operator()(const Audience& audience, const domain::ChatPosted& chat) {
        const auto& tables = s().tables;
        if (audience.table < 1 || static_cast<std::size_t>(audience.table) > tables.size()) return;
        to(tables[static_cast<std::size_t>(audience.table - 1)].seats, share(chat_message(chat)));
    }

    void operator()(const Audience&, const domain::Announced& announcement) {
        out.deliveries.push_back({Delivery::To::everyone, {}, share(announcement_message(announcement))});
    }

    void operator()(const Audience& audience, const domain::ConnectionsChanged&) {
        out.connection_tables.insert(audience.table);
    }

    void operator()(const Audience&, const domain::PresenceChanged&) { out.presence_changed = true; }
    void operator()(const Audience&, const domain::TopicTablesChanged&) { out.topic_tables_changed = true; }

    void operator()(const Audience& audience, const domain::PersonalChanged&) {
        to({audience.attendee}, share(me_message(event, audience.attendee)));
    }

    void operator()(const Audience&, const domain::HostChanges& changes) {
        HostDelta delta;
        for (auto id : changes.attendees)
            if (!changes.gone.count(id)) delta.attendees.emplace(id, host_entry(s().attendees.at(id)));
        delta.gone = changes.gone;
        delta.tables_reset = changes.tables_reset;
        if (in_round()) {
            if (changes.tables_reset)
                for (std::size_t t = 0; t < s().tables.size(); ++t)
                    delta.tables.emplace(static_cast<int>(t + 1), host_table(event, static_cast<int>(t + 1)));
            for (int table : changes.tables) delta.tables.emplace(table, host_table(event, table));
        }
        delta.clock = clock();
        delta.round_kinds = round_kinds_json(s().settings);
        delta.needs_changed = !changes.tables.empty() || changes.tables_reset || !changes.attendees.empty();
        if (changes.host_links) delta.host_links = host_links(event), delta.staff_links = staff_links(event);
        for (const auto& action : changes.log) delta.log.push_back(host_action(action));
        out.host = std::move(delta);
    }
};

Closing closing_of(const domain::Disconnection& d) {
    using Reason = domain::Disconnection::Reason;
    Closing closing;
    closing.everyone = d.who.kind != Audience::Kind::attendee && d.who.kind != Audience::Kind::host_link;
    closing.attendee = d.who.attendee;
    closing.host_link = d.who.link;
    switch (d.reason) {
        case Reason::left:
            closing.code = close_code::normal, closing.reason = "left the event";
            break;
        case Reason::removed:
            closing.code = close_code::removed, closing.reason = "removed by the host";
            break;
        case Reason::merged:
            // The same link now signs in as the entry kept: reconnecting brings the person back as them.
            closing.code = close_code::try_again_later,
            closing.reason = "merged with another entry: reconnect";
            break;
        case Reason::event_ended:
            closing.code = close_code::normal, closing.reason = "the event is over";
            break;
        case Reason::link_revoked:
            closing.code = close_code::link_revoked, closing.reason = "this host link was revoked";
            break;
        case Reason::erased:
            closing.code = close_code::erased, closing.reason = "your data was erased";
            break;
    }
    return closing;
}

}  // namespace

void HostDelta::merge(HostDelta later) {
    for (auto& [id, entry] : later.attendees) {
        gone.erase(id);
        attendees.insert_or_assign(id, std::move(entry));
    }
    for (auto id : later.gone) {
        attendees.erase(id);
        gone.insert(id);
    }
    if (later.tables_reset) {
        tables.clear();
        tables_reset = true;
    }
    for (auto& [number, table] : later.tables) tables.insert_or_assign(number, std::move(table));
    clock = std::move(later.clock);
    round_kinds = std::move(later.round_kinds);
    needs_changed = needs_changed || later.needs_changed;
    if (later.host_links) host_links = std::move(later.host_links);
    if (later.staff_links) staff_links = std::move(later.staff_links);
    for (auto& action : later.log) log.push_back(std::move(action));
}

std::string HostDelta::message() const {
    json message = {{"type", "host_update"}};
    json changed = json::array();
    for (const auto& [id, entry] : attendees) changed.push_back(entry);
    json changed_tables = json::array();
    for (const auto& [number, table] : tables) changed_tables.push_back(table);
    message["attendees"] = std::move(changed);
    message["gone"] = gone;
    message["tables_reset"] = tables_reset;
    message["tables"] = std::move(changed_tables);
    message["round_kinds"] = round_kinds;
    if (needs) message["needs"] = *needs;
    if (host_links) message["host_links"] = *host_links;
    if (staff_links) message["staff_links"] = *staff_links;
    if (!log.empty()) message["log"] = log;
    return with_clock(message, clock);  // as the command wrote them
}

Rendered render(const domain::Event& event, const domain::Outbox& outbox) {
    Rendered out;
    Renderer renderer{event, out};
    for (const auto& message : outbox.messages())
        std::visit([&](const auto& body) { renderer(message.to, body); }, message.body);
    for (const auto& disconnection : outbox.disconnections())
        out.closings.push_back(closing_of(disconnection));
    return out;
}

}  // namespace ensemble::app
