#include "domain/text.hpp"

namespace ensemble::domain {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Counts code points; nothing when the bytes are not valid UTF-8 or hold a control character.
std::optional<std::size_t> count_code_points(const std::string& text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 9;
        if (extra == 9 || i + extra >= text.size()) return std::nullopt;
        if (extra == 0 && (c < 0x20 || c == 0x7F)) return std::nullopt;
        for (std::size_t k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return std::nullopt;
        i += extra + 1;
    }
    return count;
}

}  // namespace

std::string trimmed(const std::string& text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && is_space(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
    return text.substr(begin, end - begin);
}

std::optional<std::string> text_problem(const std::string& text, std::size_t min_chars, std::size_t max_chars) {
    auto count = count_code_points(text);
    if (!count) return "must be valid text without control characters";
    if (*count < min_chars || *count > max_chars)
        return "must be " + std::to_string(min_chars) + " to " + std::to_string(max_chars) + " characters";
    return std::nullopt;
}

}  // namespace ensemble::domain
