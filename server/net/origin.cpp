#include "net/origin.hpp"

namespace ensemble::net {
namespace {

// "https://example.org:8443/path" -> "example.org:8443"; what follows the scheme up to the path.
std::string_view authority(std::string_view url) {
    auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) return {};
    url.remove_prefix(scheme_end + 3);
    return url.substr(0, url.find('/'));
}

std::string_view scheme(std::string_view url) { return url.substr(0, url.find("://")); }

}  // namespace

bool same_origin(const Request& request, std::string_view public_url) {
    auto origin_header = request.find(http::field::origin);
    if (origin_header == request.end()) return true;
    std::string_view origin = origin_header->value();
    if (!public_url.empty() && scheme(origin) == scheme(public_url) &&
        authority(origin) == authority(public_url))
        return true;
    std::string_view host = request[http::field::host];
    auto via = scheme(origin);
    return !host.empty() && (via == "http" || via == "https") && authority(origin) == host;
}

}  // namespace ensemble::net
