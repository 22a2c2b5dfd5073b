#pragma once
// What the fuzz targets share: a check that stops the run on a broken invariant, so libFuzzer saves the
// input as a crash, and the exact comparison of a JSON integer.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

// Unlike assert, never compiled out.
#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken at %s:%d: %s (%s)\n", __FILE__, __LINE__, what, \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace ensemble::fuzz {

// The JSON number is exactly `number` (not a wrapped unsigned, not a float).
inline bool same_integer(const nlohmann::json& value, std::int64_t number) {
    if (value.is_number_unsigned())
        return number >= 0 && value.get<std::uint64_t>() == static_cast<std::uint64_t>(number);
    return value.is_number_integer() && value.get<std::int64_t>() == number;
}

}  // namespace ensemble::fuzz
