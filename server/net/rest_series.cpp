#include "net/rest_series.hpp"

#include <boost/asio/post.hpp>

#include "app/clock.hpp"
#include "app/log.hpp"
#include "app/tokens.hpp"
#include "net/bearer.hpp"
#include "net/host.hpp"
#include "net/responses.hpp"
#include "net/rest_export.hpp"
#include "review/review_json.hpp"
#include "review/series_json.hpp"

namespace ensemble::net {
namespace {

using Checked = std::variant<storage::StoredSeries, app::Problem>;

const app::Problem store_failed{domain::ErrorCode::storage_unavailable,
                                "the database cannot be read or written right now: try again", ""};
const app::Problem no_series{domain::ErrorCode::not_found, "no such series", ""};

nlohmann::json series_json(const storage::StoredSeries& series) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : series.events)
        events.push_back({{"id", e.id},
                          {"title", e.title},
                          {"phase", e.phase},
                          {"created_at", e.created_at},
                          {"ended_at", review::or_null(e.ended_at)}});
    return {
        {"id", series.id}, {"title", series.title}, {"created_at", series.created_at}, {"events", events}};
}

void create_series(app::Registry& registry, const Request& request, const std::string& own_authority,
                   const Respond& respond) {
    auto title = app::parse_series_title(request.body());
    if (auto* problem = std::get_if<app::Problem>(&title)) return respond(error_response(request, *problem));
    std::string token = app::new_token();
    storage::StoredSeries series{
        app::new_event_id(), std::get<std::string>(title), app::now_ms(), app::token_hash(token), {}};
    std::string url = link_base(registry.public_url(), request, own_authority) +
                      "/review.html?series=" + series.id + "#key=" + token;
    registry.services().store.create_series(
        series, [request, respond, series, token, url](storage::StoreError error) {
            if (error) {
                app::log_event("series_create_failed", {{"error", *error}});
                return respond(error_response(request, store_failed));
            }
            app::log_event("series_created", {{"series_id", series.id}});
            respond(json_response(
                request, http::status::created,
                {{"series", series_json(series)}, {"series_token", token}, {"series_url", url}}));
        });
}

// The review of every event of the series together: read on the store's thread, computed on the pool.
void review_series(app::Registry& registry, const Request& request, const std::string& id,
                   const std::string& what, const Respond& respond) {
    auto& compute = registry.services().compute;
    registry.services().store.load_series_review(
        id, [&compute, request, respond, what](std::optional<review::SeriesGraphs> graphs,
                                               storage::StoreError error) mutable {
            if (error) return respond(error_response(request, store_failed));
            if (!graphs) return respond(error_response(request, no_series));
            asio::post(compute, [request, respond, what, graphs = std::move(*graphs)] {
                auto review = review::review_series(graphs);
                if (what == "export") return respond(export_response(request, review.merged.graph));
                respond(json_response(request, http::status::ok,
                                      what == "graph" ? review::series_graph_json(review)
                                                      : review::series_report_json(review)));
            });
        });
}

}  // namespace

void authorize_series(app::Registry& registry, const std::string& id, const std::string& token,
                      SeriesChecked done) {
    registry.services().store.find_series(
        id, [token, done = std::move(done)](std::optional<storage::StoredSeries> series,
                                            storage::StoreError error) {
            if (error) return done(store_failed);
            if (!series) return done(no_series);
            if (token.empty() || app::token_hash(token) != series->credential_hash)
                return done(app::Problem{domain::ErrorCode::unauthorized, "wrong series link", ""});
            done(std::move(*series));
        });
}

bool handle_series(app::Registry& registry, const Request& request, const std::vector<std::string>& parts,
                   const std::string& own_authority, const Respond& respond) {
    if (parts.empty() || parts[0] != "series") return false;
    auto method = request.method();
    if (parts.size() == 1) {
        if (method != http::verb::post) return respond(method_not_allowed(request, "POST")), true;
        return create_series(registry, request, own_authority, respond), true;
    }
    bool review = parts.size() == 4 && parts[2] == "review" &&
                  (parts[3] == "graph" || parts[3] == "report" || parts[3] == "export");
    if (parts.size() != 2 && !review)
        return respond(error_response(request, {domain::ErrorCode::not_found, "no such API", ""})), true;
    if (method != http::verb::get && method != http::verb::head)
        return respond(method_not_allowed(request, "GET, HEAD")), true;
    std::string what = review ? parts[3] : std::string{};
    authorize_series(registry, parts[1], bearer_token(request),
                     [&registry, request, respond, what](Checked checked) {
                         if (auto* problem = std::get_if<app::Problem>(&checked))
                             return respond(error_response(request, *problem));
                         const auto& series = std::get<storage::StoredSeries>(checked);
                         if (what.empty())
                             return respond(json_response(request, http::status::ok, series_json(series)));
                         review_series(registry, request, series.id, what, respond);
                     });
    return true;
}

}  // namespace ensemble::net
