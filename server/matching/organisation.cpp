#include "matching/organisation.hpp"

#include <array>

namespace ensemble::matching {
namespace {

// The letters U+00C0 to U+00FF without their accents, "" where the character is not a letter.
constexpr std::array<const char*, 64> latin1_letters = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",  //
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

}  // namespace

std::string organisation_key(std::string_view organisation) {
    std::string key;
    bool space = false;
    for (std::size_t i = 0; i < organisation.size(); ++i) {
        auto c = static_cast<unsigned char>(organisation[i]);
        std::string_view letters;
        char lower = 0;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = true;
            continue;
        }
        auto next = i + 1 < organisation.size() ? static_cast<unsigned char>(organisation[i + 1]) : 0u;
        if (c == 0xC3 && next >= 0x80 && next <= 0xBF && latin1_letters[next - 0x80][0] != '\0') {
            letters = latin1_letters[next - 0x80];
            ++i;
        } else if (c == 0xC5 && (next == 0x92 || next == 0x93)) {  // Œ œ
            letters = "oe";
            ++i;
        } else {
            lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
            letters = std::string_view(&lower, 1);
        }
        if (space && !key.empty()) key += ' ';
        space = false;
        key += letters;
    }
    return key;
}

}  // namespace ensemble::matching
