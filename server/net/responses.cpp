#include "net/responses.hpp"

#include "app/protocol.hpp"
#include "app/views.hpp"

namespace ensemble::net {

Response json_text_response(const Request& request, http::status status, const std::string& body) {
    Response response{status, request.version()};
    response.set(http::field::content_type, "application/json");
    response.set(http::field::cache_control, "no-store");
    add_security_headers(response.base());
    response.keep_alive(request.keep_alive());
    response.body() = body;
    response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear();  // the length of a GET, no body
    return response;
}

Response json_response(const Request& request, http::status status, const nlohmann::json& body) {
    // Never throws: an exception here would end the whole server, not this request.
    return json_text_response(request, status,
                              body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Response error_response(const Request& request, http::status status, const app::Problem& problem) {
    return json_response(request, status, nlohmann::json::parse(app::error_message(problem)));
}

Response error_response(const Request& request, const app::Problem& problem) {
    return error_response(request, status_for(problem.code), problem);
}

Response method_not_allowed(const Request& request, std::string_view allow) {
    auto response =
        error_response(request, {domain::ErrorCode::method_not_allowed, "use " + std::string(allow), ""});
    response.set(http::field::allow, allow);
    return response;
}

}  // namespace ensemble::net

namespace ensemble::net {

http::status status_for(domain::ErrorCode code) {
    using domain::ErrorCode;
    switch (code) {
        case ErrorCode::malformed_json:
        case ErrorCode::unknown_type:
        case ErrorCode::invalid_field:
            return http::status::bad_request;
        case ErrorCode::unauthorized:
            return http::status::unauthorized;
        case ErrorCode::forbidden:
            return http::status::forbidden;
        case ErrorCode::not_found:
            return http::status::not_found;
        case ErrorCode::method_not_allowed:
            return http::status::method_not_allowed;
        case ErrorCode::wrong_phase:
        case ErrorCode::event_ended:
        case ErrorCode::event_full:
        case ErrorCode::table_full:
            return http::status::conflict;
        case ErrorCode::rate_limited:
            return http::status::too_many_requests;
        case ErrorCode::too_large:
            return http::status::payload_too_large;
        case ErrorCode::unsupported_media_type:
            return http::status::unsupported_media_type;
        case ErrorCode::internal:
            return http::status::internal_server_error;
        case ErrorCode::storage_unavailable:
            return http::status::service_unavailable;
    }
    return http::status::internal_server_error;
}

Response health_response(const Request& request) {
    Response response{http::status::ok, request.version()};
    response.set(http::field::content_type, "text/plain");
    response.keep_alive(request.keep_alive());
    response.body() = "ok";
    response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear();  // the length, not the body
    return response;
}

}  // namespace ensemble::net
