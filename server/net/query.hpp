#pragma once
// The query string of a request target, percent-decoded.

#include <map>
#include <string>
#include <string_view>

namespace ensemble::net {

std::map<std::string, std::string> parse_query(std::string_view target);

}  // namespace ensemble::net
