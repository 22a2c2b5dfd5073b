#pragma once
// The token of `Authorization: Bearer TOKEN`: how every REST call that needs one receives it.

#include <string>

#include "net/beast.hpp"

namespace ensemble::net {

// The scheme in any case, spaces around the token ignored; '' when absent, of another scheme or too long
// to be a token.
std::string bearer_token(const Request& request);

}  // namespace ensemble::net
