#pragma once
// Writes one domain record as rows. The caller owns the connection and holds a transaction.

#include <bit>
#include <cstddef>
#include <span>
#include <string>

#include "domain/records.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// Throws std::runtime_error when the record cannot be written or finds no row to change.
void write_record(Database& db, const std::string& event_id, const domain::Record& record);

// The bulk of a round start, several rows to a statement: the same rows as write_record, in the same
// order. A power of two of them up to max_rows_per_statement, so that few statements are cached; throws
// when any of them cannot be written, and the statement writes none.
constexpr std::size_t max_rows_per_statement = 128;  // 513 parameters, under the 999 of SQLite before 3.32
static_assert(std::has_single_bit(max_rows_per_statement));
void write_meetings(Database& db, const std::string& event_id, std::span<const domain::Met* const> meetings);
void write_seats(Database& db, const std::string& event_id, std::span<const domain::Seated* const> seats);

// The record's kind, for error messages: never its content.
const char* record_kind(const domain::Record& record);

}  // namespace ensemble::storage
