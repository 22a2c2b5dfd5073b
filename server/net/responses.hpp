#pragma once
// HTTP answers in the shapes of shared/protocol.md.

#include <nlohmann/json.hpp>

#include "app/protocol.hpp"
#include "net/beast.hpp"

namespace ensemble::net {

template <typename Fields>
void add_security_headers(http::header<false, Fields>& header) {
    header.set(http::field::server, "ensemble");
    header.set("X-Content-Type-Options", "nosniff");
    header.set("Referrer-Policy", "no-referrer");
    header.set(
        "Content-Security-Policy",
        "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'");
}

Response json_response(const Request& request, http::status status, const nlohmann::json& body);
// JSON already written (a review kept ready).
Response json_text_response(const Request& request, http::status status, const std::string& body);
// The problem with the HTTP status of its code.
Response error_response(const Request& request, const app::Problem& problem);
// The same with another status, where HTTP has a more precise one (414 or 431 for a long head, 503).
Response error_response(const Request& request, http::status status, const app::Problem& problem);
// /healthz: "ok" while the server serves (its length only, to HEAD).
Response health_response(const Request& request);

// 405 `method_not_allowed`, with the methods the path takes in `Allow` (such as "GET, HEAD").
Response method_not_allowed(const Request& request, std::string_view allow);

}  // namespace ensemble::net

namespace ensemble::net {

// The HTTP status of a protocol error code.
http::status status_for(domain::ErrorCode code);

}  // namespace ensemble::net
