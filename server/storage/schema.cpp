#include "storage/schema.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include "storage/sqlite.hpp"

namespace ensemble::storage {

namespace {

// Migration n (1-based) takes the file from version n-1 to n. Never edit a released one: append.
constexpr std::array<const char*, 10> migrations = {
    // 1: live events and everything a restart needs to resume them.
    R"sql(
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    settings TEXT NOT NULL,              -- EventSettings as JSON
    created_at INTEGER NOT NULL,         -- ms since the Unix epoch, as every time here
    phase TEXT NOT NULL,                 -- domain::to_string(Phase)
    round INTEGER NOT NULL DEFAULT 0,
    deadline INTEGER,                    -- NULL when no timer runs
    paused INTEGER NOT NULL DEFAULT 0,
    remaining_ms INTEGER NOT NULL DEFAULT 0,
    host_credential_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX events_unfinished ON events (created_at) WHERE phase <> 'ended';

CREATE TABLE attendees (
    event_id TEXT NOT NULL REFERENCES events (id),
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL,                -- domain::to_string(AttendeeStatus)
    joined_at INTEGER NOT NULL,
    status_changed_at INTEGER,
    credential_hash TEXT NOT NULL UNIQUE,
    PRIMARY KEY (event_id, id)
);

CREATE TABLE rounds (
    event_id TEXT NOT NULL REFERENCES events (id),
    round INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    PRIMARY KEY (event_id, round)
);

CREATE TABLE seats (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    table_number INTEGER NOT NULL CHECK (table_number >= 1),
    attendee_id INTEGER NOT NULL,
    seated_at INTEGER NOT NULL,
    left_at INTEGER,                     -- NULL while the seat is taken
    FOREIGN KEY (event_id, attendee_id) REFERENCES attendees (event_id, id)
);
CREATE INDEX seats_by_round ON seats (event_id, round, table_number);
CREATE INDEX seats_by_attendee ON seats (event_id, attendee_id);

CREATE TABLE encounters (
    event_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    table_number INTEGER NOT NULL,
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    PRIMARY KEY (event_id, round, a, b),
    CHECK (a < b),
    FOREIGN KEY (event_id, a) REFERENCES attendees (event_id, id),
    FOREIGN KEY (event_id, b) REFERENCES attendees (event_id, id)
);

CREATE TABLE chat_messages (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    table_number INTEGER NOT NULL,
    attendee_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    at INTEGER NOT NULL,
    FOREIGN KEY (event_id, attendee_id) REFERENCES attendees (event_id, id)
);
CREATE INDEX chat_by_table ON chat_messages (event_id, round, table_number, id);

CREATE TABLE announcements (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id),
    text TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX announcements_by_event ON announcements (event_id, id);
)sql",
    // 2: the plan of every round made at the start, so a restarted event follows the same plan.
    R"sql(
CREATE TABLE plans (
    event_id TEXT PRIMARY KEY REFERENCES events (id),
    first_round INTEGER NOT NULL,
    rounds TEXT NOT NULL                 -- JSON: rounds, each an array of tables of attendee ids
);
)sql",
    // 3: cheaper round starts, the same rows. Encounters are their primary key alone (no rowid table
    // beside it), without foreign keys: every pair is of people seated at that table, and the seats' own
    // key already checks them, while checking again cost 40% of a round start. Seats keep one index,
    // which finds a round's tables and the seat a leaver held.
    R"sql(
CREATE TABLE encounters_by_key (
    event_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    table_number INTEGER NOT NULL,
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    PRIMARY KEY (event_id, round, a, b),
    CHECK (a < b)
) WITHOUT ROWID;
INSERT INTO encounters_by_key (event_id, round, table_number, a, b)
    SELECT event_id, round, table_number, a, b FROM encounters;
DROP TABLE encounters;
ALTER TABLE encounters_by_key RENAME TO encounters;

DROP INDEX seats_by_round;
DROP INDEX seats_by_attendee;
CREATE INDEX seats_by_table ON seats (event_id, round, table_number, attendee_id);
)sql",
    // 4: an entry the host merged into another (the same person), which carries on in its place.
    R"sql(
ALTER TABLE attendees ADD COLUMN merged_into INTEGER;
)sql",
    // 5: several people run an event: a host link each (the creator's is link 1, taken from the events'
    // own column, which keeps the hash it was created with), and the log of who did what.
    R"sql(
