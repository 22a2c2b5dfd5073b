#pragma once
// Turns a command's outbox into bytes and recipients, right after the command is applied: what is
// rendered is exactly what the command made, and it is delivered later, once it is durable.

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "app/client.hpp"
#include "domain/event.hpp"

namespace ensemble::app {

// One message, serialised once, and who receives it.
struct Delivery {
    enum class To { attendees, everyone };  // everyone: the hosts and every attendee connected
    To to = To::attendees;
    std::vector<domain::AttendeeId> attendees;  // for To::attendees
    SharedMessage message;
};

// The host console's changes, kept as entries so that several merge into one `host_update`.
struct HostDelta {
    std::map<domain::AttendeeId, nlohmann::json> attendees;
    std::set<domain::AttendeeId> gone;
    std::map<int, nlohmann::json> tables;
    bool tables_reset = false;
    std::string clock;           // the clock fields as the change left them: a JSON object's text
    nlohmann::json round_kinds;  // the plan of rounds as the change left it
    // Seats or purposes changed: the needs met are computed once when the update is sent, not per command.
    bool needs_changed = false;
    std::optional<nlohmann::json> needs;
    std::optional<nlohmann::json> host_links;      // the whole list, when it changed
    std::optional<nlohmann::json> staff_links;     // the whole list, with host_links
    nlohmann::json log = nlohmann::json::array();  // host actions, oldest first

    // Folds a later delta into this one.
    void merge(HostDelta later);
    std::string message() const;
};

struct Closing {
    bool everyone = false;
    domain::AttendeeId attendee = 0;
    std::uint16_t code = 0;
    const char* reason = "";
    domain::HostLinkId host_link = 0;  // when set: that link's consoles, not an attendee
};

struct Rendered {
    std::vector<Delivery> deliveries;  // in order
    std::optional<HostDelta> host;
    bool presence_changed = false;
    std::optional<int> present_told;    // the head count that a state to everyone carries
    std::set<int> connection_tables;    // paced like presence (event_room_delivery.cpp)
    bool topic_tables_changed = false;  // paced like presence (event_room_topic_tables.cpp)
    std::vector<Closing> closings;      // after the deliveries
};

Rendered render(const domain::Event& event, const domain::Outbox& outbox);

}  // namespace ensemble::app
