// Profiles with purpose: the event's topics, an attendee's needs, offers, département and structure,
// checked by the domain at joining and when changed live; erasure takes them away.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "domain/event.hpp"
#include "domain/reference_data.hpp"
#include "domain_driver.hpp"

using namespace ensemble::domain;
using ensemble::domain::test::drive;

namespace {

constexpr TimeMs t0 = 1'700'000'000'000;

EventSettings settings_with_topics() {
    EventSettings settings;
    settings.title = "Rencontres";
    settings.table_size = 2;
    settings.min_table_size = 2;
    settings.max_table_size = 3;
    settings.topics = {{"logement", "Logement", "Housing"}, {"emploi", "Emploi", ""}, {"sante", "Santé", ""}};
    return settings;
}

Join join(const std::string& name, Purpose purpose = {}) {
    return Join{name, "Org " + name, "", "hash-" + name, "", "", std::move(purpose)};
}

template <class R>
std::vector<R> records_of(const Effects& fx) {
    std::vector<R> found;
    for (const auto& record : fx.records)
        if (const auto* r = record_if<R>(record)) found.push_back(*r);
    return found;
}

}  // namespace

TEST_CASE("purpose: the event's topics are checked with its settings") {
    auto settings = settings_with_topics();
    CHECK_FALSE(validate(settings));
    struct Case {
        const char* why;
        std::vector<Topic> topics;
    };
    std::vector<Topic> too_many;
    for (std::size_t i = 0; i <= max_topics; ++i) too_many.push_back({"t" + std::to_string(i), "Thème", ""});
    for (const auto& c : std::vector<Case>{
             {"an empty id", {{"", "Logement", ""}}},
             {"an id with a capital", {{"Logement", "Logement", ""}}},
             {"an id with an accent", {{"santé", "Santé", ""}}},
             {"an id with a space", {{"sante mentale", "Santé mentale", ""}}},
             {"an id twice", {{"a", "A", ""}, {"a", "B", ""}}},
             {"no French label", {{"a", "", "A"}}},
             {"a French label too long", {{"a", std::string(max_topic_label_chars + 1, 'x'), ""}}},
             {"an English label too long", {{"a", "A", std::string(max_topic_label_chars + 1, 'x')}}},
             {"a control character", {{"a", "A\x01", ""}}},
             {"too many topics", too_many},
         }) {
        CAPTURE(c.why);
        settings.topics = c.topics;
        auto error = validate(settings);
        REQUIRE(error);
        CHECK(error->field == "topics");
    }
    too_many.pop_back();
    settings.topics = too_many;
    CHECK_FALSE(validate(settings));
}

TEST_CASE("purpose: joining with one, and every wrong one refused with its field") {
    Event event = Event::create("ev-purpose", settings_with_topics(), t0);
    Purpose good{{"logement"}, "Une famille à reloger avant l'hiver", {"emploi", "sante"}, "2A", "ccas"};
    auto fx = event.apply(Actor::system(), join("Camille", good), t0);
    REQUIRE_FALSE(fx.error);
    CHECK(event.state().attendees.at(*fx.joined).purpose == good);
    auto joined = records_of<AttendeeJoined>(fx);
    REQUIRE(joined.size() == 1);
    CHECK(joined[0].attendee.purpose == good);

    struct Case {
        const char* why;
        Purpose purpose;
        const char* field;
    };
    for (const auto& c : std::vector<Case>{
             {"an unknown topic needed", {{"justice"}, "", {}, "", ""}, "purpose.needs"},
             {"an unknown topic offered", {{}, "", {"justice"}, "", ""}, "purpose.offers"},
             {"a topic twice", {{"emploi", "emploi"}, "", {}, "", ""}, "purpose.needs"},
             {"too many topics",
              {{}, "", {"logement", "emploi", "sante", "a", "b", "c"}, "", ""},
              "purpose.offers"},
             {"a sentence too long",
              {{}, std::string(max_need_text_chars + 1, 'x'), {}, "", ""},
              "purpose.need_text"},
             {"a sentence with a bidi override", {{}, "abc\u202Edef", {}, "", ""}, "purpose.need_text"},
             {"an unknown département", {{}, "", {}, "20", ""}, "purpose.departement"},
             {"975 is not a département", {{}, "", {}, "975", ""}, "purpose.departement"},
             {"an unknown structure", {{}, "", {}, "", "mairie"}, "purpose.structure"},
         }) {
        CAPTURE(c.why);
        auto before = event.state().attendees.size();
        auto refused = event.apply(Actor::system(), join("X", c.purpose), t0);
        REQUIRE(refused.error);
        CHECK(refused.error->code == ErrorCode::invalid_field);
        CHECK(refused.error->field == c.field);
        CHECK(refused.records.empty());
        CHECK(event.state().attendees.size() == before);
    }
    // The sentence is personal data: a refusal never quotes it.
    auto refused =
        event.apply(Actor::system(), join("X", {{}, "secret " + std::string(300, 'y'), {}, "", ""}), t0);
    REQUIRE(refused.error);
    CHECK(refused.error->message.find("secret") == std::string::npos);
}

