#pragma once
// GET /api/events/{id}/review/export?format=...&pseudonymise=1: the meeting graph as a file to download.
// The review route checks the token and reads the graph; this builds the answer.

#include "net/beast.hpp"
#include "review/event_graph.hpp"
#include "review/export.hpp"

namespace ensemble::net {

// 200 with the file (Content-Type, Content-Disposition: attachment), or 400 invalid_field for a missing
// or unknown `format` or a `pseudonymise` other than 0/1.
Response export_response(const Request& request, const review::EventGraph& graph);

}  // namespace ensemble::net
