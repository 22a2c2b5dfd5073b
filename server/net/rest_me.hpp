#pragma once
// An attendee's own page over REST (shared/protocol.md, "Your own page"): GET /api/events/{id}/me, and
// POST there to answer a card; the attendee's token in `Authorization: Bearer`, never in the URL.

#include "app/registry.hpp"
#include "net/beast.hpp"
#include "net/rest_api.hpp"

namespace ensemble::net {

void handle_me(app::Registry& registry, const Request& request, const std::string& event_id, Respond respond);

}  // namespace ensemble::net
