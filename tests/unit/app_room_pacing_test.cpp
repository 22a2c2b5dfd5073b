// What the room tells at a steady pace rather than per change: the coming round's topic tables, and who is
// connected at each table.
#include <doctest/doctest.h>

#include <algorithm>

#include "room_fixture.hpp"

namespace ensemble::app {
namespace {

using nlohmann::json;

TEST_CASE("topic tables are told at a steady pace, one message per choice made, never one per choice") {
    auto stored = lobby(12);
    stored.state.settings.topics = {{"logement", "Logement", ""}};
    stored.state.settings.round_kinds = {domain::RoundKind::topic_tables};
    Fixture f(stored, no_wait);
    for (const auto& client : f.attendees) REQUIRE(client->of_type("topic_tables").size() == 1);
    auto commit_all = [&] { f.settle(), f.store.complete_all(), f.settle(); };
    f.host_says(domain::OpenTopicTable{"logement", ""});
    commit_all();
    // Five choose in one burst; a sixth is refused: the table has 5 seats.
    for (domain::AttendeeId id = 1; id <= 5; ++id) f.attendee_says(id, domain::ChooseTopicTable{1});
    commit_all();
    f.attendee_says(6, domain::ChooseTopicTable{1});
    f.settle();
    CHECK(f.attendees[5]->of_type("error").back()["code"] == "table_full");
    auto told = [&] {
        return std::all_of(f.attendees.begin(), f.attendees.end(),
                           [](const auto& c) { return c->of_type("topic_tables").size() >= 2; });
    };
    REQUIRE(f.run_until(told));
    f.run_for(std::chrono::milliseconds(700));
    const SharedMessage* chosen = nullptr;
    for (std::size_t i = 0; i < f.attendees.size(); ++i) {
        auto lists = f.attendees[i]->of_type("topic_tables");
        REQUIRE(lists.size() == 2);  // on connecting, then once for the opening and the five choices
        CHECK(lists.back()["tables"][0]["seats_taken"] == 5);
        CHECK(lists.back()["mine"] == (i < 5 ? json(1) : json(nullptr)));
        if (i >= 5) continue;
        // Who chose the same table shares the same bytes.
        const auto& sent = f.attendees[i]->sent;
        auto last = std::find_if(sent.rbegin(), sent.rend(), [](const SharedMessage& m) {
            return json::parse(*m)["type"] == "topic_tables";
        });
        if (chosen) CHECK(chosen->get() == last->get());
        chosen = &*last;
    }
    CHECK(f.host->of_type("topic_tables").back()["mine"].is_null());
}

TEST_CASE("head counts are told at the crowd's pace, and not again once every state has carried them") {
    Fixture f(6);
    auto counts = [&](std::size_t i) { return f.attendees[i]->of_type("presence"); };
    auto commit_all = [&] { f.settle(), f.store.complete_all(), f.settle(); };
    // Six connected one after another: one count for all, after the pace's wait.
    REQUIRE(f.run_until([&] { return !counts(0).empty(); }));
    f.run_for(std::chrono::milliseconds(700));
    for (std::size_t i = 0; i < 6; ++i) {
        REQUIRE(counts(i).size() == 1);
        CHECK(counts(i)[0]["present"] == 6);
    }
    f.host_says(domain::StartEvent{});
    REQUIRE(f.run_until([&] {
        f.store.complete_all();
        auto states = f.attendees[0]->of_type("state");
        return !states.empty() && states.back()["table"].is_object();
    }));
    // One leaves; the pause that comes at once tells the five left the count in their states: no count
    // follows.
    f.room->detach(f.attendees[5].get(), domain::Actor::of(6));
    f.host_says(domain::PauseRotation{});
    commit_all();
    CHECK(f.attendees[0]->of_type("state").back()["paused"] == true);
    CHECK(f.attendees[0]->of_type("state").back()["present"] == 5);
    f.run_for(std::chrono::milliseconds(700));
    for (std::size_t i = 0; i < 5; ++i) CHECK(counts(i).size() == 1);
    // Another leaves, and no state follows: the count is told.
    f.room->detach(f.attendees[4].get(), domain::Actor::of(5));
    REQUIRE(f.run_until([&] {
        f.store.complete_all();
        return counts(0).size() == 2;
    }));
    CHECK(counts(0).back()["present"] == 4);
}

TEST_CASE("a connection opening in a topic break hears the list as it stands, one list made for many") {
    auto stored = lobby(6);
    stored.state.settings.topics = {{"logement", "Logement", ""}};
    stored.state.settings.round_kinds = {domain::RoundKind::topic_tables};
    Fixture f(stored, no_wait);
    auto commit_all = [&] { f.settle(), f.store.complete_all(), f.settle(); };
    auto reconnect = [&](domain::AttendeeId id) {
        auto again = std::make_shared<FakeClient>();
        f.room->attach(again, domain::Actor::of(id));
        commit_all();
        auto lists = again->of_type("topic_tables");
        REQUIRE(lists.size() == 1);
        return lists[0];
    };
    f.host_says(domain::OpenTopicTable{"logement", ""});
    commit_all();
    CHECK(reconnect(2)["tables"][0]["seats_taken"] == 0);
    f.attendee_says(1, domain::ChooseTopicTable{1});
    commit_all();
    auto mine = reconnect(1), other = reconnect(3);
    CHECK(mine["tables"][0]["seats_taken"] == 1);
    CHECK(mine["mine"] == 1);
    CHECK(other["mine"].is_null());
    f.host_says(domain::CloseTopicTable{1});
    commit_all();
    CHECK(reconnect(1)["tables"].empty());
}

// Attendee `id`'s table in the round now, and the `state` messages each person of it has had so far.
struct TableWatch {
    int number = 0;
    std::vector<domain::AttendeeId> people;
    std::map<domain::AttendeeId, std::size_t> states;
};

TableWatch watch_table(Fixture& f, domain::AttendeeId id) {
    TableWatch watch;
    auto state = f.attendees[id - 1]->of_type("state").back();
    watch.number = state["table"]["number"];
    for (const auto& person : state["table"]["people"]) watch.people.push_back(person["id"]);
    for (auto person : watch.people) watch.states[person] = f.attendees[person - 1]->of_type("state").size();
    return watch;
}

TEST_CASE("who comes and goes at a table is told to it once per pace, behind what was applied before") {
    Fixture f(8);
    f.host_says(domain::StartEvent{});
    REQUIRE(f.run_until([&] { return !f.store.commits.empty(); }));
    f.store.complete(0);
    f.settle();
    auto table = watch_table(f, 1);
    REQUIRE(table.people.size() >= 3);
    auto gone = table.people[0], also_gone = table.people[1], stays = table.people[2];
    auto new_states = [&](domain::AttendeeId id) {
        return f.attendees[id - 1]->of_type("state").size() - table.states[id];
    };

    // Two of the table drop, and someone joins whose commit is still pending.
    f.room->detach(f.attendees[gone - 1].get(), domain::Actor::of(gone));
    f.room->detach(f.attendees[also_gone - 1].get(), domain::Actor::of(also_gone));
    f.settle();
    f.store.complete_all();
    f.room->join({"Late", "OrgX", ""}, "hash-late", [](auto) {});
    f.settle();
    auto join = f.store.commits.size() - 1;
    REQUIRE(f.store.commits[join - 1].completed);  // only the join waits
    CHECK(new_states(stays) == 0);
    // The pace has passed, but the redraw waits behind the join it followed.
    f.run_for(std::chrono::milliseconds(700));
    CHECK(new_states(stays) == 0);
    f.store.complete(join);
    REQUIRE(f.run_until([&] { return new_states(stays) == 1; }));
    auto redrawn = f.attendees[stays - 1]->of_type("state").back();
    for (const auto& person : redrawn["table"]["people"])
        CHECK(person["connected"] == (person["id"] != gone && person["id"] != also_gone));
    f.run_for(std::chrono::milliseconds(700));
    CHECK(new_states(stays) == 1);  // one redraw for both

    // Coming back: the returning person sees their table at once, the others with the next redraw.
    auto back = std::make_shared<FakeClient>();
    f.room->attach(back, domain::Actor::of(gone));
    f.settle();
    f.store.complete_all();
    f.settle();
    auto own = back->of_type("state");
    REQUIRE(own.size() == 1);
    CHECK(own[0]["table"]["number"] == table.number);
    CHECK(new_states(stays) == 1);
    REQUIRE(f.run_until([&] { return new_states(stays) == 2; }));
    auto redrawn_again = f.attendees[stays - 1]->of_type("state").back();
    for (const auto& person : redrawn_again["table"]["people"])
        if (person["id"] == gone) CHECK(person["connected"] == true);
}

}  // namespace
}  // namespace ensemble::app
