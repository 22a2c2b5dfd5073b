#pragma once
// Series of events in SQLite: the series row, who met whom in its events, and its events for the review.
// Synchronous: run on the store's thread.

#include <optional>
#include <string>

#include "domain/series.hpp"
#include "review/series.hpp"
#include "storage/event_store.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::storage {

// Throws when the id or the credential hash is taken.
void insert_series(Database& db, const StoredSeries& series);

// nullopt when there is no such series.
std::optional<StoredSeries> read_series(Database& db, const std::string& series_id);

// Who met whom in the series' other events, by person key: what a series event's matcher avoids.
domain::SeriesPast read_series_past(Database& db, const std::string& series_id, const std::string& event_id);

// Every event of the series as staff review it, oldest first, with each person's key.
std::optional<review::SeriesGraphs> read_series_graphs(Database& db, const std::string& series_id);

}  // namespace ensemble::storage
