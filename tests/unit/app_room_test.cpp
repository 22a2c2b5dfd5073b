// The room's pipeline with fake connections and a store whose commits complete when the test says:
// who receives what, in which order, and that nothing is told before it is durable.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/views.hpp"
#include "room_fixture.hpp"

namespace ensemble::app {
namespace {

using nlohmann::json;

TEST_CASE("every connection hears its welcome and its view first, in that order") {
    Fixture f(3);
    for (const auto& client : f.attendees) {
        REQUIRE(client->sent.size() >= 2);
        CHECK(json::parse(*client->sent[0])["type"] == "welcome");
        CHECK(json::parse(*client->sent[1])["type"] == "state");
    }
    CHECK(json::parse(*f.host->sent[0])["type"] == "welcome");
    CHECK(json::parse(*f.host->sent[1])["type"] == "host_state");
}

TEST_CASE("a round is told only once its seats are durable, and each table's state is one shared message") {
    Fixture f(8);
    f.host_says(domain::StartEvent{});
    REQUIRE(
        f.run_until([&] { return !f.store.commits.empty(); }));  // the matcher ran, the seats await commit
    f.settle();
    for (const auto& client : f.attendees) CHECK(client->of_type("state").back()["phase"] == "lobby");

    f.store.complete(0);
    f.settle();
    std::map<int, SharedMessage> by_table;
    for (std::size_t i = 0; i < f.attendees.size(); ++i) {
        auto state = json::parse(*f.attendees[i]->sent.back());
        REQUIRE(state["phase"] == "round");
        int table = state["table"]["number"];
        bool listed = false;
        for (const auto& person : state["table"]["people"]) listed = listed || person["id"] == int(i + 1);
        CHECK(listed);
        auto [it, first] = by_table.emplace(table, f.attendees[i]->sent.back());
        if (!first) CHECK(it->second.get() == f.attendees[i]->sent.back().get());  // the same bytes, shared
    }
    CHECK(by_table.size() == 2);
}

TEST_CASE("messages are published in the order commands were applied, behind any pending commit") {
    Fixture f(6);
    std::variant<domain::AttendeeId, Problem> joined;
    bool answered = false;
    f.room->join({"Late", "OrgX", ""}, "hash-late", [&](auto result) { joined = result, answered = true; });
    f.settle();
    REQUIRE(f.store.commits.size() == 1);
    // A disconnect has nothing to commit, yet it waits for the join before it.
    f.room->detach(f.attendees[0].get(), domain::Actor::of(1));
    f.settle();
    CHECK_FALSE(answered);
    f.store.complete(0);
    REQUIRE(f.run_until([&] { return answered; }));
    CHECK(std::get<domain::AttendeeId>(joined) == 7);
    REQUIRE(f.run_until([&] { return !f.host->of_type("host_update").empty(); }));
    auto update = f.host->of_type("host_update").back();
    CHECK(update["present"] == 5);
    std::map<int, bool> connected;
    for (const auto& entry : update["attendees"]) connected[entry["id"]] = entry["connected"];
    CHECK(connected.at(7) == false);  // joined, not yet connected
    CHECK(connected.at(1) == false);  // went offline
}

TEST_CASE("a failed commit tells nobody, answers the sender, and the room comes back to the stored truth") {
    Fixture f(4);
    std::optional<Problem> refused;
    f.room->join({"Late", "OrgX", ""}, "hash-late", [&](auto result) {
        if (auto* problem = std::get_if<Problem>(&result)) refused = *problem;
    });
    f.settle();
    f.store.complete(0, "disk full");
    REQUIRE(f.run_until([&] { return refused.has_value(); }));
    CHECK(refused->code == domain::ErrorCode::storage_unavailable);
    f.settle();
    CHECK(f.store.loads == 1);
    CHECK(f.host->of_type("host_update").empty());
    CHECK(f.host->of_type("host_state").back()["attendees"].size() == 4);  // resync: without the newcomer

    // The room works again: the same person can join.
    bool answered = false;
    f.room->join({"Late", "OrgX", ""}, "hash-late", [&](auto) { answered = true; });
    f.settle();
    REQUIRE(f.store.commits.size() == 2);
    f.store.complete(1);
    CHECK(f.run_until([&] { return answered; }));
}

TEST_CASE(
    "a deadline whose commit keeps failing is tried again ever more slowly, and goes on once it succeeds") {
    using namespace std::chrono_literals;
    const StorageRetry retry{50ms, 400ms};
    Fixture f(in_break(6, now_ms() - 1), retry, "disk full");
    f.run_for(1s);

    // Each try waits twice as long as the one before, up to the most: a few tries, not thousands.
    const auto& attempts = f.store.attempts;
    CHECK(attempts.size() >= 2);
    CHECK(attempts.size() <= 6);
    auto wait = retry.first;
    for (std::size_t i = 1; i < std::min<std::size_t>(attempts.size(), 7);
         ++i, wait = std::min(wait * 2, retry.most)) {
        CAPTURE(i);
        CHECK(attempts[i] - attempts[i - 1] >= wait);
    }
    // Nobody is told of a round that was not saved; the host hears once that the event waits.
    for (const auto& client : f.attendees) CHECK(client->of_type("state").back()["phase"] == "break");
    auto told = f.host->of_type("storage");
    REQUIRE(told.size() == 1);
    CHECK(told[0]["ok"] == false);

    // Space is back: the next try saves the round, which then goes on by itself.
    f.store.failing.reset();
    REQUIRE(f.run_until([&] { return !f.store.commits.empty(); }));
    f.store.complete(0);
    REQUIRE(f.run_until([&] { return f.host->of_type("storage").size() == 2; }));
    CHECK(f.host->of_type("storage").back()["ok"] == true);
    REQUIRE(f.run_until([&] { return f.attendees[0]->of_type("state").back()["phase"] == "round"; }));
    CHECK(f.attendees[0]->of_type("state").back()["round"] == 2);
}

TEST_CASE("while the storage is waited for, changes are refused at once and a host who connects is told") {
    using namespace std::chrono_literals;
    Fixture f(4, {10s, 10s});
    std::optional<Problem> refused;
    auto join = [&] {
        refused.reset();
        f.room->join({"Late", "OrgX", ""}, "hash-late", [&](auto result) {
            if (auto* problem = std::get_if<Problem>(&result)) refused = *problem;
        });
    };
    join();
    f.settle();
    REQUIRE(f.store.commits.size() == 1);
    f.store.complete(0, "database is locked");
    REQUIRE(f.run_until([&] { return refused.has_value(); }));
    CHECK(refused->code == domain::ErrorCode::storage_unavailable);
    f.settle();

    join();
    REQUIRE(f.run_until([&] { return refused.has_value(); }));
    CHECK(refused->code == domain::ErrorCode::storage_unavailable);
    f.host_says(domain::Broadcast{"Bonjour"});
    f.settle();
    CHECK(f.host->of_type("error").back()["code"] == "storage_unavailable");
    CHECK(f.store.attempts.size() == 1);  // neither went to the store

    // A disconnection writes nothing, and still counts.
    f.room->detach(f.attendees[0].get(), domain::Actor::of(1));
    REQUIRE(f.run_until([&] {
        auto updates = f.host->of_type("host_update");
        return !updates.empty() && updates.back()["present"] == 3;
    }));

    auto second = std::make_shared<FakeClient>();
    f.room->attach(second, domain::Actor::host());
    f.settle();
    REQUIRE(second->sent.size() == 3);
    CHECK(json::parse(*second->sent[1])["type"] == "host_state");
    CHECK(json::parse(*second->sent[2]) == json{{"type", "storage"}, {"ok", false}});
}

TEST_CASE("chat reaches the author's table only; leaving closes the leaver after their messages") {
    Fixture f(8);
    f.host_says(domain::StartEvent{});
    REQUIRE(f.run_until([&] { return !f.store.commits.empty(); }));
    f.store.complete(0);
    f.settle();
    auto table_of = [&](std::size_t i) {
        return int(json::parse(*f.attendees[i]->sent.back())["table"]["number"]);
    };
    int table = table_of(0);
    std::vector<int> tables;
    for (std::size_t i = 0; i < f.attendees.size(); ++i) tables.push_back(table_of(i));

    f.attendee_says(1, domain::PostChat{"Bonjour"});
    f.settle();
    f.store.complete(1);
    f.settle();
    for (std::size_t i = 0; i < f.attendees.size(); ++i)
        CHECK(f.attendees[i]->of_type("chat").size() == (tables[i] == table ? 1u : 0u));

    f.attendee_says(1, domain::Leave{});
    f.settle();
    CHECK_FALSE(f.attendees[0]->closed);  // not before the leave is durable
    f.store.complete(2);
    f.settle();
    CHECK(f.attendees[0]->closed == close_code::normal);
}

TEST_CASE("a room leaves memory only when nobody needs it; a lobby past its lifetime is ended on opening") {
    Fixture f(2);
    std::optional<bool> released;
    auto ask = [&] {
        released.reset();
        f.room->release_if_idle([&](bool answer) { released = answer; });
        f.settle();
        REQUIRE(released);
        return *released;
    };
    CHECK_FALSE(ask());  // people are connected
    f.room->detach(f.host.get(), domain::Actor::host());
    for (domain::AttendeeId id = 1; id <= 2; ++id)
        f.room->detach(f.attendees[id - 1].get(), domain::Actor::of(id));
    f.settle();
    for (std::size_t i = 1; i < f.store.commits.size(); ++i) f.store.complete(i);  // the disconnections
    f.settle();
    CHECK_FALSE(ask());  // a lobby left just now may be joined again in a minute

    auto old = lobby(2);
    old.state.created_at = now_ms() - domain::TimeMs{31} * 24 * 3600 * 1000;
    auto room =
        std::make_shared<EventRoom>(f.ioc.get_executor(), RoomServices{f.store, f.compute}, old, "/join");
    auto before = f.store.commits.size();
    room->start();
    f.settle();
    REQUIRE(f.store.commits.size() == before + 1);
    bool ended = false;
    for (const auto& record : f.store.commits.back().records)
        if (auto* phase = std::get_if<domain::PhaseChanged>(&record))
            ended = phase->phase == domain::Phase::ended;
    CHECK(ended);
    f.store.complete(before);
    f.settle();
    std::optional<bool> let_go;
    room->release_if_idle([&](bool answer) { let_go = answer; });
    f.settle();
    REQUIRE(let_go);
    CHECK(*let_go);
    // From then on it does no work: whoever still holds it is told to try again, and gets a fresh room.
    std::optional<std::variant<domain::Actor, Problem>> who;
    room->authenticate("hash-1", [&](auto answer) { who = answer; });
    f.settle();
    REQUIRE(who);
    CHECK(std::holds_alternative<Problem>(*who));
}

TEST_CASE(
    "a connection opened after the end sees the final state; an attendee's is closed, the host's stays") {
    auto stored = lobby(2);
    stored.state.phase = domain::Phase::ended;
    boost::asio::io_context ioc;
    boost::asio::thread_pool compute{1};
    FakeStore store;
    auto room =
        std::make_shared<EventRoom>(ioc.get_executor(), RoomServices{store, compute}, stored, "/join");
    auto host = std::make_shared<FakeClient>();
    auto attendee = std::make_shared<FakeClient>();
    room->attach(host, domain::Actor::host());
    room->attach(attendee, domain::Actor::of(1));
    ioc.poll();
    CHECK(host->of_type("host_state").size() == 1);
    CHECK_FALSE(host->closed);  // to look back at the rounds' tables
    CHECK(attendee->of_type("state").size() == 1);
    CHECK(attendee->closed == close_code::normal);
    compute.join();
}

TEST_CASE("what the commits of one group publish reaches each connection in one flush, in order") {
    Fixture f(8);
    f.host_says(domain::StartEvent{});
    REQUIRE(f.run_until([&] { return !f.store.commits.empty(); }));
    f.store.complete(0);
    f.settle();
    auto& first = f.attendees[0]->sent.back();
    auto people = json::parse(*first)["table"]["people"];
    REQUIRE(people.size() >= 2);
    domain::AttendeeId mate = people[0]["id"] == 1 ? people[1]["id"] : people[0]["id"];

    f.attendee_says(1, domain::PostChat{"Bonjour"});
    f.attendee_says(mate, domain::PostChat{"Salut"});
    f.settle();
    auto& reader = *f.attendees[0];
    auto flushes_before = reader.flushes.size();
    f.store.complete(1);
    f.store.complete(2);
    f.settle();
    REQUIRE(reader.flushes.size() == flushes_before + 1);
    CHECK(reader.flushes.back() == 2);
    auto chats = reader.of_type("chat");
    REQUIRE(chats.size() == 2);
    CHECK(chats[0]["text"] == "Bonjour");
    CHECK(chats[1]["text"] == "Salut");
}

TEST_CASE("a connection is written at most every write_every: what comes meanwhile leaves in one write") {
    for (auto pace : {std::chrono::milliseconds(0), std::chrono::milliseconds(2000)}) {
        CAPTURE(pace.count());
        Fixture f(lobby(8), no_wait, {}, pace);
        auto& reader = *f.attendees[0];
        auto seated = [&] {
            auto states = reader.of_type("state");
            return !states.empty() && states.back()["table"].is_object();
        };
        f.host_says(domain::StartEvent{});
        REQUIRE(f.run_until([&] { return !f.store.commits.empty(); }));
        f.store.complete(0);
        REQUIRE(f.run_until(seated));
        auto people = reader.of_type("state").back()["table"]["people"];
        REQUIRE(people.size() >= 2);
        domain::AttendeeId mate = people[0]["id"] == 1 ? people[1]["id"] : people[0]["id"];

        // Two commits, each published on its own, soon after the round's state was written.
        auto flushes_before = reader.flushes.size();
        f.attendee_says(1, domain::PostChat{"Bonjour"});
        f.settle(), f.store.complete(1), f.settle();
        f.attendee_says(mate, domain::PostChat{"Salut"});
        f.settle(), f.store.complete(2), f.settle();
        REQUIRE(f.run_until([&] { return reader.of_type("chat").size() == 2; }));
        CHECK(reader.flushes.size() - flushes_before == (pace.count() ? 1u : 2u));
        CHECK(reader.of_type("chat")[1]["text"] == "Salut");
    }
}

namespace ensemble::app {
namespace {

TEST_CASE("a table's state, written by hand, is the JSON of protocol.md whatever people typed") {
    auto stored = lobby(3);
    auto& s = stored.state;
    s.attendees.at(1).name = "Zoé \"la\" \\ <b>\n\t\x01 😀";
    s.attendees.at(2).role = "Conseillère";
    s.phase = domain::Phase::round;
    s.round = 1;
    s.deadline = t0 + 600'000;
    s.settings.prompts = {"Qu'est-ce qui \"bloque\" ?"};
    s.tables.push_back({{1, 2, 3}, {{2, "P2", "Bonjour\\n\"toi\"", t0}}});
    s.attendees.at(1).connected = true;
    domain::Event event(std::move(s));
    auto state = json::parse(table_state(event, 1));
    CHECK(state["type"] == "state");
    CHECK(state["phase"] == "round");
    CHECK(state["deadline"] == t0 + 600'000);
    CHECK(state["remaining_ms"].is_null());
    CHECK(state["present"] == 1);
    CHECK(state["table"]["number"] == 1);
    CHECK(state["table"]["prompt"] == "Qu'est-ce qui \"bloque\" ?");
    CHECK(state["table"]["video_url"].is_null());
    REQUIRE(state["table"]["people"].size() == 3);
    CHECK(state["table"]["people"][0]["name"] == "Zoé \"la\" \\ <b>\n\t\x01 😀");
    CHECK(state["table"]["people"][0]["connected"] == true);
    CHECK(state["table"]["people"][1]["role"] == "Conseillère");
    CHECK(state["table"]["chat"][0]["text"] == "Bonjour\\n\"toi\"");
}

}  // namespace
}  // namespace ensemble::app

TEST_CASE("the host looks back at a round's tables; an attendee or a round not yet held is refused") {
    Fixture f(8);
    auto ask = [&](domain::Actor actor, const std::shared_ptr<FakeClient>& client, int round) {
        f.room->handle(client.get(), actor, {round, RoundTablesQuery{round}});
        f.settle();
    };
    ask(domain::Actor::host(), f.host, 1);
    REQUIRE(f.host->of_type("error").size() == 1);
    CHECK(f.host->of_type("error")[0]["code"] == "not_found");
    CHECK(f.host->of_type("error")[0]["ref"] == 1);

    f.host_says(domain::StartEvent{});
    REQUIRE(f.run_until([&] { return !f.store.commits.empty(); }));
    f.store.complete(0);
    f.settle();
    f.host_says(domain::EndRound{});  // the break: round 1's tables are no longer live
    f.settle();
    f.store.complete(1);
    f.settle();
    ask(domain::Actor::host(), f.host, 1);
    auto answers = f.host->of_type("round_tables");
    REQUIRE(answers.size() == 1);
    CHECK(answers[0]["round"] == 1);
    std::vector<int> seated;
    for (const auto& table : answers[0]["tables"])
        for (const auto& id : table["attendees"]) seated.push_back(id);
    std::sort(seated.begin(), seated.end());
    CHECK(seated == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8});

