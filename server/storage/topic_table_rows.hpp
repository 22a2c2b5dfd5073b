#pragma once
// Topic tables and the choices of them in their rows (migration 8): written as records, read back on load.

#include <string>

#include "domain/records.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// The topic records' part of record_writer.cpp's visitors: their rows, and their names.
struct TopicWriter {
    Database& db;
    const std::string& event_id;
    void operator()(const domain::TopicTableOpened& r) const;
    void operator()(const domain::TopicTableClosed& r) const;
    void operator()(const domain::TopicTableChosen& r) const;
    void operator()(const domain::TopicTablesSeated& r) const;
};
struct TopicKind {
    const char* operator()(const domain::TopicTableOpened&) const { return "TopicTableOpened"; }
    const char* operator()(const domain::TopicTableClosed&) const { return "TopicTableClosed"; }
    const char* operator()(const domain::TopicTableChosen&) const { return "TopicTableChosen"; }
    const char* operator()(const domain::TopicTablesSeated&) const { return "TopicTablesSeated"; }
};

// The words of the tables an erased attendee proposed (AttendeeErased).
void erase_topic_words(Database& db, const std::string& event_id, std::int64_t attendee);

// Every round's topic tables, and the choices still held, into the state.
void read_topic_rounds(Database& db, domain::EventState& state);

}  // namespace ensemble::storage
