#pragma once
// « Tables thématiques »: the tables opened on a topic for a coming round, and who chose which
// (protocol.md, Topic tables). Each is kept per round, so a round's table page still shows its topic.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ensemble::domain {

// The limits of topic tables, in one place (protocol.md, Limits).
inline constexpr std::size_t max_topic_table_chars = 60;  // a proposer's own words
inline constexpr std::size_t max_topic_tables = 200;      // open at once for a round, hosts' and attendees'

// One table opened for the round: on an event topic, or on the proposer's own words.
struct TopicTable {
    int id = 0;                    // 1, 2… within the round; never reused, closed ones included
    std::string topic{};           // an event topic's id, or '' when `text` says what it is about
    std::string text{};            // the proposer's own words, or '' when `topic` is set
    std::int64_t proposed_by = 0;  // the attendee who proposed it; 0: a host opened it
    bool open = true;              // closed by a host: its choosers are free again
    int table = 0;                 // its table number once the round started; 0 before
    bool operator==(const TopicTable&) const = default;
};

// The topic tables of one round.
struct TopicRound {
    std::vector<TopicTable> tables;       // by id, closed ones included
    std::map<std::int64_t, int> choices;  // attendee -> the open table they chose; change it with choose()
    // Derived from `choices`: table id -> who chose it, so that a choice costs its table, not everyone.
    std::map<int, std::set<std::int64_t>> choosers;
    void choose(std::int64_t attendee, int table);  // 0: none
    const TopicTable* find(int id) const;           // nullptr when unknown
    TopicTable* find(int id);
    int open_count() const;
    int next_id() const;
};

struct EventState;

// The round whose topic tables may be opened and chosen now: the next round, when it is a topic round not
// started nor being seated, in the lobby or the break before it; 0 otherwise.
int coming_topic_round(const EventState& s, int seating_round);
// Choosers of that table still in the event (a seat is held for who left only until they are gone).
int seats_taken(const EventState& s, const TopicRound& round, int table);
// The same for every table at once: table id -> seats taken.
std::map<int, int> seats_by_table(const EventState& s, const TopicRound& round);

}  // namespace ensemble::domain
