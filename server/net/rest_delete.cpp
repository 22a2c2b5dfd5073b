#include "net/rest_delete.hpp"

#include "app/tokens.hpp"
#include "net/bearer.hpp"
#include "net/responses.hpp"

namespace ensemble::net {
namespace {

Response no_content(const Request& request) {
    Response response{http::status::no_content, request.version()};
    add_security_headers(response);
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    return response;
}

const app::Problem no_token{domain::ErrorCode::unauthorized, "an Authorization: Bearer token is required",
                            ""};

void delete_event(app::Registry& registry, const Request& request, const std::string& event_id,
                  const std::string& token, const Respond& respond) {
    registry.authenticate(event_id, token, [&registry, request, respond](auto who) {
        using Found = std::pair<std::shared_ptr<app::EventRoom>, domain::Actor>;
        if (auto* problem = std::get_if<app::Problem>(&who))
            return respond(error_response(request, *problem));
        auto [room, actor] = std::get<Found>(who);
        if (actor.kind != domain::Actor::Kind::host)
            return respond(error_response(
                request, {domain::ErrorCode::forbidden, "only a host link may delete the event", ""}));
        registry.delete_event(room, actor.link, [request, respond](std::optional<app::Problem> problem) {
            respond(problem ? error_response(request, *problem) : no_content(request));
        });
    });
}

void erase_me(app::Registry& registry, const Request& request, const std::string& event_id,
              const std::string& token, const Respond& respond) {
    registry.find(event_id, [request, respond, token](std::shared_ptr<app::EventRoom> room,
                                                      std::optional<app::Problem> problem) {
        if (problem) return respond(error_response(request, *problem));
        if (!room)
            return respond(error_response(request, {domain::ErrorCode::not_found, "no such event", ""}));
        room->erase_self(app::token_hash(token), [request, respond](std::optional<app::Problem> problem) {
            respond(problem ? error_response(request, *problem) : no_content(request));
        });
    });
}

}  // namespace

bool handle_delete(app::Registry& registry, const Request& request, const std::vector<std::string>& parts,
                   const Respond& respond) {
    bool event = parts.size() == 2 && parts[0] == "events";
    bool me = parts.size() == 3 && parts[0] == "events" && parts[2] == "me";
    if (request.method() != http::verb::delete_ || (!event && !me)) return false;
    auto token = bearer_token(request);
    if (token.empty()) {
        respond(error_response(request, no_token));
        return true;
    }
    if (event)
        delete_event(registry, request, parts[1], token, respond);
    else
        erase_me(registry, request, parts[1], token, respond);
    return true;
}

}  // namespace ensemble::net
