#include "net/bearer.hpp"

#include "app/protocol.hpp"

namespace ensemble::net {

std::string bearer_token(const Request& request) {
    std::string_view value = request[http::field::authorization];
    constexpr std::string_view scheme = "bearer ";
    if (value.size() <= scheme.size() || !beast::iequals(value.substr(0, scheme.size()), scheme)) return {};
    value.remove_prefix(scheme.size());
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (value.size() > app::max_token_chars) return {};
    return std::string(value);
}

}  // namespace ensemble::net