CREATE TABLE host_links (
    event_id TEXT NOT NULL REFERENCES events (id),
    id INTEGER NOT NULL,
    name TEXT NOT NULL,                  -- '' for a creator who gave none
    credential_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    created_by INTEGER NOT NULL DEFAULT 0,  -- the link that made it; 0 for the creator's
    revoked_at INTEGER,                  -- NULL while it works
    PRIMARY KEY (event_id, id)
);
INSERT INTO host_links (event_id, id, name, credential_hash, created_at)
    SELECT id, 1, '', host_credential_hash, created_at FROM events;

CREATE TABLE host_actions (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id),
    host_link INTEGER NOT NULL,          -- who did it
    kind TEXT NOT NULL,                  -- domain::to_string(HostAction::Kind)
    at INTEGER NOT NULL,
    number INTEGER NOT NULL DEFAULT 0,   -- round, minutes or table, by kind
    attendee_id INTEGER NOT NULL DEFAULT 0,
    into_attendee_id INTEGER NOT NULL DEFAULT 0,  -- a merge's entry kept
    link_id INTEGER NOT NULL DEFAULT 0,  -- the link created or revoked
    text TEXT NOT NULL DEFAULT ''        -- a broadcast
);
CREATE INDEX host_actions_by_event ON host_actions (event_id, id);
)sql",
    // 6: after the event. Whether people really talked (per round and tablemate), whom they want to keep
    // in touch with (per person), how useful each table was, and their presence measured per seat; contacts
    // shared only between two people who both wish to keep in touch; read-only staff links; series of
    // events; erasure that leaves an anonymous entry so that counts stay true; when an event ended, for
    // its retention.
    R"sql(
ALTER TABLE attendees ADD COLUMN email TEXT NOT NULL DEFAULT '';  -- '' when not given
ALTER TABLE attendees ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE attendees ADD COLUMN erased_at INTEGER;  -- name, organisation, role, contacts, chat, answers gone

ALTER TABLE seats ADD COLUMN visible_ms INTEGER NOT NULL DEFAULT 0;  -- connected, seated, page visible
ALTER TABLE seats ADD COLUMN chat_sent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE seats ADD COLUMN video_opened INTEGER NOT NULL DEFAULT 0;
-- One person's seats in a round (the review finds the table each rating is about).
CREATE INDEX seats_by_attendee_round ON seats (event_id, attendee_id, round);

-- "Nous avons échangé", one attendee about one tablemate of one round: 1 yes, 0 not really.
CREATE TABLE talked_answers (
    event_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    attendee_id INTEGER NOT NULL,
    about INTEGER NOT NULL,
    talked INTEGER NOT NULL CHECK (talked IN (0, 1)),
    at INTEGER NOT NULL,
    PRIMARY KEY (event_id, round, attendee_id, about)
) WITHOUT ROWID;

-- "Garder le contact": a row while the wish holds; two rows facing each other make a mutual contact.
CREATE TABLE contact_wishes (
    event_id TEXT NOT NULL,
    attendee_id INTEGER NOT NULL,
    about INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (event_id, attendee_id, about)
) WITHOUT ROWID;

-- "Cette table m'a été utile", 1 to 5.
CREATE TABLE table_ratings (
    event_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    attendee_id INTEGER NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    at INTEGER NOT NULL,
    PRIMARY KEY (event_id, round, attendee_id)
) WITHOUT ROWID;

-- A link is a host's (full control) or a staff member's (review and exports only).
ALTER TABLE host_links ADD COLUMN role TEXT NOT NULL DEFAULT 'host';

CREATE TABLE series (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    credential_hash TEXT NOT NULL UNIQUE  -- the series' staff link
);
ALTER TABLE events ADD COLUMN series_id TEXT REFERENCES series (id);
ALTER TABLE events ADD COLUMN ended_at INTEGER;
CREATE INDEX events_by_series ON events (series_id) WHERE series_id IS NOT NULL;
)sql",
    // 7: profiles with purpose. The event's topics live in its settings (JSON, like its prompts); each
    // attendee's needs, offers, département and type of structure are columns, '' when not given. Topic ids
    // never hold a space, so a list of them is written space-separated.
    R"sql(