TEST_CASE("purpose: changed live, recorded, and told to the tablemates, the person and the hosts") {
    Event event = Event::create("ev-purpose", settings_with_topics(), t0);
    std::vector<AttendeeId> people;
    for (const char* name : {"Ana", "Bea", "Cyd", "Dan"}) {
        auto fx = event.apply(Actor::system(), join(name), t0);
        people.push_back(*fx.joined);
        REQUIRE_FALSE(event.apply(Actor::system(), Connect{*fx.joined}, t0).error);
    }
    drive(event, Actor::host(), StartEvent{}, t0);
    REQUIRE(event.state().phase == Phase::round);
    const AttendeeId ana = people[0];
    const int table = event.table_of(ana);
    REQUIRE(table > 0);

    Purpose purpose{{"sante"}, "Un accès aux soins bloqué", {"logement"}, "69", "association"};
    auto fx = event.apply(Actor::of(ana), SetPurpose{purpose}, t0 + 1000);
    REQUIRE_FALSE(fx.error);
    CHECK(event.state().attendees.at(ana).purpose == purpose);
    auto changed = records_of<PurposeChanged>(fx);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].attendee == ana);
    CHECK(changed[0].purpose == purpose);
    CHECK(changed[0].at == t0 + 1000);
    bool table_told = false, self_told = false, hosts_told = false;
    for (const auto& message : fx.outbox.messages()) {
        if (std::holds_alternative<ViewChanged>(message.body) && message.to == Audience::at_table(table))
            table_told = true;
        if (std::holds_alternative<PersonalChanged>(message.body) && message.to == Audience::of(ana))
            self_told = true;
        if (const auto* host = std::get_if<HostChanges>(&message.body))
            hosts_told = host->attendees.count(ana);
    }
    CHECK(table_told);
    CHECK(self_told);
    CHECK(hosts_told);

    SUBCASE("the same purpose again writes nothing") {
        auto again = event.apply(Actor::of(ana), SetPurpose{purpose}, t0 + 2000);
        CHECK_FALSE(again.error);
        CHECK(again.records.empty());
    }
    SUBCASE("a wrong one changes nothing") {
        auto wrong = event.apply(Actor::of(ana), SetPurpose{{{"inconnu"}, "", {}, "", ""}}, t0 + 2000);
        REQUIRE(wrong.error);
        CHECK(wrong.error->field == "purpose.needs");
        CHECK(event.state().attendees.at(ana).purpose == purpose);
    }
    SUBCASE("only the attendee themself, while in the event") {
        CHECK(event.apply(Actor::host(), SetPurpose{purpose}, t0).error->code == ErrorCode::forbidden);
        CHECK(event.apply(Actor::system(), SetPurpose{purpose}, t0).error->code == ErrorCode::forbidden);
        drive(event, Actor::of(people[1]), Leave{}, t0);
        CHECK(event.apply(Actor::of(people[1]), SetPurpose{purpose}, t0).error->code == ErrorCode::forbidden);
    }
    SUBCASE("erasure takes it away, with the sentence") {
        drive(event, Actor::host(), EraseAttendee{ana, "nobody"}, t0 + 3000);
        CHECK(event.state().attendees.at(ana).purpose.empty());
    }
}

TEST_CASE("purpose: the départements of shared/departements.json, and their neighbours") {
    const auto& list = departements();
    CHECK(list.size() == 101);  // 96 metropolitan, 5 overseas
    std::set<std::string> codes;
    for (const auto& d : list) {
        CAPTURE(d.code);
        CHECK(codes.insert(d.code).second);
        CHECK_FALSE(d.name.empty());
    }
    for (const char* code : {"01", "19", "2A", "2B", "21", "95", "971", "972", "973", "974", "976"})
        CHECK(codes.count(code));
    CHECK_FALSE(codes.count("20"));
    for (const auto& d : list) {
        CAPTURE(d.code);
        bool overseas = d.code.size() == 3;
        CHECK(overseas ==
              d.neighbours.empty());  // every metropolitan one borders another, Corsica each other
        for (const auto& n : d.neighbours) {
            CAPTURE(n);
            REQUIRE(codes.count(n));  // every neighbour exists
            CHECK(n != d.code);
            const auto& back = find_departement(n)->neighbours;
            CHECK(std::count(back.begin(), back.end(), d.code) == 1);  // symmetric, once
        }
    }
    CHECK(same_or_neighbouring("69", "69"));
    CHECK(same_or_neighbouring("69", "01"));
    CHECK(same_or_neighbouring("75", "92"));
    CHECK_FALSE(same_or_neighbouring("75", "13"));
    CHECK_FALSE(same_or_neighbouring("", ""));
    CHECK(find_structure_type("france_travail"));
    CHECK_FALSE(find_structure_type("inconnu"));
}
