#pragma once
// A small hand-made event for the export tests: three people who talk, one erased, one who left, and
// names that test every kind of escaping (quotes, commas, line breaks, < & >, accents, a formula).

#include <string>

#include "review/event_graph.hpp"

namespace ensemble::review::test {

inline Person person(PersonId id, std::string name, std::string organisation = "", std::string role = "") {
    Person p;
    p.id = id;
    p.name = std::move(name);
    p.organisation = std::move(organisation);
    p.role = std::move(role);
    return p;
}

inline EventGraph sample_event() {
    EventGraph g;
    g.event_id = "evt_Xy-12";
    g.title = "Rencontres <Lyon> & \"Villeurbanne\"";
    g.rounds = 2;
    g.phase = "ended";
    // Out of id order on purpose: pseudonyms follow ids, not storage order.
    g.people.reserve(4);
    auto& zoe = g.people.emplace_back(person(3, "Zoé \"Zo\" Müller", "Acme, Inc.", "Chargée\nde mission"));
    zoe.visible_ms = 120000;
    zoe.chat_sent = 2;
    zoe.rounds_seated = 1;
    zoe.video_opened = 1;
    auto& ana = g.people.emplace_back(person(1, "Ana <b>&</b> Lima", "Régie <Nord>", "Présidente"));
    ana.visible_ms = 600000;
    ana.chat_sent = 5;
    ana.rounds_seated = 2;
    ana.video_opened = 2;
    auto& formula = g.people.emplace_back(person(2, "=HYPERLINK(\"x\")", "Acme, Inc.", ""));
    formula.left = true;
    formula.visible_ms = 30000;
    formula.rounds_seated = 2;
    auto& erased = g.people.emplace_back(person(4, "", "", ""));
    erased.erased = true;
    erased.visible_ms = 50000;
    erased.rounds_seated = 1;
    erased.video_opened = 1;
    g.encounters = {
        {1, 1, 1, 2}, {1, 1, 1, 3}, {1, 1, 2, 3},  // round 1, table 1: everyone but 4
        {2, 1, 1, 2}, {2, 2, 3, 4},                // round 2: 1 and 2 again, 3 with the erased 4
    };
    g.talked = {
        {1, 1, 2, true},
        {1, 2, 1, true},   // 1 and 2 both say they talked
        {1, 3, 1, false},  // 3 says not really
        {2, 3, 4, true},   // 3 talked with 4 (4's own answers are gone)
    };
    g.wishes = {{1, 2}, {2, 1}, {3, 1}};
    g.ratings = {{1, 1, 1, 5}, {1, 1, 3, 2}};
    return g;
}

}  // namespace ensemble::review::test