ALTER TABLE attendees ADD COLUMN needs TEXT NOT NULL DEFAULT '';      -- topic ids
ALTER TABLE attendees ADD COLUMN need_text TEXT NOT NULL DEFAULT '';  -- one sentence: personal data
ALTER TABLE attendees ADD COLUMN offers TEXT NOT NULL DEFAULT '';     -- topic ids
ALTER TABLE attendees ADD COLUMN departement TEXT NOT NULL DEFAULT '';  -- shared/departements.json code
ALTER TABLE attendees ADD COLUMN structure TEXT NOT NULL DEFAULT '';    -- shared/structures.json id
)sql",
    // 8: topic tables of a topic round (storage/topic_table_rows.cpp): opened by a host (proposed_by 0) or
    // an attendee, on an event topic or in the proposer's words; a closed one stays, so ids are not reused
    // and a proposal counts; table_number once its round started. Each attendee's choice, one a round.
    R"sql(
CREATE TABLE topic_tables (
    event_id TEXT NOT NULL REFERENCES events (id),
    round INTEGER NOT NULL,
    id INTEGER NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    proposed_by INTEGER NOT NULL DEFAULT 0,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER,
    table_number INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, round, id)
) WITHOUT ROWID;
CREATE TABLE topic_choices (
    event_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    attendee_id INTEGER NOT NULL,
    table_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (event_id, round, attendee_id),
    FOREIGN KEY (event_id, attendee_id) REFERENCES attendees (event_id, id)
) WITHOUT ROWID;
)sql",
    // 9: cheaper round starts again. A round start put each of its seats in a random place of the index by
    // attendee, which cost more than all its other rows together. Its readers do without it: the review
    // finds the table each rating is about in one pass over the event's seats, a merge finds the
    // duplicate's seats in seats_by_table (it holds attendee_id), and a purge deletes the seats first.
    R"sql(
DROP INDEX seats_by_attendee_round;
)sql",
    // 10: who met whom is read from the seats, no longer written beside them (a round start's 20,000
    // meetings at 10,000 attendees were a third of its commit). Two people met in a round when one took a
    // seat at a table while the other's seat there was still held; a pair that met at two tables of one
    // round counts once, at the first. Seats are numbered in the order they are taken, and a seat left
    // keeps the number of the last seat then taken at its table: times in milliseconds could not tell a
    // seat left from one taken in the same millisecond. Seats left before this version are numbered from
    // their times, as best they tell.
    R"sql(
ALTER TABLE seats ADD COLUMN left_after INTEGER;  -- NULL while the seat is held
UPDATE seats SET left_after = (
    SELECT MAX(s.id) FROM seats s WHERE s.event_id = seats.event_id AND s.round = seats.round
        AND s.table_number = seats.table_number AND s.seated_at < seats.left_at)
    WHERE left_at IS NOT NULL;
DROP TABLE encounters;
CREATE VIEW encounters AS
SELECT x.event_id AS event_id, x.round AS round, x.table_number AS table_number, x.attendee_id AS a,
       y.attendee_id AS b, MIN(MAX(x.id, y.id)) AS met_at_seat  -- the table is that of this first meeting
FROM seats x
JOIN seats y ON y.event_id = x.event_id AND y.round = x.round AND y.table_number = x.table_number
    AND y.attendee_id > x.attendee_id
WHERE CASE WHEN x.id < y.id THEN IFNULL(x.left_after, y.id) >= y.id ELSE IFNULL(y.left_after, x.id) >= x.id END
GROUP BY x.event_id, x.round, x.attendee_id, y.attendee_id;
)sql",
};

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations.size()); }

const char* migration_sql(int version) { return migrations.at(static_cast<std::size_t>(version - 1)); }

int schema_version(Database& db) {
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    auto query = db.prepare("SELECT MAX(version) FROM schema_version");
    if (!query->step()) return 0;
    return static_cast<int>(query->column_optional_int64(0).value_or(0));
}

void migrate(Database& db) {
    const int found = schema_version(db);
    if (found > latest_schema_version())
        throw std::runtime_error("storage: database " + db.path() + " is at schema version " +
                                 std::to_string(found) + ", newer than this server's " +
                                 std::to_string(latest_schema_version()) + ": upgrade the server");
    for (int version = found + 1; version <= latest_schema_version(); ++version) {
        Transaction transaction(db);
        // Re-read under the write lock: another process may have migrated in the meantime.
        if (schema_version(db) >= version) continue;
        try {
            db.execute(migrations[static_cast<std::size_t>(version - 1)]);
        } catch (const std::runtime_error& e) {
            throw std::runtime_error(std::string(e.what()) + " (migration to schema version " +
                                     std::to_string(version) + ")");
        }
        db.prepare("INSERT INTO schema_version (version) VALUES (?1)")->bind(1, version).run();
        transaction.commit();
    }
}

}  // namespace ensemble::storage
