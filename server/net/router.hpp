#pragma once
// Where one request goes, decided from the request alone: the HTTP session (a socket) and the HTTP fuzz
// target (none) take the same routes.

#include <functional>
#include <optional>
#include <string>

#include "net/beast.hpp"

namespace ensemble::net {

struct Routed {
    enum class To { api, websocket, health, file, refused };
    To to = To::refused;
    std::optional<http::message_generator> answer;  // unless to api or websocket
    std::string event_id;                           // for websocket: who connects comes in the first message
};

// `public_url` is --public-url, whose origin may act here too. `may_create_event` is asked only for a
// request that creates an event, and spends one from its sender's allowance.
Routed route(const Request& request, const std::string& static_dir, const std::string& public_url,
             const std::function<bool()>& may_create_event);

}  // namespace ensemble::net
