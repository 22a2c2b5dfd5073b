#pragma once
// The REST calls of shared/protocol.md: create an event, read its public face, join it.

#include <functional>

#include "app/registry.hpp"
#include "net/beast.hpp"

namespace ensemble::net {

using Respond = std::function<void(Response)>;

// Answers a request under /api/ through `respond`, now or later (joins wait for the room). `own_authority`
// is the address the connection came to (host:port), for links when the Host header is unfit.
void handle_api(app::Registry& registry, const Request& request, const std::string& own_authority,
                Respond respond);

}  // namespace ensemble::net
