#pragma once
// User-typed text, the one place it is checked: trimmed, valid UTF-8, no control or bidirectional
// formatting characters, something visible, length in code points.

#include <cstddef>
#include <optional>
#include <string>

namespace ensemble::domain {

// Leading and trailing white space removed.
std::string trimmed(const std::string& text);

// Why `text` (already trimmed) is not acceptable, or nothing when it is.
std::optional<std::string> text_problem(const std::string& text, std::size_t min_chars,
                                        std::size_t max_chars);

}  // namespace ensemble::domain
