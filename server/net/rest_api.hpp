#pragma once
// The REST calls of shared/protocol.md: create an event, read its public face, join it.

#include <functional>

#include "app/registry.hpp"
#include "net/beast.hpp"

namespace ensemble::net {

using Respond = std::function<void(Response)>;

// Answers a request under /api/ through `respond`, now or later (joins wait for the room).
void handle_api(app::Registry& registry, const Request& request, Respond respond);

}  // namespace ensemble::net
