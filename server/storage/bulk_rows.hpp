#pragma once
// The bulk of a round start, several rows to a statement: the same rows as write_record
// (record_writer.hpp), in the same order. The caller owns the connection and holds a transaction.

#include <bit>
#include <cstddef>
#include <span>
#include <string>

#include "domain/records.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// A power of two of rows up to max_rows_per_statement, so that few statements are cached; throws when any
// of them cannot be written, and the statement writes none.
constexpr std::size_t max_rows_per_statement = 128;  // 513 parameters, under the 999 of SQLite before 3.32
static_assert(std::has_single_bit(max_rows_per_statement));
void write_seats(Database& db, const std::string& event_id, std::span<const domain::Seated* const> seats);

}  // namespace ensemble::storage
