#pragma once
// Everything that can happen to an event, and who asks for it.

#include <variant>

#include "domain/seating.hpp"
#include "domain/types.hpp"

namespace ensemble::domain {

struct Actor {
    // staff: a staff link, which reads the review and does nothing else (never passes as host).
    enum class Kind { system, host, attendee, staff } kind = Kind::system;
    AttendeeId attendee = 0;  // for Kind::attendee
    HostLinkId link = 0;      // for Kind::host: whose link; 0 is the server acting for the hosts (not logged)

    static Actor system() { return {Kind::system, 0, 0}; }
    static Actor host(HostLinkId link = 0) { return {Kind::host, 0, link}; }
    static Actor of(AttendeeId id) { return {Kind::attendee, id, 0}; }
    static Actor staff(HostLinkId link) { return {Kind::staff, 0, link}; }
};

// Anyone, through the REST API (Actor::system).
struct Join {
    std::string name;
    std::string organisation;
    std::string role;
    std::string credential_hash;
    std::string email{};  // optional contacts, '' when not given
    std::string phone{};
    Purpose purpose{};  // optional: validated against the event's topics
};

// The connection layer (Actor::system).
struct Connect {
    AttendeeId attendee = 0;
};
struct Disconnect {
    AttendeeId attendee = 0;
};
// The room's timer fired: advance if the deadline has passed (Actor::system).
struct Tick {};
// The tables of a round, formed off the event's thread by a SeatingJob (Actor::system).
struct SeatRound {
    int round = 0;
    SeatingResult result;
};

// Who met whom in the series' other events, read again before a round's tables are formed: an event
// created ahead of the last one must still avoid its meetings (Actor::system; nothing is recorded).
struct RecallSeries {
    SeriesPast past;
};

// An attendee, about themself.
struct PostChat {
    std::string text;
};
struct Leave {};
// The end-of-round card, in any phase (after the end too): each answer can be changed.
// "Nous avons échangé": about a tablemate of that round.
struct AnswerTalked {
    int round = 0;
    AttendeeId about = 0;
    bool talked = false;
};
// "Garder le contact": about anyone they sat with; false withdraws the wish.
struct WishContact {
    AttendeeId about = 0;
    bool wish = false;
};
// "Cette table m'a été utile", 1 to 5, about a round they were seated in.
struct RateTable {
    int round = 0;
    int score = 0;
};
// Presence at their table, as their page reports it: shown or hidden (Page Visibility), video link opened.
struct SetVisibility {
    bool visible = true;
};
struct OpenVideo {};
// "Mon profil": needs, offers, département and structure as they now stand (the whole purpose, replaced).
struct SetPurpose {
    Purpose purpose;
};

// « Tables thématiques », for the coming topic round while it is not started (event_topic_tables.cpp).
// An attendee proposes one (once per round) on an event topic or in their own words, and chooses one.
struct ProposeTopicTable {
    std::string topic;  // an event topic's id, or '' with `text`
    std::string text;
};
struct ChooseTopicTable {
    int table = 0;  // 0: none
};
// A host opens one, or closes one (its choosers are free again).
struct OpenTopicTable {
    std::string topic;
    std::string text;
};
struct CloseTopicTable {
    int table = 0;
};

// The host only.
struct StartEvent {};
struct NextRound {};
struct EndRound {};
struct ExtendRound {
    int minutes = 0;
};
struct Broadcast {
    std::string text;
};
struct MoveAttendee {
    AttendeeId attendee = 0;
    int table = 0;  // 1-based; one past the last opens a new table
};
struct RemoveAttendee {
    AttendeeId attendee = 0;
};
// Two entries are one person (a lost token, a second device): `duplicate` is folded into `keep`.
struct MergeAttendees {
    AttendeeId duplicate = 0;
    AttendeeId keep = 0;
};
// The kind of a round not started yet; one past the last round adds a round of that kind.
struct SetRoundKind {
    int round = 0;
    RoundKind kind = RoundKind::discovery;
};
struct PauseRotation {};
struct ResumeRotation {};
struct EndEvent {};
// A co-host link for someone, with full control, or a read-only staff link; the token is made outside,
// only its hash comes here.
struct CreateHostLink {
    std::string name;
    std::string credential_hash;
    LinkRole role = LinkRole::host;
};
// Closes that link's consoles and refuses it from then on; one host link at least always remains.
struct RevokeHostLink {
    HostLinkId link = 0;
    LinkRole role = LinkRole::host;  // a link of the other role is not found
};

// A host, or the attendee themself (any status, the event ended too): their name, organisation, role,
// contacts, chat and answers go; an anonymous entry stays so that seats, encounters and counts stay true.
// Their credential is replaced by one nobody holds, made outside: only its hash comes here.
struct EraseAttendee {
    AttendeeId attendee = 0;  // for an attendee: themself
    std::string credential_hash;
};

using Command =
    std::variant<Join, Connect, Disconnect, Tick, SeatRound, PostChat, Leave, StartEvent, NextRound, EndRound,
                 ExtendRound, Broadcast, MoveAttendee, RemoveAttendee, MergeAttendees, PauseRotation,
                 ResumeRotation, EndEvent, CreateHostLink, RevokeHostLink, AnswerTalked, WishContact,
                 RateTable, SetVisibility, OpenVideo, EraseAttendee, SetPurpose, RecallSeries, SetRoundKind,
                 ProposeTopicTable, ChooseTopicTable, OpenTopicTable, CloseTopicTable>;

}  // namespace ensemble::domain
