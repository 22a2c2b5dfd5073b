#pragma once
// Who must hear what after a command, as data: messages addressed to an audience, and connections to
// close. The domain decides; the room only renders each message and delivers it once it is durable.

#include <set>
#include <variant>
#include <vector>

#include "domain/records.hpp"

namespace ensemble::domain {

// Everyone who hears a message, as the event stands right after the command.
struct Audience {
    enum class Kind {
        hosts,      // the host consoles
        attendee,   // one attendee
        table,      // everyone seated at one table of the current round
        attendees,  // every attendee (not the hosts)
        everyone,   // hosts and attendees
        host_link,  // the consoles opened with one host link
    };
    Kind kind = Kind::everyone;
    AttendeeId attendee = 0;  // for Kind::attendee
    int table = 0;            // for Kind::table, 1-based
    HostLinkId link = 0;      // for Kind::host_link

    static Audience hosts() { return {Kind::hosts, 0, 0}; }
    static Audience of(AttendeeId id) { return {Kind::attendee, id, 0}; }
    static Audience at_table(int number) { return {Kind::table, 0, number}; }
    static Audience attendees() { return {Kind::attendees, 0, 0}; }
    static Audience everyone() { return {Kind::everyone, 0, 0}; }
    static Audience of_link(HostLinkId link) { return {Kind::host_link, 0, 0, link}; }
    auto operator<=>(const Audience&) const = default;
};

// What each person of the audience sees of the event (their `state`) changed.
struct ViewChanged {};

// Who is connected at a table changed: its people hear it at the crowd's pace, not per change, so that
// 10,000 phones cut at once and coming back do not redraw each table ten times.
struct ConnectionsChanged {};

// The number of connected attendees changed (hosts and attendees hear it at a steady pace, not per change).
struct PresenceChanged {};

// What changed on the host console: attendees added or changed (their status included: who left or was
// removed stays listed), entries gone from the event altogether, tables changed.
struct HostChanges {
    std::set<AttendeeId> attendees;
    std::set<AttendeeId> gone;
    std::set<int> tables;         // tables of the current round whose seats changed
    bool tables_reset = false;    // a round started or ended: every table before is gone
    bool clock = false;           // phase, round or deadline
    bool host_links = false;      // a host link was created or revoked
    std::vector<HostAction> log;  // host actions, in the order they were done
    bool empty() const {
        return attendees.empty() && gone.empty() && tables.empty() && !tables_reset && !clock &&
               !host_links && log.empty();
    }
};

// What one attendee sees of their own answers and contacts (`me`) changed.
struct PersonalChanged {};

// The coming round's topic tables or their seats changed (hosts and attendees hear them at a steady pace).
struct TopicTablesChanged {};

// A chat message and the host's broadcast are told as they are recorded (ChatPosted, Announced).
using MessageBody = std::variant<ViewChanged, ConnectionsChanged, ChatPosted, Announced, PresenceChanged,
                                 HostChanges, PersonalChanged, TopicTablesChanged>;

struct Message {
    Audience to;
    MessageBody body;
};

// Close a connection for good, once the messages before it are delivered.
struct Disconnection {
    enum class Reason { left, removed, merged, event_ended, link_revoked, erased };
    Audience who;  // one attendee, one host link's consoles, or everyone
    Reason reason = Reason::left;
};

// Messages in the order they must be delivered; the host's changes gathered in one message.
class Outbox {
  public:
    // Deduplicated: a table whose seats change five times in one command is drawn once.
    void view_changed(const Audience& audience);
    void connections_changed(int table);
    void chat(ChatPosted chat);
    void announce(Announced announcement);
    void presence_changed();
    void topic_tables_changed();
    void personal_changed(AttendeeId attendee);
    HostChanges& host() { return host_; }
    void disconnect(const Audience& who, Disconnection::Reason reason);

    // Everything, host changes included, in delivery order.
    std::vector<Message> messages() const;
    const std::vector<Disconnection>& disconnections() const { return disconnections_; }

  private:
    std::vector<Message> messages_;
    std::set<Audience> views_;
    std::set<AttendeeId> personal_;
    std::set<int> connection_tables_;
    bool presence_ = false;
    bool topic_tables_ = false;
    HostChanges host_;
    std::vector<Disconnection> disconnections_;
};

}  // namespace ensemble::domain
