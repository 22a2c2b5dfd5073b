#pragma once
// The table matcher's interface: pure, no I/O, no clock, deterministic for a seed.
// The live event (domain/) only talks to the matcher through this header.

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matching/pair_key.hpp"

namespace ensemble::matching {

using Table = std::vector<PersonId>;

struct Person {
    PersonId id = 0;
    std::string organisation;  // empty: unknown; compared by organisation_key (case and accents ignored)
    std::vector<std::string> tags;
    // Why they came (domain/purpose.hpp): topic ids, and where they work. Empty: not said.
    std::vector<std::string> needs{};       // topics they seek help on
    std::vector<std::string> offers{};      // topics they can help on
    std::string departement{};              // a code such as "69"
    std::vector<std::string> neighbours{};  // the départements bordering theirs
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
    // A meeting of a live round: meeting again in the same round (moved away and back) is still one.
    void record_meeting(PersonId a, PersonId b, int round);
    int times_met(PersonId a, PersonId b) const;
    int last_round_met(PersonId a, PersonId b) const;   // 0 when never
    const Meeting* find(PersonId a, PersonId b) const;  // null when never
    // `duplicate` was `keep` all along: their meetings become keep's, and the pair of them is forgotten.
    void merge(PersonId keep, PersonId duplicate);
    std::size_t pair_count() const { return meetings().size(); }

    // Calls visit(a, b, meeting) once per pair that met, a < b.
    template <class Visit>
    void for_each(Visit&& visit) const {
        for (const auto& [pair, meeting] : meetings()) visit(pair.first, pair.second, meeting);
    }

  private:
    using Meetings = std::unordered_map<PairKey, Meeting, PairKeyHash>;
    const Meetings& meetings() const;
    Meetings& own();  // the meetings, copied first if another History shares them

    // Copies share the meetings until one of them changes: the room hands the matcher a copy at every
    // round, from its strand, and copying the 40,000 meetings of 10,000 people after two rounds cost
    // more than the matcher's work. Null while nobody met.
    std::shared_ptr<Meetings> meetings_;
};

struct Constraints {
    std::vector<std::pair<PersonId, PersonId>> never_together;
    std::vector<std::vector<PersonId>> keep_together;
};

// The weights of the cost model (pair_cost.hpp), in one place, with their defaults.
struct Preferences {
    double repeat_weight = 100.0;            // per repeated pair
    double same_organisation_weight = 10.0;  // per pair of the same organisation at a table
    double recency_weight = 1.0;             // extra cost for repeats met recently rather than long ago
    bool keep_organisations_apart = false;   // same-organisation pairs become a hard constraint
    // Local rounds: pairs from different départements. Off (0) unless a round is about the territory.
    double neighbouring_weight = 0.0;  // per pair from bordering départements
    double distant_weight = 0.0;       // per pair from départements neither the same nor bordering
};

struct RoundRequest {
    std::vector<Person> people;
    const History* history = nullptr;  // may be null: nobody met yet
    TableSize size;
    Constraints constraints;
    Preferences preferences;
    int round = 1;  // the round being formed, used to weigh recency
    std::uint64_t seed = 1;
    // The search runs a fixed amount of work (max_steps, or when 0 a step and evaluation count chosen
    // from the size) so that a seed always gives the same tables; the budget is only a safety cap.
    std::chrono::milliseconds budget{100};
    std::int64_t max_steps = 0;
    const std::vector<Table>* start = nullptr;  // optional seating to improve on, e.g. a planned round
};

struct Report {
    int repeated_pairs = 0;  // sum over pairs of max(0, times met - 1), history included
    int same_organisation_pairs = 0;
    std::vector<int> table_sizes;  // of the last round formed
    double seconds = 0;
    bool proven_optimal = false;        // true when the new tables add no repeat at all
    std::vector<std::string> problems;  // sizes or hard constraints that could not be met, in words
    int new_repeated_pairs = 0;         // repeats added by the new tables alone
    std::int64_t steps = 0;             // local search steps taken
    bool from_plan = false;             // the round was taken from a plan as it stood
    std::int64_t cost = 0;              // the cost model's price of the tables formed, given the history
    int needs = 0;                      // people of the last round formed who seek help (needs.hpp)
    int needs_met = 0;                  // of them, those seated with someone who offers what they seek
};

struct RoundResult {
    std::vector<Table> tables;
    Report report;
};

// Forms one round's tables for the people present.
RoundResult next_round(const RoundRequest& request);

// Every round for a known list of people, optimised together rather than one round after another.
struct PlanRequest {
    std::vector<Person> people;
    int rounds = 1;
    const History* history = nullptr;  // may be null: nobody met yet
    TableSize size;
    Constraints constraints;
    Preferences preferences;
    int first_round = 1;  // number of the first planned round
    std::uint64_t seed = 1;
    // Safety cap, as for RoundRequest; with max_steps 0 the search's step and patience caps grow with it,
    // so that more time buys more search while a seed and a budget still give the same tables.
    std::chrono::milliseconds budget{10000};
    std::int64_t max_steps = 0;  // 0: chosen from the budget
    // When repeats remain, also tries one more, smaller table each round and keeps it if it repeats less
    // (the policy of table_sizes.hpp, as live rounds do).
    bool smaller_tables_when_repeating = false;
};

struct Plan {
    int first_round = 1;
    std::vector<std::vector<Table>> rounds;
    Report report;  // repeats and same-organisation pairs over the whole plan
};

Plan plan_rounds(const PlanRequest& request);

// The planned round request.round when the people present are exactly those of the plan, it adds no
// repeat to the request's history and keeps its hard constraints; otherwise a live round started from the
// planned one (absentees removed, newcomers seated), or a plain live round when the plan has no such round.
RoundResult next_round_from_plan(const Plan& plan, const RoundRequest& request);

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
    const Constraints* constraints = nullptr;  // may be null; never_together is honoured when given
};

// Seats someone who arrives during a round, moving nobody else when a table has room.
std::vector<Move> seat_late_joiner(const LiveContext& context, const Person& joiner);

// After someone left (already removed from the tables): moves as few people as possible
// so that nobody sits alone. An empty table is simply dropped by the caller.
std::vector<Move> rebalance_after_leave(const LiveContext& context);

}  // namespace ensemble::matching
