#pragma once
// `--pseudonymise`: the same graph with every name, organisation, role and the title replaced.

#include "review/event_graph.hpp"

namespace ensemble::review {

// "Personne N" by rank in id order, "Organisation N" and "Rôle N" by first appearance in id order, so one
// event always gives the same pseudonyms. Erased people stay anonymous; empty fields stay empty. The
// event id is kept: it names no one, and tells which event the file comes from.
EventGraph pseudonymised(const EventGraph& graph);

}  // namespace ensemble::review
