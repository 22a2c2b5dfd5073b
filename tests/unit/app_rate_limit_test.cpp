// The chat limit's refusal says when sending may succeed again (protocol.md, rate_limited).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/rate_limiter.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

TEST_CASE("rate limiter: the wait until the next action, as the bucket refills") {
    RateLimiter chat{5, 0.5};  // the chat's: 5 at once, then one every 2 s
    const std::int64_t start = 1'000'000;
    CHECK(chat.wait_ms(start) == 0);
    for (int i = 0; i < 5; ++i) REQUIRE(chat.allow(start));
    CHECK_FALSE(chat.allow(start));
    struct Case {
        std::int64_t after_ms;
        std::int64_t wait_ms;
    };
    for (auto [after, wait] : {Case{0, 2000}, Case{500, 1500}, Case{1999, 1}, Case{2000, 0}, Case{9000, 0}}) {
        CAPTURE(after);
        CHECK(chat.wait_ms(start + after) == wait);
    }
    CHECK(chat.allow(start + 2000));
    CHECK(chat.wait_ms(start + 2000) == 2000);
}

TEST_CASE("error message: retry_after_ms only when there is a wait to tell") {
    auto limited = nlohmann::json::parse(
        error_message({domain::ErrorCode::rate_limited, "too many chat messages", "", 1500}, 3));
    CHECK(limited["code"] == "rate_limited");
    CHECK(limited["retry_after_ms"] == 1500);
    CHECK(limited["ref"] == 3);
    auto plain = nlohmann::json::parse(error_message({domain::ErrorCode::wrong_phase, "not now", ""}));
    CHECK_FALSE(plain.contains("retry_after_ms"));
}

}  // namespace
}  // namespace ensemble::app
