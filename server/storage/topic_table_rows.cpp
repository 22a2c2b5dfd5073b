#include "storage/topic_table_rows.hpp"

#include <stdexcept>

namespace ensemble::storage {

void TopicWriter::operator()(const domain::TopicTableOpened& r) const {
    const auto& t = r.table;
    db.prepare(
          "INSERT INTO topic_tables (event_id, round, id, topic, text, proposed_by, opened_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        ->bind(1, event_id)
        .bind(2, r.round)
        .bind(3, t.id)
        .bind(4, t.topic)
        .bind(5, t.text)
        .bind(6, t.proposed_by)
        .bind(7, r.at)
        .run();
}

// Its choosers are free again: their rows go with it.
void TopicWriter::operator()(const domain::TopicTableClosed& r) const {
    auto update =
        db.prepare("UPDATE topic_tables SET closed_at = ?4 WHERE event_id = ?1 AND round = ?2 AND id = ?3");
    update->bind(1, event_id).bind(2, r.round).bind(3, r.table).bind(4, r.at).run();
    if (update->changes() == 0) throw std::runtime_error("storage: no such topic table to close");
    db.prepare("DELETE FROM topic_choices WHERE event_id = ?1 AND round = ?2 AND table_id = ?3")
        ->bind(1, event_id)
        .bind(2, r.round)
        .bind(3, r.table)
        .run();
}

void TopicWriter::operator()(const domain::TopicTableChosen& r) const {
    if (r.table == 0) {
        db.prepare("DELETE FROM topic_choices WHERE event_id = ?1 AND round = ?2 AND attendee_id = ?3")
            ->bind(1, event_id)
            .bind(2, r.round)
            .bind(3, r.attendee)
            .run();
        return;
    }
    db.prepare(
          "INSERT OR REPLACE INTO topic_choices (event_id, round, attendee_id, table_id, at) "
          "VALUES (?1, ?2, ?3, ?4, ?5)")
        ->bind(1, event_id)
        .bind(2, r.round)
        .bind(3, r.attendee)
        .bind(4, r.table)
        .bind(5, r.at)
        .run();
}

void TopicWriter::operator()(const domain::TopicTablesSeated& r) const {
    auto update = db.prepare(
        "UPDATE topic_tables SET table_number = ?4 WHERE event_id = ?1 AND round = ?2 AND id = ?3");
    for (const auto& [id, number] : r.tables) {
        update->reset();
        update->bind(1, event_id).bind(2, r.round).bind(3, id).bind(4, number).run();
    }
}

void erase_topic_words(Database& db, const std::string& event_id, std::int64_t attendee) {
    db.prepare("UPDATE topic_tables SET text = '' WHERE event_id = ?1 AND proposed_by = ?2")
        ->bind(1, event_id)
        .bind(2, attendee)
        .run();
}

void read_topic_rounds(Database& db, domain::EventState& state) {
    auto tables = db.prepare(
        "SELECT round, id, topic, text, proposed_by, closed_at IS NULL, table_number FROM topic_tables "
        "WHERE event_id = ?1 ORDER BY round, id");
    tables->bind(1, state.id);
    while (tables->step()) {
        domain::TopicTable table{tables->column_int(1),   tables->column_text(2),     tables->column_text(3),
                                 tables->column_int64(4), tables->column_int(5) != 0, tables->column_int(6)};
        state.topic_rounds[tables->column_int(0)].tables.push_back(std::move(table));
    }
    auto choices = db.prepare(
        "SELECT round, attendee_id, table_id FROM topic_choices WHERE event_id = ?1 ORDER BY round");
    choices->bind(1, state.id);
    while (choices->step())
        state.topic_rounds[choices->column_int(0)].choose(choices->column_int64(1), choices->column_int(2));
}

}  // namespace ensemble::storage
