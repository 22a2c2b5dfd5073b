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
    first.clock = R"({"phase":"round","round":2})";
    first.log.push_back({{"action", "pause"}, {"by", 1}});
    HostDelta second;
    second.clock = R"({"phase":"round","round":2})";
    second.host_links = json::array({{{"id", 1}, {"name", "Camille"}, {"creator", true}}});
    second.log.push_back({{"action", "resume"}, {"by", 2}});
    HostDelta third;
    third.clock = R"({"phase":"break","round":2})";

    first.merge(std::move(second));
    first.merge(std::move(third));
    auto message = json::parse(first.message());
    CHECK(message["type"] == "host_update");
    CHECK(message["phase"] == "break");
    CHECK(message["round"] == 2);
    REQUIRE(message["log"].size() == 2);
    CHECK(message["log"][0]["action"] == "pause");
    CHECK(message["log"][1]["action"] == "resume");
    CHECK(message["host_links"][0]["name"] == "Camille");

    HostDelta quiet;
    quiet.clock = R"({"phase":"round","round":2})";
    auto plain = json::parse(quiet.message());
    CHECK_FALSE(plain.contains("log"));
    CHECK_FALSE(plain.contains("host_links"));
}

}  // namespace ensemble::app
