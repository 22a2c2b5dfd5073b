#pragma once
// Forming a round's tables: heavy matcher work, as a job with its own copy of what it needs, so that it
// can run on another thread while the event goes on. Its result comes back as the SeatRound command.

#include <optional>
#include <unordered_set>
#include <vector>

#include "domain/settings.hpp"
#include "domain/topic_tables.hpp"
#include "matching/matcher.hpp"

namespace ensemble::domain {

struct Attendee;

// The matcher's view of an attendee in a round of that kind: organisation, and what the kind weighs
// (needs and offers for mutual help, département and its neighbours for a local round). Only those: it
// is built for everyone seated whenever someone is seated late.
matching::Person person_of(const Attendee& attendee, RoundKind kind);

// What a kind of round asks of the matcher: table sizes and the weights of the cost model.
struct RoundShape {
    matching::TableSize size;
    matching::Preferences preferences;
};
RoundShape round_shape(const EventSettings& settings, RoundKind kind);

struct SeatingJob {
    int round = 0;
    RoundKind kind = RoundKind::discovery;
    std::vector<matching::Person> people;  // everyone present, in id order
    matching::History history;
    RoundShape shape;
    std::vector<std::vector<matching::PersonId>> keep_together;  // meet again: mutual keep-in-touch pairs
    std::unordered_set<matching::PersonId> needs_first;          // mutual help: needs no round has met yet
    std::vector<TopicTable> topic_tables;                        // topic round: the open ones, by id
    std::map<matching::PersonId, int> topic_choices;             // topic round: person -> table id
    std::uint64_t seed = 0;
    int rounds_to_plan = 0;              // > 0: plan every round from this one on, then seat the first
    std::optional<matching::Plan> plan;  // else: follow this plan while attendance matches it
};

struct SeatingResult {
    std::vector<matching::Table> tables;
    std::optional<matching::Plan> plan;  // a new plan, when one was made
    std::vector<int> topic_tables{};     // topic round: the topic table id of each table, 0 for an extra one
};

// Pure and deterministic for a job.
SeatingResult form_tables(const SeatingJob& job);

// A topic round (topic_seating.cpp): choosers sit at the table they chose; a table with too few of them is
// filled, or merged away when nobody is left to fill it. The others go to open tables with room, a table
// on a topic they seek or offer first, then avoiding repeats and same-organisation pairs (the matcher's
// cost model); extra tables are formed as in a discovery round when every open table is full.
SeatingResult seat_topic_round(const SeatingJob& job);

}  // namespace ensemble::domain
