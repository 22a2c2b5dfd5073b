#include "net/rest_api.hpp"

#include "app/tokens.hpp"
#include "app/views.hpp"
#include "net/host.hpp"
#include "net/responses.hpp"
#include "net/rest_delete.hpp"
#include "net/rest_me.hpp"
#include "net/rest_review.hpp"
#include "net/rest_series.hpp"

namespace ensemble::net {
namespace {

// "/api/events/abc/attendees" -> {"events", "abc", "attendees"}
std::vector<std::string> path_parts(std::string_view target) {
    target = target.substr(0, target.find('?'));
    target.remove_prefix(std::string_view("/api/").size());
    std::vector<std::string> parts;
    while (!target.empty()) {
        auto slash = target.find('/');
        parts.emplace_back(target.substr(0, slash));
        if (slash == std::string_view::npos) break;
        target.remove_prefix(slash + 1);
    }
    return parts;
}

// With `"series": {"id", "token"}`, the event joins that series once its link is checked.
void create_event(app::Registry& registry, const Request& request, const std::string& own_authority,
                  const Respond& respond) {
    auto parsed = app::parse_event_settings(request.body());
    if (auto* problem = std::get_if<app::Problem>(&parsed)) return respond(error_response(request, *problem));
    auto host_name = app::parse_host_name(request.body());
    if (auto* problem = std::get_if<app::Problem>(&host_name))
        return respond(error_response(request, *problem));
    auto claim = app::parse_series_claim(request.body());
    if (auto* problem = std::get_if<app::Problem>(&claim)) return respond(error_response(request, *problem));
    std::string base = link_base(registry.public_url(), request, own_authority);
    auto create = [&registry, request, respond, base, settings = std::get<domain::EventSettings>(parsed),
                   host_name =
                       std::get<std::string>(host_name)](std::optional<storage::StoredSeries> series) {
        std::string host_token = app::new_token();
        nlohmann::json in_series =
            series ? nlohmann::json{{"id", series->id}, {"title", series->title}} : nlohmann::json(nullptr);
        registry.create(
            settings, host_name, app::token_hash(host_token), series ? series->id : std::string{},
            [request, respond, host_token, base, in_series](std::shared_ptr<app::EventRoom> room,
                                                            std::optional<app::Problem> problem) {
                if (problem) return respond(error_response(request, *problem));
                auto links = app::links_for(base, room->id());
                room->public_info([request, respond, host_token, links, in_series](nlohmann::json event) {
                    respond(json_response(request, http::status::created,
                                          {{"event", std::move(event)},
                                           {"host_token", host_token},
                                           {"host_url", links.host_url + "#key=" + host_token},
                                           {"join_url", links.join_url},
                                           {"series", in_series}}));
                });
            });
    };
    auto& series_claim = std::get<std::optional<app::SeriesClaim>>(claim);
    if (!series_claim) return create(std::nullopt);
    authorize_series(registry, series_claim->id, series_claim->token,
                     [request, respond, create](auto checked) {
                         if (auto* problem = std::get_if<app::Problem>(&checked))
                             return respond(error_response(request, *problem));
                         create(std::get<storage::StoredSeries>(std::move(checked)));
                     });
}

void join_event(const std::shared_ptr<app::EventRoom>& room, const Request& request, const Respond& respond) {
    auto parsed = app::parse_profile(request.body());
    if (auto* problem = std::get_if<app::Problem>(&parsed)) return respond(error_response(request, *problem));
    std::string token = app::new_token();
    room->join(
        std::get<app::Profile>(parsed), app::token_hash(token),
        [request, respond, token](std::variant<domain::AttendeeId, app::Problem> result) {
            if (auto* problem = std::get_if<app::Problem>(&result))
                return respond(error_response(request, *problem));
            respond(json_response(request, http::status::created,
                                  {{"attendee_id", std::get<domain::AttendeeId>(result)}, {"token", token}}));
        });
}

}  // namespace

void handle_api(app::Registry& registry, const Request& request, const std::string& own_authority,
                Respond respond) {
    auto parts = path_parts(request.target());
    auto method = request.method();
    if (handle_delete(registry, request, parts, respond)) return;
    if (parts.size() == 1 && parts[0] == "events") {
        if (method != http::verb::post) return respond(method_not_allowed(request, "POST"));
        return create_event(registry, request, own_authority, respond);
    }
    if (parts.size() == 3 && parts[0] == "events" && parts[2] == "me")
        return handle_me(registry, request, parts[1], std::move(respond));
    if (handle_review(registry, request, parts, respond)) return;
    if (handle_series(registry, request, parts, own_authority, respond)) return;
    if (parts.size() < 2 || parts.size() > 3 || parts[0] != "events" ||
        (parts.size() == 3 && parts[2] != "attendees"))
        return respond(error_response(request, {domain::ErrorCode::not_found, "no such API", ""}));
    bool read = parts.size() == 2;
    if (method != (read ? http::verb::get : http::verb::post))
        return respond(method_not_allowed(request, read ? "GET" : "POST"));
    registry.find(parts[1], [request, respond, read](std::shared_ptr<app::EventRoom> room,
                                                     std::optional<app::Problem> problem) {
        if (problem) return respond(error_response(request, *problem));
        if (!room)
            return respond(error_response(request, {domain::ErrorCode::not_found, "no such event", ""}));
        if (!read) return join_event(room, request, respond);
        room->public_info([request, respond](nlohmann::json event) {
            respond(json_response(request, http::status::ok, event));
        });
    });
}

}  // namespace ensemble::net
