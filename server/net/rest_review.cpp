#include "net/rest_review.hpp"

#include <boost/asio/post.hpp>

#include "net/bearer.hpp"
#include "net/responses.hpp"
#include "net/rest_export.hpp"
#include "review/analysis.hpp"
#include "review/report.hpp"
#include "review/review_json.hpp"

namespace ensemble::net {
namespace {

// Loaded on the store's thread, computed on the compute pool, then kept once the event has ended.
void render_review(app::Registry& registry, const ReviewAccess& access,
                   std::function<void(std::optional<review::Rendered>, std::optional<app::Problem>)> done) {
    const auto& id = access.room->id();
    if (auto kept = registry.review_cache().find(id, access.basis.version)) return done(kept, std::nullopt);
    auto& services = registry.services();
    auto& cache = registry.review_cache();
    auto& compute = services.compute;
    services.store.load_review(id, [&cache, &compute, id, basis = access.basis, done = std::move(done)](
                                       std::optional<review::EventGraph> graph,
                                       storage::StoreError error) mutable {
        if (error)
            return done(std::nullopt, app::Problem{domain::ErrorCode::storage_unavailable,
                                                   "the database cannot be read right now: try again", ""});
        if (!graph)
            return done(std::nullopt, app::Problem{domain::ErrorCode::not_found, "no such event", ""});
        asio::post(compute, [&cache, id, basis, graph = std::move(*graph), done = std::move(done)] {
            auto analysis = review::analyse(graph);
            auto report = review::make_report(graph, analysis);
            auto dump = [](const nlohmann::json& j) {
                return std::make_shared<const std::string>(
                    j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
            };
            review::Rendered rendered{dump(review::graph_json(graph, analysis, basis.phase)),
                                      dump(review::report_json(graph, report, basis.phase))};
            if (basis.phase == "ended") cache.keep(id, basis.version, rendered);
            done(std::move(rendered), std::nullopt);
        });
    });
}

// A file to download: read on the store's thread, written on the compute pool; never cached.
void export_review(app::Registry& registry, const ReviewAccess& access, const Request& request,
                   const Respond& respond) {
    auto& compute = registry.services().compute;
    registry.services().store.load_review(access.room->id(), [&compute, request, respond](
                                                                 std::optional<review::EventGraph> graph,
                                                                 storage::StoreError error) mutable {
        if (error)
            return respond(error_response(request, {domain::ErrorCode::storage_unavailable,
                                                    "the database cannot be read right now: try again", ""}));
        if (!graph)
            return respond(error_response(request, {domain::ErrorCode::not_found, "no such event", ""}));
        asio::post(compute, [request, respond, graph = std::move(*graph)] {
            respond(export_response(request, graph));
        });
    });
}

}  // namespace

void authorize_review(app::Registry& registry, const Request& request, const std::string& event_id,
                      ReviewAuthorized done) {
    registry.authenticate(event_id, bearer_token(request), [done = std::move(done)](auto who) {
        if (auto* problem = std::get_if<app::Problem>(&who)) return done(*problem);
        // Named copies, not a structured binding: clang 14 (make fuzz) cannot capture one.
        auto room = std::get<0>(who).first;
        auto actor = std::get<0>(who).second;
        room->review_basis(
            actor, [room, actor, done](std::variant<app::EventRoom::ReviewBasis, app::Problem> basis) {
                if (auto* problem = std::get_if<app::Problem>(&basis)) return done(*problem);
                done(ReviewAccess{room, actor, std::get<app::EventRoom::ReviewBasis>(basis)});
            });
    });
}

bool handle_review(app::Registry& registry, const Request& request, const std::vector<std::string>& parts,
                   const Respond& respond) {
    if (parts.size() != 4 || parts[0] != "events" || parts[2] != "review" ||
        (parts[3] != "graph" && parts[3] != "report" && parts[3] != "export"))
        return false;
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        respond(method_not_allowed(request, "GET, HEAD"));
        return true;
    }
    bool graph = parts[3] == "graph";
    bool file = parts[3] == "export";
    authorize_review(registry, request, parts[1], [&registry, request, respond, graph, file](auto access) {
        if (auto* problem = std::get_if<app::Problem>(&access))
            return respond(error_response(request, *problem));
        if (file) return export_review(registry, std::get<ReviewAccess>(access), request, respond);
        render_review(registry, std::get<ReviewAccess>(access),
                      [request, respond, graph](std::optional<review::Rendered> rendered,
                                                std::optional<app::Problem> problem) {
                          if (problem) return respond(error_response(request, *problem));
                          respond(json_text_response(request, http::status::ok,
                                                     graph ? *rendered->graph : *rendered->report));
                      });
    });
    return true;
}

}  // namespace ensemble::net
