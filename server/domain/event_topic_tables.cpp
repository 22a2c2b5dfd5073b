// « Tables thématiques »: hosts open and close tables for the coming topic round, attendees propose one and
// choose one, each capped at the event's largest table. Seating them is domain/topic_seating.cpp.
#include <algorithm>

#include "domain/event_apply.hpp"
#include "domain/text.hpp"

namespace ensemble::domain {

int Event::Apply::coming_topic_round() {
    if (int round = domain::coming_topic_round(s, event.seating_round_)) return round;
    int next = s.round + 1;
    if (event.seating_round_ || s.phase == Phase::round)
        refuse(ErrorCode::wrong_phase, "topic tables are chosen before their round starts");
    else if (next > s.settings.rounds || kind_of_round(s.settings, next) != RoundKind::topic_tables)
        refuse(ErrorCode::wrong_phase, "the coming round is not a topic tables round");
    else
        refuse(ErrorCode::wrong_phase, "topic tables are chosen before their round starts");
    return 0;
}

// On an event topic, or on the proposer's own words: one of the two.
bool Event::Apply::open_topic_table(int round, const std::string& topic, const std::string& words,
                                    AttendeeId by) {
    std::string text = trimmed(words);
    if (topic.empty() == text.empty())
        return refuse(ErrorCode::invalid_field, "give either a topic or your own words", "topic");
    const auto& topics = s.settings.topics;
    if (!topic.empty() &&
        std::none_of(topics.begin(), topics.end(), [&](const Topic& t) { return t.id == topic; }))
        return refuse(ErrorCode::invalid_field, "topic must be one of the event's topics", "topic");
    if (auto problem = text.empty() ? std::nullopt : text_problem(text, 1, max_topic_table_chars))
        return refuse(ErrorCode::invalid_field, "text " + *problem, "text");
    auto& tables = s.topic_rounds[round];
    if (tables.open_count() >= static_cast<int>(max_topic_tables))
        return refuse(ErrorCode::table_full, "no more topic tables can be opened for this round");
    TopicTable table{tables.next_id(), topic, text, by};
    tables.tables.push_back(table);
    fx.records.push_back(TopicTableOpened{round, table, now});
    topic_tables_changed();
    return true;
}

void Event::Apply::topic_tables_changed() { fx.outbox.topic_tables_changed(); }

// What an erased attendee wrote goes (storage blanks it with AttendeeErased): a table of the coming round
// they proposed is closed, its choosers free again; one of a past round keeps its seats, without the words.
void Event::Apply::erase_topic_words(AttendeeId attendee) {
    int coming = domain::coming_topic_round(s, event.seating_round_);
    for (auto& [round, tables] : s.topic_rounds)
        for (auto& table : tables.tables) {
            if (table.proposed_by != attendee || table.text.empty()) continue;
            table.text.clear();
            if (round != coming || !table.open) continue;
            table.open = false;
            for (auto chooser : std::set<AttendeeId>(tables.choosers[table.id])) {
                tables.choose(chooser, 0);
                fx.outbox.personal_changed(chooser);
            }
            fx.records.push_back(TopicTableClosed{round, table.id, now});
            topic_tables_changed();
        }
}

// The duplicate's choice for the coming topic round becomes keep's, unless keep chose a table already.
void Event::Apply::merge_topic_choices(AttendeeId duplicate, AttendeeId keep) {
    int round = domain::coming_topic_round(s, event.seating_round_);
    auto tables = s.topic_rounds.find(round);
    if (!round || tables == s.topic_rounds.end()) return;
    auto& choices = tables->second.choices;
    auto chosen = choices.find(duplicate);
    if (chosen == choices.end()) return;
    int table = chosen->second;
    tables->second.choose(duplicate, 0);
    fx.records.push_back(TopicTableChosen{round, duplicate, 0, now});
    if (!choices.count(keep)) {
        tables->second.choose(keep, table);
        fx.records.push_back(TopicTableChosen{round, keep, table, now});
        fx.outbox.personal_changed(keep);
    }
    topic_tables_changed();
}

void Event::Apply::operator()(const OpenTopicTable& c) {
    if (int round = coming_topic_round()) open_topic_table(round, c.topic, c.text, 0);
}

// Its choosers are free again, and hear it in their own `me`.
void Event::Apply::operator()(const CloseTopicTable& c) {
    int round = coming_topic_round();
    if (!round) return;
    auto& tables = s.topic_rounds[round];
    auto* table = tables.find(c.table);
    if (!table || !table->open) return (void)refuse(ErrorCode::not_found, "no such topic table", "table");
    table->open = false;
    for (auto attendee : std::set<AttendeeId>(tables.choosers[c.table])) {
        tables.choose(attendee, 0);
        fx.outbox.personal_changed(attendee);
    }
    fx.records.push_back(TopicTableClosed{round, c.table, now});
    topic_tables_changed();
}

// One proposal per attendee and round; so many tables at most that each can be filled; the proposer sits
// at the table they proposed.
void Event::Apply::operator()(const ProposeTopicTable& c) {
    if (!active_attendee(actor.attendee))
        return (void)refuse(ErrorCode::forbidden, "you have left this event");
    int round = coming_topic_round();
    if (!round) return;
    auto& tables = s.topic_rounds[round];
    if (std::any_of(tables.tables.begin(), tables.tables.end(),
                    [&](const TopicTable& t) { return t.proposed_by == actor.attendee; }))
        return (void)refuse(ErrorCode::forbidden, "you have already proposed a table for this round");
    auto active = std::count_if(s.attendees.begin(), s.attendees.end(),
                                [](const auto& a) { return a.second.status == AttendeeStatus::active; });
    int most = std::max<int>(1, static_cast<int>(active) / s.settings.min_table_size);
    if (tables.open_count() >= most)
        return (void)refuse(ErrorCode::table_full,
                            "as many topic tables are open as the attendees can fill: choose one of them");
    if (!open_topic_table(round, c.topic, c.text, actor.attendee)) return;
    (*this)(ChooseTopicTable{tables.tables.back().id});
}

void Event::Apply::operator()(const ChooseTopicTable& c) {
    if (!active_attendee(actor.attendee))
        return (void)refuse(ErrorCode::forbidden, "you have left this event");
    int round = coming_topic_round();
    if (!round) return;
    auto& tables = s.topic_rounds[round];
    auto mine = tables.choices.find(actor.attendee);
    int before = mine == tables.choices.end() ? 0 : mine->second;
    if (c.table != 0) {
        const auto* table = tables.find(c.table);
        if (!table || !table->open) return (void)refuse(ErrorCode::not_found, "no such topic table", "table");
        if (before != c.table && seats_taken(s, tables, c.table) >= s.settings.max_table_size)
            return (void)refuse(ErrorCode::table_full, "this topic table is full: choose another one",
                                "table");
    }
    fx.outbox.personal_changed(actor.attendee);  // their own `me` carries their choice
    if (before == c.table) return;
    tables.choose(actor.attendee, c.table);
    fx.records.push_back(TopicTableChosen{round, actor.attendee, c.table, now});
    topic_tables_changed();
}

}  // namespace ensemble::domain
