#include "net/router.hpp"

#include <algorithm>
#include <cctype>

#include "app/protocol.hpp"
#include "net/origin.hpp"
#include "net/query.hpp"
#include "net/responses.hpp"
#include "net/static_files.hpp"

namespace ensemble::net {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

const app::Problem cross_origin{domain::ErrorCode::forbidden,
                                "requests from another site's pages are refused", ""};

// "application/json", maybe with parameters such as "; charset=utf-8".
bool is_json(const Request& request) {
    std::string_view type = request[http::field::content_type];
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
    return beast::iequals(type, "application/json");
}

Routed refused(Response answer) { return {Routed::To::refused, std::move(answer), {}}; }

// Sec-WebSocket-Key: 16 bytes in base64 (RFC 6455 4.1), 24 characters ending in "==".
bool valid_websocket_key(std::string_view key) {
    auto base64 = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; };
    return key.size() == 24 && key.substr(22) == "==" && std::all_of(key.begin(), key.end() - 2, base64);
}

}  // namespace

Routed route(const Request& request, const std::string& static_dir, const std::string& public_url,
             const std::function<bool()>& may_create_event) {
    std::string_view target = request.target();
    // Anyone may open the socket from this server's pages; who they are comes in their first message.
    if (websocket::is_upgrade(request)) {
        if (!starts_with(target, "/ws?") && target != "/ws")
            return refused(error_response(request, {domain::ErrorCode::not_found, "no such endpoint", ""}));
        if (!same_origin(request, public_url)) return refused(error_response(request, cross_origin));
        if (request[http::field::sec_websocket_version] != "13") {
            auto answer =
                error_response(request, http::status::upgrade_required,
                               {domain::ErrorCode::invalid_field, "only WebSocket version 13 is spoken", ""});
            answer.set(http::field::sec_websocket_version, "13");
            return refused(std::move(answer));
        }
        if (!valid_websocket_key(request[http::field::sec_websocket_key]))
            return refused(error_response(request, {domain::ErrorCode::invalid_field,
                                                    "Sec-WebSocket-Key is not 16 bytes in base64", ""}));
        return {Routed::To::websocket, std::nullopt, parse_query(target)["event"]};
    }
    if (starts_with(target, "/api/")) {
        bool changes = request.method() != http::verb::get && request.method() != http::verb::head;
        if (changes && !same_origin(request, public_url))
            return refused(error_response(request, cross_origin));
        if (changes && !request.body().empty() && !is_json(request))
            return refused(error_response(request, {domain::ErrorCode::unsupported_media_type,
                                                    "send the body as application/json", ""}));
        // A series is created like an event, and counts with them.
        bool creates = target == "/api/events" || target == "/api/series";
        if (request.method() == http::verb::post && creates && !may_create_event())
            return refused(error_response(
                request, {domain::ErrorCode::rate_limited, "too many events created from this address", ""}));
        return {Routed::To::api, std::nullopt, {}};
    }
    if (starts_with(target, "/data/") &&
        (request.method() == http::verb::get || request.method() == http::verb::head))
        return {Routed::To::file, serve_reference_data(request), {}};
    if (target == "/healthz") return {Routed::To::health, health_response(request), {}};
    if (request.method() != http::verb::get && request.method() != http::verb::head)
        return refused(method_not_allowed(request, "GET, HEAD"));
    return {Routed::To::file, serve_static(static_dir, request), {}};
}

}  // namespace ensemble::net