    ask(domain::Actor::of(1), f.attendees[0], 1);
    CHECK(f.attendees[0]->of_type("error").back()["code"] == "forbidden");
    CHECK(f.attendees[0]->of_type("round_tables").empty());
    ask(domain::Actor::host(), f.host, 2);
    CHECK(f.host->of_type("error").back()["code"] == "not_found");
}

TEST_CASE("the host's list keeps whoever left or was removed, with their status") {
    Fixture f(3);
    f.attendee_says(1, domain::Leave{});
    f.host_says(domain::RemoveAttendee{2});
    f.settle();
    f.store.complete(0);
    f.store.complete(1);
    std::map<int, std::string> status;  // as the latest updates say
    auto heard = [&] {
        status.clear();
        for (const auto& update : f.host->of_type("host_update")) {
            CHECK(update["gone"].empty());
            for (const auto& entry : update["attendees"])
                status[entry["id"]] = entry.value("status", "active");
        }
        return status[1] == "left" && status[2] == "removed";
    };
    REQUIRE(f.run_until(heard));
    CHECK(status[3] == "active");

    auto again = std::make_shared<FakeClient>();
    f.room->attach(again, domain::Actor::host());
    f.settle();
    auto snapshot = again->of_type("host_state").at(0);
    REQUIRE(snapshot["attendees"].size() == 3);
    CHECK(snapshot["attendees"][0]["status"] == "left");
    CHECK(snapshot["attendees"][1]["status"] == "removed");
    CHECK_FALSE(snapshot["attendees"][2].contains("status"));  // absent while in the event
}

}  // namespace

}  // namespace ensemble::app
