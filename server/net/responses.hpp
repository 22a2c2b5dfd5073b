#pragma once
// HTTP answers in the shapes of shared/protocol.md.

#include <nlohmann/json.hpp>

#include "net/beast.hpp"

namespace ensemble::net {

template <typename Fields>
void add_security_headers(http::header<false, Fields>& header) {
    header.set(http::field::server, "ensemble");
    header.set("X-Content-Type-Options", "nosniff");
    header.set("Referrer-Policy", "no-referrer");
    header.set("Content-Security-Policy",
               "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; frame-ancestors 'none'");
}

Response json_response(const Request& request, http::status status, const nlohmann::json& body);
Response error_response(const Request& request, http::status status, const std::string& code,
                        const std::string& message, const std::string& field = "");

}  // namespace ensemble::net

namespace ensemble::net {

// The HTTP status of a protocol error code.
http::status status_for(const std::string& code);

}  // namespace ensemble::net
