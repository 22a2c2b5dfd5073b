#pragma once
// The table matcher's interface: pure, no I/O, no clock, deterministic for a seed.
// The live event (domain/) only talks to the matcher through this header.

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ensemble::matching {

using PersonId = std::int64_t;
using Table = std::vector<PersonId>;

struct Person {
    PersonId id = 0;
    std::string organisation;  // empty: unknown, never counts as "same organisation"
    std::vector<std::string> tags;
};

// Target table size and the range a table may take.
struct TableSize {
    int target = 4;
    int min = 3;
    int max = 5;
};

// How many times each pair has shared a table, and the last round they did.
class History {
public:
    struct Meeting {
        int times = 0;
        int last_round = 0;
    };

    void record_table(std::span<const PersonId> table, int round);
    void record_pair(PersonId a, PersonId b, int round);
    int times_met(PersonId a, PersonId b) const;
    int last_round_met(PersonId a, PersonId b) const;  // 0 when never
    std::size_t pair_count() const { return meetings_.size(); }

private:
    static std::uint64_t key(PersonId a, PersonId b);
    std::unordered_map<std::uint64_t, Meeting> meetings_;
};

struct Constraints {
    std::vector<std::pair<PersonId, PersonId>> never_together;
    std::vector<std::vector<PersonId>> keep_together;
};

struct Preferences {
    double repeat_weight = 100.0;          // per repeated pair
    double same_organisation_weight = 10.0;  // per pair of the same organisation at a table
    double recency_weight = 1.0;           // extra cost for repeats met recently rather than long ago
};

struct RoundRequest {
    std::vector<Person> people;
    const History* history = nullptr;  // may be null: nobody met yet
    TableSize size;
    Constraints constraints;
    Preferences preferences;
    int round = 1;  // the round being formed, used to weigh recency
    std::uint64_t seed = 1;
    std::chrono::milliseconds budget{100};
};

struct Report {
    int repeated_pairs = 0;  // sum over pairs of max(0, times met - 1), history included
    int same_organisation_pairs = 0;
    std::vector<int> table_sizes;
    double seconds = 0;
    bool proven_optimal = false;        // true when repeats are zero
    std::vector<std::string> problems;  // sizes or hard constraints that could not be met, in words
};

struct RoundResult {
    std::vector<Table> tables;
    Report report;
};

// Forms one round's tables for the people present.
RoundResult next_round(const RoundRequest& request);

// A change to live tables. to_table == tables.size() opens a new table (several moves may share it).
struct Move {
    PersonId person = 0;
    std::size_t to_table = 0;
};

// What live repairs know about the room.
struct LiveContext {
    const std::vector<Table>* tables = nullptr;
    const std::unordered_map<PersonId, Person>* people = nullptr;  // organisations of everyone seated
    const History* history = nullptr;
    TableSize size;
    Preferences preferences;
    int round = 1;
};

// Seats someone who arrives during a round, moving nobody else.
std::vector<Move> seat_late_joiner(const LiveContext& context, const Person& joiner);

// After someone left (already removed from the tables): moves as few people as possible
// so that nobody sits alone. An empty table is simply dropped by the caller.
std::vector<Move> rebalance_after_leave(const LiveContext& context);

}  // namespace ensemble::matching
