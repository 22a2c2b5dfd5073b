#pragma once
// One spelling of an organisation for comparisons: "Acme", "ACME", " Âcme " are the same organisation.

#include <string>
#include <string_view>

namespace ensemble::matching {

// Lower case, accents of Latin letters removed (é → e, Œ → oe), spaces trimmed and collapsed. Other
// bytes are kept as they are. Empty stays empty: an unknown organisation matches nobody.
std::string organisation_key(std::string_view organisation);

}  // namespace ensemble::matching
