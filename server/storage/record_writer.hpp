#pragma once
// Writes one domain record as rows. The caller owns the connection and holds a transaction.

#include <cstddef>
#include <span>
#include <string>

#include "domain/records.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// Throws std::runtime_error when the record cannot be written or finds no row to change.
void write_record(Database& db, const std::string& event_id, const domain::Record& record);

// The record's kind, for error messages: never its content.
const char* record_kind(const domain::Record& record);

}  // namespace ensemble::storage
