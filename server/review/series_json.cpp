#include "review/series_json.hpp"

#include "review/review_json.hpp"

namespace ensemble::review {
namespace {

using nlohmann::json;

json series_json(const SeriesReview& review) {
    const auto& graph = review.merged.graph;
    json events = json::array();
    for (const auto& e : review.merged.events)
        events.push_back({{"id", e.id},
                          {"title", e.title},
                          {"phase", e.phase},
                          {"ended_at", or_null(e.ended_at)},
                          {"first_round", e.first_round},
                          {"rounds", e.rounds}});
    return {{"id", graph.event_id}, {"title", graph.title}, {"events", std::move(events)}};
}

}  // namespace

SeriesReview review_series(const SeriesGraphs& series) {
    SeriesReview review;
    review.merged = merge_series(series);
    review.analysis = analyse(review.merged.graph);
    review.report = make_report(review.merged.graph, review.analysis);
    review.trend = series_trend(series, review.merged);
    review.never = never_met(review.merged, review.analysis);
    return review;
}

json series_graph_json(const SeriesReview& review) {
    const auto& graph = review.merged.graph;
    json out = graph_json(graph, review.analysis, graph.phase);
    auto& nodes = out["nodes"];
    for (std::size_t i = 0; i < nodes.size(); ++i) nodes[i]["events"] = review.merged.events_attended[i];
    out["series"] = series_json(review);
    return out;
}

json series_report_json(const SeriesReview& review) {
    const auto& graph = review.merged.graph;
    json out = report_json(graph, review.report, graph.phase);
    out["series"] = series_json(review);
    json trend = json::array();
    for (const auto& p : review.trend)
        trend.push_back({{"event", p.event_id},
                         {"title", p.title},
                         {"attendees", p.attendees},
                         {"returning", p.returning},
                         {"pairs", p.pairs},
                         {"pairs_met_before", p.pairs_met_before},
                         {"met_median", or_null(p.met_median)},
                         {"talked_both", or_null(p.talked_both)},
                         {"mutual_keep_in_touch", p.mutual_keep_in_touch},
                         {"cross_organisation_share", or_null(p.cross_organisation_share)},
                         {"isolated", p.isolated},
                         {"usefulness_mean", or_null(p.usefulness_mean)}});
    out["trend"] = std::move(trend);
    const auto& never = review.never;
    out["never_met"] = {{"people", never.people},
                        {"pairs", never.pairs},
                        {"met", never.met},
                        {"share", never.pairs > 0 ? json(static_cast<double>(never.pairs - never.met) /
                                                         static_cast<double>(never.pairs))
                                                  : json(nullptr)}};
    return out;
}

}  // namespace ensemble::review
