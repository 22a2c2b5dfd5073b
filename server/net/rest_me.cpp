#include "net/rest_me.hpp"

#include "net/bearer.hpp"
#include "net/responses.hpp"

namespace ensemble::net {

void handle_me(app::Registry& registry, const Request& request, const std::string& event_id,
               Respond respond) {
    auto method = request.method();
    bool read = method == http::verb::get || method == http::verb::head;
    if (!read && method != http::verb::post) return respond(method_not_allowed(request, "GET, HEAD, POST"));
    std::optional<domain::Command> command;
    if (!read) {
        auto message = app::parse_client_message(request.body());
        if (auto* problem = std::get_if<app::Problem>(&message.body))
            return respond(error_response(request, *problem));
        auto* parsed = std::get_if<domain::Command>(&message.body);
        if (!parsed)
            return respond(error_response(
                request, {domain::ErrorCode::unknown_type, "only answers to the cards go here", "type"}));
        command = std::move(*parsed);
    }
    // Someone who left keeps their page (app::Access); the live event stays closed to them.
    registry.authenticate(
        event_id, bearer_token(request),
        [request, respond, command = std::move(command)](
            std::variant<std::pair<std::shared_ptr<app::EventRoom>, domain::Actor>, app::Problem> who) {
            if (auto* problem = std::get_if<app::Problem>(&who))
                return respond(error_response(request, *problem));
            auto& [room, actor] = std::get<0>(who);
            if (actor.kind != domain::Actor::Kind::attendee)
                return respond(error_response(
                    request, {domain::ErrorCode::forbidden, "this is an attendee's own page", ""}));
            auto answered = [request, respond](std::variant<nlohmann::json, app::Problem> result) {
                if (auto* problem = std::get_if<app::Problem>(&result))
                    return respond(error_response(request, *problem));
                respond(json_response(request, http::status::ok, std::get<nlohmann::json>(result)));
            };
            if (command)
                room->answer(actor, *command, answered);
            else
                room->me(actor, answered);
        },
        app::Access::own_page);
}

}  // namespace ensemble::net
