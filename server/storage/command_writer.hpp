#pragma once
// Writes one command's records, several rows to a statement where their order allows. The caller owns the
// connection and holds a transaction (or savepoint) that undoes everything when this throws.

#include <string>
#include <vector>

#include "domain/records.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// Throws std::runtime_error naming the failing record's position and kind, never its content.
void write_command(Database& db, const std::string& event_id, const std::vector<domain::Record>& records);

}  // namespace ensemble::storage
