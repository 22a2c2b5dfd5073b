#include "domain/text.hpp"

namespace ensemble::domain {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool in(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

// Characters that change how text around them reads or breaks: C0 and C1 controls, bidirectional
// embeddings, overrides and isolates (the "Trojan Source" set), line and paragraph separators.
bool refused(char32_t c) {
    return c < 0x20 || in(c, 0x7F, 0x9F) || in(c, 0x202A, 0x202E) || in(c, 0x2066, 0x2069) || c == 0x2028 ||
           c == 0x2029;
}

// White space and default-ignorable characters (Unicode's White_Space and Default_Ignorable_Code_Point,
// plus the blanks that render as nothing): text made only of these looks empty.
bool invisible(char32_t c) {
    return c == ' ' || c == 0xA0 || c == 0xAD || c == 0x34F || c == 0x61C || in(c, 0x115F, 0x1160) ||
           c == 0x1680 || in(c, 0x17B4, 0x17B5) || in(c, 0x180B, 0x180F) || in(c, 0x2000, 0x200F) ||
           c == 0x202F || in(c, 0x205F, 0x206F) || c == 0x2800 || c == 0x3000 || c == 0x3164 ||
           in(c, 0xFE00, 0xFE0F) || c == 0xFEFF || c == 0xFFA0 || in(c, 0xFFF0, 0xFFF8) ||
           in(c, 0x1BCA0, 0x1BCA3) || in(c, 0x1D173, 0x1D17A) || in(c, 0xE0000, 0xE0FFF);
}

// The next code point of `text` from `i`, moving `i` past it; nothing when the bytes are not UTF-8
// (overlong forms, surrogates and values over U+10FFFF included).
std::optional<char32_t> next_code_point(const std::string& text, std::size_t& i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t extra = lead < 0x80           ? 0
                        : (lead >> 5) == 0x6  ? 1
                        : (lead >> 4) == 0xE  ? 2
                        : (lead >> 3) == 0x1E ? 3
                                              : 9;
    if (extra == 9 || i + extra >= text.size()) return std::nullopt;
    char32_t c = extra == 0 ? lead : lead & (0x3F >> extra);
    for (std::size_t k = 1; k <= extra; ++k) {
        if ((byte(i + k) >> 6) != 0x2) return std::nullopt;
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    constexpr char32_t smallest[] = {0, 0x80, 0x800, 0x10000};
    if (c < smallest[extra] || in(c, 0xD800, 0xDFFF) || c > 0x10FFFF) return std::nullopt;
    i += extra + 1;
    return c;
}

}  // namespace

std::string trimmed(const std::string& text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && is_space(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && is_space(static_cast<unsigned char>(text[end - 1]))) --end;
    return text.substr(begin, end - begin);
}

std::optional<std::string> text_problem(const std::string& text, std::size_t min_chars,
                                        std::size_t max_chars) {
    std::size_t count = 0;
    bool visible = false;
    for (std::size_t i = 0; i < text.size(); ++count) {
        auto c = next_code_point(text, i);
        if (!c) return "must be valid UTF-8 text";
        if (refused(*c)) return "must not hold control or bidirectional formatting characters";
        visible = visible || !invisible(*c);
    }
    if (count < min_chars || count > max_chars)
        return "must be " + std::to_string(min_chars) + " to " + std::to_string(max_chars) + " characters";
    if (count > 0 && !visible) return "must hold a visible character";
    return std::nullopt;
}

}  // namespace ensemble::domain
