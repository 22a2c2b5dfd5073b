#pragma once
// Drives an event as the room does, on one thread: a command, then the matcher's job it asked for (if
// any) and the SeatRound that brings its tables back. Records of both steps are returned together.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "domain/event.hpp"

namespace ensemble::domain::test {

inline Effects drive(Event& event, const Actor& actor, const Command& command, TimeMs now) {
    auto fx = event.apply(actor, command, now);
    if (!fx.seating) return fx;
    auto job = std::move(*fx.seating);
    fx.seating.reset();
    auto seated = event.apply(Actor::system(), SeatRound{job.round, form_tables(job)}, now);
    REQUIRE_FALSE(seated.error);
    fx.records.insert(fx.records.end(), seated.records.begin(), seated.records.end());
    fx.outbox = std::move(seated.outbox);
    return fx;
}

// Joins and connects people named 1, 2, … each of their own organisation, with the purposes given.
inline void fill(Event& event, const std::vector<Purpose>& purposes, TimeMs now) {
    for (std::size_t i = 0; i < purposes.size(); ++i) {
        auto name = std::to_string(i + 1);
        auto fx =
            event.apply(Actor::system(), Join{name, "Org " + name, "", "h" + name, "", "", purposes[i]}, now);
        REQUIRE_FALSE(fx.error);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, now).error);
    }
}

}  // namespace ensemble::domain::test
