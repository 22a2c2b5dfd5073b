#pragma once
// An attendee's purpose (needs, offers, département, structure) in their row of `attendees` (migration 7).

#include <string>

#include "domain/purpose.hpp"
#include "domain/types.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// The purpose columns, in this order, for a SELECT: read them back with purpose_from_row.
inline constexpr const char* purpose_columns = "needs, need_text, offers, departement, structure";
// The same columns blanked, for an UPDATE's SET (erasure).
inline constexpr const char* purpose_blanked =
    "needs = '', need_text = '', offers = '', departement = '', structure = ''";

// Throws when the attendee has no row.
void write_purpose(Database& db, const std::string& event_id, domain::AttendeeId attendee,
                   const domain::Purpose& purpose);
// From the query's columns `first` onwards, as purpose_columns lists them.
domain::Purpose purpose_from_row(Statement& query, int first);

}  // namespace ensemble::storage
