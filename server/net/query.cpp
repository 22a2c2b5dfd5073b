#include "net/query.hpp"

namespace ensemble::net {
namespace {

std::string decode(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+')
            out += ' ';
        else if (text[i] == '%' && i + 2 < text.size() &&
                 std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
                 std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else
            out += text[i];
    }
    return out;
}

}  // namespace

std::map<std::string, std::string> parse_query(std::string_view target) {
    std::map<std::string, std::string> query;
    auto question = target.find('?');
    if (question == std::string_view::npos) return query;
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        auto amp = rest.find('&');
        auto pair = rest.substr(0, amp);
        auto eq = pair.find('=');
        if (eq != std::string_view::npos) query[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    return query;
}

}  // namespace ensemble::net
