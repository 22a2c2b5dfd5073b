#pragma once
// Drives an event as the room does, on one thread: a command, then the matcher's job it asked for (if
// any) and the SeatRound that brings its tables back. Records of both steps are returned together.

#include <doctest/doctest.h>

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

}  // namespace ensemble::domain::test
