// Several people run an event: their host links, and the log of who did what.
#include "domain/event_apply.hpp"

namespace ensemble::domain {
namespace {

constexpr std::size_t max_log_kept = 50;
constexpr std::size_t max_active_links = 20;  // of each role

}  // namespace

const HostLink* Event::Apply::active_link(HostLinkId id) const {
    auto it = s.host_links.find(id);
    return it == s.host_links.end() || !it->second.active() ? nullptr : &it->second;
}

std::size_t Event::Apply::active_link_count(LinkRole role) const {
    std::size_t active = 0;
    for (const auto& [id, link] : s.host_links) active += link.active() && link.role == role;
    return active;
}

// The server acting for the hosts (link 0) is not logged; neither are the link commands, which log
// themselves once they know the link.
std::optional<HostAction> Event::Apply::action_of(const Command& command) const {
    if (actor.kind != Actor::Kind::host || actor.link == 0) return std::nullopt;
    using K = HostAction::Kind;
    HostAction a;
    a.by = actor.link;
    a.at = now;
    if (const auto* link = active_link(actor.link)) a.by_name = link->name;
    auto name_of = [&](AttendeeId id) {
        auto it = s.attendees.find(id);
        return it == s.attendees.end() ? std::string{} : it->second.name;
    };
    if (std::holds_alternative<StartEvent>(command)) {
        a.kind = K::start_event, a.number = 1;
    } else if (std::holds_alternative<NextRound>(command)) {
        a.kind = K::next_round, a.number = s.phase == Phase::lobby ? 1 : s.round + 1;
    } else if (std::holds_alternative<EndRound>(command)) {
        a.kind = K::end_round, a.number = s.round;
    } else if (const auto* c = std::get_if<ExtendRound>(&command)) {
        a.kind = K::extend_round, a.number = c->minutes;
    } else if (std::holds_alternative<PauseRotation>(command)) {
        a.kind = K::pause;
    } else if (std::holds_alternative<ResumeRotation>(command)) {
        a.kind = K::resume;
    } else if (const auto* c = std::get_if<Broadcast>(&command)) {
        a.kind = K::broadcast, a.text = c->text;
    } else if (const auto* c = std::get_if<MoveAttendee>(&command)) {
        a.kind = K::move_attendee, a.attendee = c->attendee, a.number = c->table,
        a.name = name_of(c->attendee);
    } else if (const auto* c = std::get_if<RemoveAttendee>(&command)) {
        a.kind = K::remove_attendee, a.attendee = c->attendee, a.name = name_of(c->attendee);
    } else if (const auto* c = std::get_if<MergeAttendees>(&command)) {
        a.kind = K::merge_attendees, a.attendee = c->duplicate, a.name = name_of(c->duplicate),
        a.into = c->keep, a.into_name = name_of(c->keep);
    } else if (const auto* c = std::get_if<EraseAttendee>(&command)) {
        a.kind = K::erase_attendee, a.attendee = c->attendee;  // never the name: it is what goes
    } else if (const auto* c = std::get_if<SetRoundKind>(&command)) {
        a.kind = K::round_kind_set, a.number = c->round, a.text = to_string(c->kind);
    } else if (const auto* c = std::get_if<OpenTopicTable>(&command)) {
        a.kind = K::topic_table_opened, a.number = domain::coming_topic_round(s, event.seating_round_);
        a.text = topic_table_label(c->topic, c->text);
    } else if (const auto* c = std::get_if<CloseTopicTable>(&command)) {
        a.kind = K::topic_table_closed, a.number = domain::coming_topic_round(s, event.seating_round_);
        auto round = s.topic_rounds.find(a.number);
        const auto* table = round == s.topic_rounds.end() ? nullptr : round->second.find(c->table);
        if (table) a.text = topic_table_label(table->topic, table->text);
    } else if (std::holds_alternative<EndEvent>(command)) {
        a.kind = K::end_event;
    } else {
        return std::nullopt;
    }
    return a;
}

// A topic table as the log names it: its topic's French label, or the words it was opened with.
std::string Event::Apply::topic_table_label(const std::string& topic, const std::string& text) const {
    for (const auto& t : s.settings.topics)
        if (t.id == topic) return t.fr;
    return text;
}

// Recorded with the command's other records, so it is durable before any console hears of it.
void Event::Apply::log(HostAction action) {
    s.host_log.push_back(action);
    if (s.host_log.size() > max_log_kept) s.host_log.erase(s.host_log.begin());
    fx.records.push_back(HostActed{action});
    fx.outbox.host().log.push_back(std::move(action));
}

void Event::Apply::operator()(const CreateHostLink& c) {
    const bool staff = c.role == LinkRole::staff;
    if (active_link_count(c.role) >= max_active_links)
        return (void)refuse(ErrorCode::invalid_field,
                            staff ? "at most 20 staff links at a time: revoke one first"
                                  : "at most 20 host links at a time: revoke one first");
    HostLinkId id = s.host_links.empty() ? 1 : s.host_links.rbegin()->first + 1;
    HostLink link{id, c.name, c.credential_hash, now, actor.link, std::nullopt, c.role};
    s.host_links.emplace(id, link);
    fx.records.push_back(HostLinkCreated{link});
    fx.outbox.host().host_links = true;
    fx.host_link = id;
    if (actor.link == 0) return;
    HostAction a;
    a.kind = staff ? HostAction::Kind::staff_link_created : HostAction::Kind::host_link_created,
    a.by = actor.link, a.at = now, a.link = id, a.name = c.name;
    if (const auto* by = active_link(actor.link)) a.by_name = by->name;
    log(std::move(a));
}

void Event::Apply::operator()(const RevokeHostLink& c) {
    auto it = s.host_links.find(c.link);
    const bool staff = c.role == LinkRole::staff;
    if (it == s.host_links.end() || !it->second.active() || it->second.role != c.role)
        return (void)refuse(ErrorCode::not_found, staff ? "no such staff link" : "no such host link");
    // Staff links never count here: they open no console.
    if (!staff && active_link_count() <= 1)
        return (void)refuse(ErrorCode::invalid_field,
                            "the last host link cannot be revoked: create another one first");
    HostAction a;
    a.kind = staff ? HostAction::Kind::staff_link_revoked : HostAction::Kind::host_link_revoked,
    a.by = actor.link, a.at = now, a.link = c.link, a.name = it->second.name;
    if (const auto* by = active_link(actor.link)) a.by_name = by->name;
    it->second.revoked_at = now;
    fx.records.push_back(HostLinkRevoked{c.link, now});
    fx.outbox.host().host_links = true;
    if (actor.link != 0) log(std::move(a));
    fx.outbox.disconnect(Audience::of_link(c.link), Disconnection::Reason::link_revoked);
}

}  // namespace ensemble::domain
