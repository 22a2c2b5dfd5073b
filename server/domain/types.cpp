#include "domain/types.hpp"

namespace ensemble::domain {

const char* to_string(Phase phase) {
    switch (phase) {
        case Phase::lobby: return "lobby";
        case Phase::round: return "round";
        case Phase::pause_between_rounds: return "break";
        case Phase::ended: return "ended";
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
        case AttendeeStatus::active: return "active";
        case AttendeeStatus::left: return "left";
        case AttendeeStatus::removed: return "removed";
    }
    return "active";
}

std::optional<AttendeeStatus> status_from_string(const std::string& text) {
    for (AttendeeStatus s : {AttendeeStatus::active, AttendeeStatus::left, AttendeeStatus::removed})
        if (text == to_string(s)) return s;
    return std::nullopt;
}

}  // namespace ensemble::domain
