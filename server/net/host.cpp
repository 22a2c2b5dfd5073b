#include "net/host.hpp"

#include <cctype>

namespace ensemble::net {
namespace {

bool all_of(std::string_view text, bool (*allowed)(unsigned char)) {
    for (char c : text)
        if (!allowed(static_cast<unsigned char>(c))) return false;
    return true;
}

// Labels of letters, digits and hyphens, dot-separated, neither starting nor ending with a hyphen.
bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > 253) return false;
    while (true) {
        auto dot = name.find('.');
        auto label = name.substr(0, dot);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        if (!all_of(label, [](unsigned char c) { return std::isalnum(c) || c == '-'; })) return false;
        if (dot == std::string_view::npos) return true;
        name.remove_prefix(dot + 1);
    }
}

bool valid_ipv6(std::string_view address) {
    if (address.size() < 2 || address.size() > 45 || address.find(':') == std::string_view::npos)
        return false;
    if (!all_of(address, [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; }))
        return false;
    boost::system::error_code ec;
    asio::ip::make_address_v6(std::string(address), ec);
    return !ec;
}

bool valid_port(std::string_view port) {
    if (port.empty() || port.size() > 5 ||
        !all_of(port, [](unsigned char c) { return std::isdigit(c) != 0; }))
        return false;
    auto number = std::stoul(std::string(port));
    return number >= 1 && number <= 65535;
}

}  // namespace

bool valid_host(std::string_view host) {
    std::string_view port;
    if (!host.empty() && host.front() == '[') {
        auto close = host.find(']');
        if (close == std::string_view::npos || !valid_ipv6(host.substr(1, close - 1))) return false;
        auto rest = host.substr(close + 1);
        if (rest.empty()) return true;
        return rest.front() == ':' && valid_port(rest.substr(1));
    }
    if (auto colon = host.find(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
        if (!valid_port(port)) return false;
    }
    return valid_name(host);
}

std::string authority_of(const tcp::endpoint& endpoint) {
    auto address = endpoint.address();
    if (!address.is_v6()) return address.to_string() + ":" + std::to_string(endpoint.port());
    auto v6 = address.to_v6();
    v6.scope_id(0);  // a zone ("%eth0") has no place in a link
    std::string host = "[" + v6.to_string() + "]";
    return host + ":" + std::to_string(endpoint.port());
}

std::string link_base(const std::string& public_url, const Request& request,
                      const std::string& own_authority) {
    if (!public_url.empty()) return public_url;
    std::string_view host = request[http::field::host];
    return "http://" + (valid_host(host) ? std::string(host) : own_authority);
}

}  // namespace ensemble::net
