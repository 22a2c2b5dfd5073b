#include "domain/topic_tables.hpp"

#include <algorithm>

#include "domain/types.hpp"

namespace ensemble::domain {

const TopicTable* TopicRound::find(int id) const {
    auto it = std::find_if(tables.begin(), tables.end(), [&](const TopicTable& t) { return t.id == id; });
    return it == tables.end() ? nullptr : &*it;
}

TopicTable* TopicRound::find(int id) {
    return const_cast<TopicTable*>(static_cast<const TopicRound&>(*this).find(id));
}

void TopicRound::choose(std::int64_t attendee, int table) {
    if (auto it = choices.find(attendee); it != choices.end()) {
        choosers[it->second].erase(attendee);
        choices.erase(it);
    }
    if (table == 0) return;
    choices[attendee] = table;
    choosers[table].insert(attendee);
}

int TopicRound::open_count() const {
    return static_cast<int>(
        std::count_if(tables.begin(), tables.end(), [](const auto& t) { return t.open; }));
}

int TopicRound::next_id() const { return tables.empty() ? 1 : tables.back().id + 1; }

int coming_topic_round(const EventState& s, int seating_round) {
    if (seating_round || (s.phase != Phase::lobby && s.phase != Phase::pause_between_rounds)) return 0;
    int round = s.round + 1;
    if (round > s.settings.rounds || kind_of_round(s.settings, round) != RoundKind::topic_tables) return 0;
    return round;
}

namespace {

bool still_in(const EventState& s, std::int64_t attendee) {
    auto it = s.attendees.find(attendee);
    return it != s.attendees.end() && it->second.status == AttendeeStatus::active;
}

}  // namespace

int seats_taken(const EventState& s, const TopicRound& round, int table) {
    auto it = round.choosers.find(table);
    if (it == round.choosers.end()) return 0;
    return static_cast<int>(std::count_if(it->second.begin(), it->second.end(),
                                          [&](auto attendee) { return still_in(s, attendee); }));
}

std::map<int, int> seats_by_table(const EventState& s, const TopicRound& round) {
    std::map<int, int> taken;
    for (const auto& [attendee, chosen] : round.choices)
        if (still_in(s, attendee)) ++taken[chosen];
    return taken;
}

}  // namespace ensemble::domain
