// The cache of ended events' reviews: found for the same version only, bounded, least recently used first
// out.
#include <doctest/doctest.h>

#include "review/cache.hpp"

using namespace ensemble::review;

namespace {

Rendered rendered(const std::string& text) {
    return {std::make_shared<const std::string>(text), std::make_shared<const std::string>(text + "!")};
}

}  // namespace

TEST_CASE("review cache: kept per event and version; a newer version replaces it") {
    Cache cache(2);
    CHECK_FALSE(cache.find("ev1", 1));
    cache.keep("ev1", 1, rendered("a"));
    REQUIRE(cache.find("ev1", 1));
    CHECK(*cache.find("ev1", 1)->graph == "a");
    CHECK(*cache.find("ev1", 1)->report == "a!");
    CHECK_FALSE(cache.find("ev1", 2));  // the event changed since
    cache.keep("ev1", 2, rendered("b"));
    CHECK_FALSE(cache.find("ev1", 1));
    CHECK(*cache.find("ev1", 2)->graph == "b");
}

TEST_CASE("review cache: bounded, the least recently used goes first") {
    Cache cache(2);
    cache.keep("ev1", 1, rendered("a"));
    cache.keep("ev2", 1, rendered("b"));
    CHECK(cache.find("ev1", 1));  // ev1 is now the most recently used
    cache.keep("ev3", 1, rendered("c"));
    CHECK(cache.find("ev1", 1));
    CHECK_FALSE(cache.find("ev2", 1));
    CHECK(cache.find("ev3", 1));
}
