#pragma once
// The authority of links built from a request: its Host header when well formed, else our own address.

#include <string>
#include <string_view>

#include "net/beast.hpp"

namespace ensemble::net {

// `host[:port]` as RFC 3986 spells it, no more: a DNS name or IPv4 address, or an IPv6 address in
// brackets, then an optional port 1–65535. Nothing else (no path, user, spaces or quotes).
bool valid_host(std::string_view host);

// Where the links we hand out start: --public-url, else the address the client reached us by (its Host
// header when well formed, else `own_authority`), never "localhost" by default.
std::string link_base(const std::string& public_url, const Request& request,
                      const std::string& own_authority);

// "127.0.0.1:8080" or "[::1]:8080".
std::string authority_of(const tcp::endpoint& endpoint);

}  // namespace ensemble::net
