// The host console's deltas carry the host links and the log of who did what: merged in order, and absent
// from host_update when nothing changed there.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/render.hpp"

namespace ensemble::app {

using nlohmann::json;

TEST_CASE(
    "host deltas: log entries append in order, the latest host links win, nothing said when unchanged") {
    HostDelta first;
    first.clock = {{"phase", "round"}};
    first.log.push_back({{"action", "pause"}, {"by", 1}});
    HostDelta second;
    second.clock = {{"phase", "round"}};
    second.host_links = json::array({{{"id", 1}, {"name", "Camille"}, {"creator", true}}});
    second.log.push_back({{"action", "resume"}, {"by", 2}});
    HostDelta third;
    third.clock = {{"phase", "break"}};

    first.merge(std::move(second));
    first.merge(std::move(third));
    auto message = json::parse(first.message());
    CHECK(message["phase"] == "break");
    REQUIRE(message["log"].size() == 2);
    CHECK(message["log"][0]["action"] == "pause");
    CHECK(message["log"][1]["action"] == "resume");
    CHECK(message["host_links"][0]["name"] == "Camille");

    HostDelta quiet;
    quiet.clock = {{"phase", "round"}};
    auto plain = json::parse(quiet.message());
    CHECK_FALSE(plain.contains("log"));
    CHECK_FALSE(plain.contains("host_links"));
}

}  // namespace ensemble::app
