// Live repairs: late joiners and leavers, with as few moves as possible.
#include <doctest/doctest.h>

#include "matching_check.hpp"

using namespace matching_check;

namespace {

struct Room {
    std::vector<Table> tables;
    std::unordered_map<PersonId, Person> people;
    History history;
    Constraints constraints;
    LiveContext context(TableSize size = {4, 3, 5}) {
        for (const auto& table : tables)
            for (PersonId id : table) people.emplace(id, Person{id, {}, {}});
        return {&tables, &people, &history, size, {}, 2, &constraints};
    }
};

}  // namespace

TEST_CASE("matching: a late joiner takes a seat with room, next to strangers, moving nobody") {
    Room room;
    room.tables = {{1, 2, 3, 4, 5}, {6, 7, 8, 9}, {10, 11, 12, 13}};
    room.history.record_table(std::vector<PersonId>{14, 6}, 1);
    auto moves = seat_late_joiner(room.context(), {14, "", {}});
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].person == 14);
    CHECK(moves[0].to_table == 2);
}

TEST_CASE("matching: a late joiner is never seated with someone they must not meet") {
    Room room;
    room.tables = {{1, 2, 3}, {4, 5, 6}};
    room.history.record_table(std::vector<PersonId>{7, 1}, 1);
    room.constraints.never_together = {{7, 4}};
    auto moves = seat_late_joiner(room.context(), {7, "", {}});
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].to_table == 0);
}

TEST_CASE("matching: with every table full, a joiner opens a table with people others can spare") {
    Room room;
    room.tables = {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {11, 12, 13, 14, 15}};
    auto moves = seat_late_joiner(room.context(), {16, "", {}});
    REQUIRE(moves.size() == 3);  // the joiner and two others, to reach the minimum of 3
    for (const auto& move : moves) CHECK(move.to_table == 3);
}

TEST_CASE("matching: after a leave nobody sits alone") {
    Room room;
    room.tables = {{1}, {2, 3, 4}, {5, 6, 7, 8}};
    auto moves = rebalance_after_leave(room.context());
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].person == 1);
    CHECK(moves[0].to_table != 0);
}

TEST_CASE("matching: a table below the minimum is filled from a table that can spare someone") {
    Room room;
    room.tables = {{1, 2}, {3, 4, 5, 6, 7}, {8, 9, 10, 11, 12}};
    auto moves = rebalance_after_leave(room.context());
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].to_table == 0);
    CHECK(moves[0].person >= 3);
}

TEST_CASE("matching: a lone person's table is filled when another can spare people") {
    Room room;
    room.tables = {{1}, {2, 3, 4, 5, 6}};
    auto moves = rebalance_after_leave(room.context());
    REQUIRE(moves.size() == 2);
    CHECK(moves[0].to_table == 0);
    CHECK(moves[1].to_table == 0);
}

TEST_CASE("matching: a lone person joins a full table rather than stay alone") {
    Room room;
    room.tables = {{1}, {2, 3, 4}};
    auto moves = rebalance_after_leave(room.context({3, 3, 3}));
    REQUIRE(moves.size() == 1);
    CHECK(moves[0].person == 1);
    CHECK(moves[0].to_table == 1);
}

TEST_CASE("matching: balanced tables need no move") {
    Room room;
    room.tables = {{1, 2, 3}, {4, 5, 6, 7}};
    CHECK(rebalance_after_leave(room.context()).empty());
}
