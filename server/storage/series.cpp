#include "storage/series.hpp"

#include <set>

#include "storage/review_reader.hpp"
#include "storage/settings_json.hpp"

namespace ensemble::storage {

void insert_series(Database& db, const StoredSeries& series) {
    db.prepare("INSERT INTO series (id, title, created_at, credential_hash) VALUES (?1, ?2, ?3, ?4)")
        ->bind(1, series.id)
        .bind(2, series.title)
        .bind(3, series.created_at)
        .bind(4, series.credential_hash)
        .run();
}

std::optional<StoredSeries> read_series(Database& db, const std::string& series_id) {
    StoredSeries series;
    auto row = db.prepare("SELECT title, created_at, credential_hash FROM series WHERE id = ?1");
    row->bind(1, series_id);
    if (!row->step()) return std::nullopt;
    series.id = series_id;
    series.title = row->column_text(0);
    series.created_at = row->column_int64(1);
    series.credential_hash = row->column_text(2);
    auto events = db.prepare(
        "SELECT id, settings, phase, created_at, ended_at FROM events WHERE series_id = ?1 "
        "ORDER BY created_at, id");
    events->bind(1, series_id);
    while (events->step())
        series.events.push_back({events->column_text(0), settings_from_json(events->column_text(1)).title,
                                 events->column_text(2), events->column_int64(3),
                                 events->column_optional_int64(4)});
    return series;
}

domain::SeriesPast read_series_past(Database& db, const std::string& series_id, const std::string& event_id) {
    std::vector<std::string> others;
    {
        auto events = db.prepare("SELECT id FROM events WHERE series_id = ?1 AND id <> ?2");
        events->bind(1, series_id).bind(2, event_id);
        while (events->step()) others.push_back(events->column_text(0));
    }
    // One event at a time: its meetings are read from its own seats (schema 10), not from every event's.
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& other : others) {
        auto met = db.prepare(
            "SELECT a.email, b.email FROM encounters e "
            "JOIN attendees a ON a.event_id = e.event_id AND a.id = e.a "
            "JOIN attendees b ON b.event_id = e.event_id AND b.id = e.b "
            "WHERE e.event_id = ?1 AND a.email <> '' AND b.email <> ''");
        met->bind(1, other);
        while (met->step()) {
            auto a = domain::person_key(met->column_text(0));
            auto b = domain::person_key(met->column_text(1));
            if (a != b) pairs.insert(a < b ? std::pair{a, b} : std::pair{b, a});
        }
    }
    domain::SeriesPast past;
    for (const auto& [a, b] : pairs) {
        past[a].push_back(b);
        past[b].push_back(a);
    }
    return past;
}

std::optional<review::SeriesGraphs> read_series_graphs(Database& db, const std::string& series_id) {
    auto series = read_series(db, series_id);
    if (!series) return std::nullopt;
    review::SeriesGraphs graphs;
    graphs.series_id = series->id;
    graphs.title = series->title;
    for (const auto& event : series->events) {
        auto graph = read_event_graph(db, event.id);
        if (!graph) continue;
        auto& keys = graphs.person_keys.emplace_back();
        auto emails = db.prepare(
            "SELECT id, email FROM attendees WHERE event_id = ?1 AND email <> '' AND erased_at IS NULL");
        emails->bind(1, event.id);
        while (emails->step())
            keys.emplace(emails->column_int64(0), domain::person_key(emails->column_text(1)));
        graphs.events.push_back(std::move(*graph));
    }
    return graphs;
}

}  // namespace ensemble::storage
