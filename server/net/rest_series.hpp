#pragma once
// Series of events over REST (shared/protocol.md, Series): POST /api/series, GET /api/series/{id} and
// GET /api/series/{id}/review/graph|report|export, each with the series link's token as a Bearer token.

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "app/protocol.hpp"
#include "app/registry.hpp"
#include "net/beast.hpp"
#include "net/rest_api.hpp"

namespace ensemble::net {

// `parts` is the path under /api/; false when it is not a series route.
bool handle_series(app::Registry& registry, const Request& request, const std::vector<std::string>& parts,
                   const std::string& own_authority, const Respond& respond);

// The series, if `token` is its link's (checked against the hash kept in storage): 404 no such series,
// 401 a missing or wrong token. For its review, and for a new event that is to join it.
using SeriesChecked = std::function<void(std::variant<storage::StoredSeries, app::Problem>)>;
void authorize_series(app::Registry& registry, const std::string& id, const std::string& token,
                      SeriesChecked done);

}  // namespace ensemble::net
