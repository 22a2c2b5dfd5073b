#pragma once
// A series' review JSON (shared/protocol.md, Series): the event review's graph and report over the merged
// series, with where each event's rounds are, the trend from one event to the next, and who never met.

#include <nlohmann/json.hpp>

#include "review/analysis.hpp"
#include "review/report.hpp"
#include "review/series.hpp"

namespace ensemble::review {

struct SeriesReview {
    MergedSeries merged;
    Analysis analysis;
    Report report;
    std::vector<TrendPoint> trend;
    NeverMet never;
};

// Everything the series page shows, computed from what storage read.
SeriesReview review_series(const SeriesGraphs& series);

nlohmann::json series_graph_json(const SeriesReview& review);
nlohmann::json series_report_json(const SeriesReview& review);

}  // namespace ensemble::review
