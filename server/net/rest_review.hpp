#pragma once
// The staff review's REST calls (shared/protocol.md, Staff review): GET /api/events/{id}/review/…

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "app/registry.hpp"
#include "net/beast.hpp"
#include "net/rest_api.hpp"

namespace ensemble::net {

// Who reads the review: the room, the reader (a host or staff link that works) and the event's phase
// and version (EventRoom::review_basis).
struct ReviewAccess {
    std::shared_ptr<app::EventRoom> room;
    domain::Actor actor;
    app::EventRoom::ReviewBasis basis;
};
using ReviewAuthorized = std::function<void(std::variant<ReviewAccess, app::Problem>)>;

// The token of `Authorization: Bearer TOKEN` checked in the event: 404 unknown event, 401 missing, wrong
// or revoked, 403 an attendee's. For every review route, exports included.
void authorize_review(app::Registry& registry, const Request& request, const std::string& event_id,
                      ReviewAuthorized done);

// `parts` is the path under /api/ ({"events", id, "review", …}); false when it is not a review route.
bool handle_review(app::Registry& registry, const Request& request, const std::vector<std::string>& parts,
                   const Respond& respond);

}  // namespace ensemble::net
