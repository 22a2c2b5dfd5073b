// Who a credential admits: the live event only those still in it; their own page also who left of their
// own accord, never who the host removed.
#include <doctest/doctest.h>

#include "room_fixture.hpp"

using namespace ensemble;
using namespace ensemble::app;

TEST_CASE("who left opens their own page but not the live event; who was removed opens neither") {
    auto stored = lobby(3);
    stored.state.attendees.at(2).status = domain::AttendeeStatus::left;
    stored.state.attendees.at(3).status = domain::AttendeeStatus::removed;
    boost::asio::io_context ioc;
    boost::asio::thread_pool compute{1};
    FakeStore store;
    auto room =
        std::make_shared<EventRoom>(ioc.get_executor(), RoomServices{store, compute}, stored, "/join");
    auto who = [&](const std::string& hash, Access access) {
        std::optional<std::variant<domain::Actor, Problem>> answer;
        room->authenticate(
            hash, [&](auto result) { answer = result; }, access);
        ioc.restart();
        ioc.poll();
        REQUIRE(answer);
        return *answer;
    };
    auto refusal = [](const std::variant<domain::Actor, Problem>& answer) {
        auto* problem = std::get_if<Problem>(&answer);
        return problem ? std::optional(problem->code) : std::nullopt;
    };
    auto admitted = [](const std::variant<domain::Actor, Problem>& answer) {
        auto* actor = std::get_if<domain::Actor>(&answer);
        return actor && actor->kind == domain::Actor::Kind::attendee ? actor->attendee : 0;
    };
    for (auto access : {Access::live, Access::own_page}) CHECK(admitted(who("hash-1", access)) == 1);
    CHECK(refusal(who("hash-2", Access::live)) == domain::ErrorCode::forbidden);
    CHECK(admitted(who("hash-2", Access::own_page)) == 2);
    for (auto access : {Access::live, Access::own_page}) {
        CHECK(refusal(who("hash-3", access)) == domain::ErrorCode::forbidden);
        CHECK(refusal(who("hash-9", access)) == domain::ErrorCode::unauthorized);
    }
    compute.join();
}
