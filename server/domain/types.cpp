#include "domain/types.hpp"

#include <utility>

#include "domain/errors.hpp"

namespace ensemble::domain {

const char* to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::malformed_json:
            return "malformed_json";
        case ErrorCode::unknown_type:
            return "unknown_type";
        case ErrorCode::invalid_field:
            return "invalid_field";
        case ErrorCode::unauthorized:
            return "unauthorized";
        case ErrorCode::forbidden:
            return "forbidden";
        case ErrorCode::not_found:
            return "not_found";
        case ErrorCode::method_not_allowed:
            return "method_not_allowed";
        case ErrorCode::wrong_phase:
            return "wrong_phase";
        case ErrorCode::event_ended:
            return "event_ended";
        case ErrorCode::event_full:
            return "event_full";
        case ErrorCode::table_full:
            return "table_full";
        case ErrorCode::rate_limited:
            return "rate_limited";
        case ErrorCode::too_large:
            return "too_large";
        case ErrorCode::unsupported_media_type:
            return "unsupported_media_type";
        case ErrorCode::internal:
            return "internal";
        case ErrorCode::storage_unavailable:
            return "storage_unavailable";
    }
    return "internal";
}

const char* to_string(Phase phase) {
    switch (phase) {
        case Phase::lobby:
            return "lobby";
        case Phase::round:
            return "round";
        case Phase::pause_between_rounds:
            return "break";
        case Phase::ended:
            return "ended";
    }
    return "lobby";
}

std::optional<Phase> phase_from_string(const std::string& text) {
    for (Phase p : {Phase::lobby, Phase::round, Phase::pause_between_rounds, Phase::ended})
        if (text == to_string(p)) return p;
    return std::nullopt;
}

const char* to_string(AttendeeStatus status) {
    switch (status) {
        case AttendeeStatus::active:
            return "active";
        case AttendeeStatus::left:
            return "left";
        case AttendeeStatus::removed:
            return "removed";
        case AttendeeStatus::merged:
            return "merged";
    }
    return "active";
}

std::optional<AttendeeStatus> status_from_string(const std::string& text) {
    for (AttendeeStatus s :
         {AttendeeStatus::active, AttendeeStatus::left, AttendeeStatus::removed, AttendeeStatus::merged})
        if (text == to_string(s)) return s;
    return std::nullopt;
}

namespace {
constexpr std::pair<HostAction::Kind, const char*> host_action_names[] = {
    {HostAction::Kind::start_event, "start_event"},
    {HostAction::Kind::next_round, "next_round"},
    {HostAction::Kind::end_round, "end_round"},
    {HostAction::Kind::extend_round, "extend_round"},
    {HostAction::Kind::pause, "pause"},
    {HostAction::Kind::resume, "resume"},
    {HostAction::Kind::broadcast, "broadcast"},
    {HostAction::Kind::move_attendee, "move_attendee"},
    {HostAction::Kind::merge_attendees, "merge_attendees"},
    {HostAction::Kind::remove_attendee, "remove_attendee"},
    {HostAction::Kind::end_event, "end_event"},
    {HostAction::Kind::host_link_created, "host_link_created"},
    {HostAction::Kind::host_link_revoked, "host_link_revoked"},
    {HostAction::Kind::staff_link_created, "staff_link_created"},
    {HostAction::Kind::staff_link_revoked, "staff_link_revoked"},
    {HostAction::Kind::erase_attendee, "erase_attendee"},
    {HostAction::Kind::round_kind_set, "round_kind_set"},
    {HostAction::Kind::topic_table_opened, "topic_table_opened"},
    {HostAction::Kind::topic_table_closed, "topic_table_closed"},
};
}  // namespace

const char* to_string(HostAction::Kind kind) {
    for (const auto& [k, name] : host_action_names)
        if (k == kind) return name;
    return "start_event";
}

const char* to_string(LinkRole role) { return role == LinkRole::staff ? "staff" : "host"; }

std::optional<LinkRole> link_role_from_string(const std::string& text) {
    if (text == "host") return LinkRole::host;
    if (text == "staff") return LinkRole::staff;
    return std::nullopt;
}

std::optional<HostAction::Kind> host_action_from_string(const std::string& text) {
    for (const auto& [k, name] : host_action_names)
        if (text == name) return k;
    return std::nullopt;
}

}  // namespace ensemble::domain
