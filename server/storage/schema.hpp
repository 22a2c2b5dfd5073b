#pragma once
// The database schema, as an ordered list of migrations recorded in the schema_version table.

namespace ensemble::storage {

class Database;

// The version this build writes; a file at a higher version is refused rather than misread.
int latest_schema_version();

// The version the file is at; 0 for a new, empty file.
int schema_version(Database& db);

// Applies every migration the file lacks, each in its own transaction. Called by Database's constructor.
void migrate(Database& db);

// The SQL of migration `version` (1 to latest), for tests that build a file as an older server left it.
const char* migration_sql(int version);

}  // namespace ensemble::storage
