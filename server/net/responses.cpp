#include "net/responses.hpp"

#include "app/protocol.hpp"
#include "app/views.hpp"

namespace ensemble::net {

Response json_response(const Request& request, http::status status, const nlohmann::json& body) {
    Response response{status, request.version()};
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, "no-store");
    add_security_headers(response.base());
    response.keep_alive(request.keep_alive());
    response.body() = body.dump();
    response.prepare_payload();
    return response;
}

Response error_response(const Request& request, http::status status, const std::string& code,
                        const std::string& message, const std::string& field) {
    auto body = nlohmann::json::parse(app::error_message(app::Problem{code, message, field}));
    return json_response(request, status, body);
}

}  // namespace ensemble::net

namespace ensemble::net {

http::status status_for(const std::string& code) {
    if (code == "malformed_json" || code == "invalid_field") return http::status::bad_request;
    if (code == "unauthorized") return http::status::unauthorized;
    if (code == "forbidden") return http::status::forbidden;
    if (code == "not_found") return http::status::not_found;
    if (code == "wrong_phase" || code == "event_ended") return http::status::conflict;
    if (code == "rate_limited") return http::status::too_many_requests;
    if (code == "too_large") return http::status::payload_too_large;
    return http::status::internal_server_error;
}

}  // namespace ensemble::net
