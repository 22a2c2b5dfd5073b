#pragma once
// Appends JSON text by hand, for the few messages sent in bulk (a table's `state` at every round start):
// no intermediate objects, one growing string.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ensemble::app::json_text {

// A JSON string literal: quotes, escapes for quote, backslash and control characters; UTF-8 as it is.
inline void string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

inline void number(std::string& out, std::int64_t value) { out += std::to_string(value); }

inline void number_or_null(std::string& out, const std::optional<std::int64_t>& value) {
    if (value)
        number(out, *value);
    else
        out += "null";
}

// `"name":` — names are ours, never user text.
inline void key(std::string& out, std::string_view name) {
    out += '"';
    out += name;
    out += "\":";
}

}  // namespace ensemble::app::json_text
