#pragma once
// The DELETE calls of shared/protocol.md (Data protection): a host deletes the whole event, an attendee
// erases their own data.

#include <string>
#include <vector>

#include "app/registry.hpp"
#include "net/rest_api.hpp"

namespace ensemble::net {

// True when the request is one of them (DELETE /api/events/{id} or /api/events/{id}/me), answered through
// `respond`; `parts` are the path's words after /api/.
bool handle_delete(app::Registry& registry, const Request& request, const std::vector<std::string>& parts,
                   const Respond& respond);

}  // namespace ensemble::net
