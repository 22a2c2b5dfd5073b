#include "storage/purge.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "storage/settings_json.hpp"

namespace ensemble::storage {
namespace {

constexpr domain::TimeMs day_ms = domain::TimeMs{24} * 3600 * 1000;

// Every table holding rows of an event, those that refer to others first (foreign keys are on).
constexpr const char* event_tables[] = {
    "seats",          "chat_messages",  "announcements", "plans",  "host_actions",
    "talked_answers", "contact_wishes", "table_ratings", "rounds", "host_links",
    "topic_choices",  "topic_tables",   "attendees",
};

domain::Phase phase_of(const std::string& text) {
    auto phase = domain::phase_from_string(text);
    if (!phase) throw std::runtime_error("storage: unknown phase '" + text + "'");
    return *phase;
}

void delete_series_if_empty(Database& db, const std::string& series_id) {
    db.prepare("DELETE FROM series WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM events WHERE series_id = ?1)")
        ->bind(1, series_id)
        .run();
}

}  // namespace

void enable_secure_delete(Database& db) { db.execute("PRAGMA secure_delete = ON"); }

std::optional<domain::TimeMs> retention_start(domain::Phase phase, domain::TimeMs created_at,
                                              std::optional<domain::TimeMs> ended_at) {
    if (phase == domain::Phase::ended) return ended_at.value_or(created_at + domain::lobby_lifetime_ms);
    if (phase == domain::Phase::lobby) return created_at + domain::lobby_lifetime_ms;
    return std::nullopt;
}

Expired find_expired(Database& db, domain::TimeMs now) {
    Expired found;
    auto& expired = found.events;
    Transaction transaction(db, Transaction::Mode::deferred);
    {
        auto events = db.prepare(
            "SELECT id, settings, phase, created_at, ended_at FROM events WHERE phase IN ('ended', 'lobby')");
        while (events->step()) {
            auto start = retention_start(phase_of(events->column_text(2)), events->column_int64(3),
                                         events->column_optional_int64(4));
            auto retention_days = settings_from_json(events->column_text(1)).retention_days;
            if (!start || *start + retention_days * day_ms >= now) continue;
            expired.push_back({events->column_text(0), *start, 0});
        }
    }
    auto count = db.prepare("SELECT COUNT(*) FROM attendees WHERE event_id = ?1");
    for (auto& event : expired) {
        count->reset();
        count->bind(1, event.id);
        if (count->step()) event.attendees = count->column_int64(0);
    }
    auto empty = db.prepare(
        "SELECT id FROM series WHERE created_at + ?1 < ?2 AND NOT EXISTS "
        "(SELECT 1 FROM events WHERE series_id = series.id) ORDER BY created_at, id");
    empty->bind(1, domain::lobby_lifetime_ms).bind(2, now);
    while (empty->step()) found.empty_series.push_back(empty->column_text(0));
    transaction.commit();
    std::sort(expired.begin(), expired.end(), [](const PurgedEvent& a, const PurgedEvent& b) {
        return a.ended_at != b.ended_at ? a.ended_at < b.ended_at : a.id < b.id;
    });
    return found;
}

bool delete_event_rows(Database& db, const std::string& event_id) {
    Transaction transaction(db);
    std::optional<std::string> series;
    {
        auto of = db.prepare("SELECT series_id FROM events WHERE id = ?1 AND series_id IS NOT NULL");
        if (of->bind(1, event_id).step()) series = of->column_text(0);
    }
    for (const char* table : event_tables)
        db.prepare(std::string("DELETE FROM ") + table + " WHERE event_id = ?1")->bind(1, event_id).run();
    auto event = db.prepare("DELETE FROM events WHERE id = ?1");
    event->bind(1, event_id).run();
    bool found = event->changes() > 0;
    // A series goes with the last of its events: its title describes them, and nothing is left to review.
    if (series) delete_series_if_empty(db, *series);
    transaction.commit();
    return found;
}

Expired purge_expired(Database& db, domain::TimeMs now) {
    auto expired = find_expired(db, now);
    for (const auto& event : expired.events) delete_event_rows(db, event.id);
    for (const auto& series : expired.empty_series) delete_series_if_empty(db, series);
    if (!expired.empty()) truncate_wal(db);
    return expired;
}

void truncate_wal(Database& db) {
    // Busy or locked only means a reader is still there: the next checkpoint overwrites the old frames.
    sqlite3_wal_checkpoint_v2(db.handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

}  // namespace ensemble::storage
