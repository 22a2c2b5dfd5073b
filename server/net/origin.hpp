#pragma once
// Which pages may act on this server: a browser names the page's origin in `Origin`; requests from
// other sites' pages are refused (protocol.md, Security). Programs that send no `Origin` are not browsers.

#include <string_view>

#include "net/beast.hpp"

namespace ensemble::net {

// True without an Origin header, or when it is the origin the request was addressed to (its Host) or
// the configured public URL's.
bool same_origin(const Request& request, std::string_view public_url);

}  // namespace ensemble::net
