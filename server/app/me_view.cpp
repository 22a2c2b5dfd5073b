// An attendee's own page: the people they met, their answers, and the contacts both sides chose to share.
#include "app/purpose_json.hpp"
#include "app/topic_tables_json.hpp"
#include "app/views.hpp"

namespace ensemble::app {
namespace {

using nlohmann::json;

json someone(const domain::Attendee& a) {
    return {{"id", a.id}, {"name", a.name}, {"organisation", a.organisation}, {"role", a.role}};
}

}  // namespace

json me_view(const domain::Event& event, domain::AttendeeId attendee) {
    const auto& s = event.state();
    const auto& me = s.attendees.at(attendee);
    json you = someone(me);
    you["email"] = me.email;  // their own: nobody else's contact is shown but a mutual one's
    you["phone"] = me.phone;
    you["purpose"] = purpose_json(me.purpose);
    int topic_table = topic_table_of(event, attendee);  // chosen for the coming topic round
    you["topic_table"] = topic_table ? json(topic_table) : json(nullptr);

    auto wishes = [&](domain::AttendeeId from, domain::AttendeeId to) {
        return s.contact_wishes.count({from, to}) > 0;
    };
    // Round by round, the table and the people at it, with what this attendee answered about each.
    std::map<int, json> rounds;
    for (const auto& [pair, table] : s.tablemates) {
        if (pair.a != attendee && pair.b != attendee) continue;
        auto other_id = pair.a == attendee ? pair.b : pair.a;
        auto& round = rounds[pair.round];
        if (round.is_null()) {
            auto rating = s.ratings.find({pair.round, attendee});
            round = {{"round", pair.round},
                     {"table", table},
                     {"people", json::array()},
                     {"rating", rating == s.ratings.end() ? json(nullptr) : json(rating->second)}};
        }
        json person = someone(s.attendees.at(other_id));
        auto talked = s.talked.find({pair.round, attendee, other_id});
        person["talked"] = talked == s.talked.end() ? json(nullptr) : json(talked->second);
        person["keep_in_touch"] = wishes(attendee, other_id);
        round["people"].push_back(std::move(person));
    }
    json met = json::array();
    for (auto& [number, round] : rounds) met.push_back(std::move(round));

    // Only where both wish it: never one side's wish alone.
    json contacts = json::array();
    for (auto it = s.contact_wishes.lower_bound({attendee, 0});
         it != s.contact_wishes.end() && it->first == attendee; ++it) {
        if (!wishes(it->second, attendee)) continue;
        const auto& other = s.attendees.at(it->second);
        json contact = someone(other);
        contact["email"] = other.email;
        contact["phone"] = other.phone;
        contacts.push_back(std::move(contact));
    }
    return {{"event",
             {{"id", s.id},
              {"title", s.settings.title},
              {"phase", domain::to_string(s.phase)},
              {"round", s.round},
              {"rounds", s.settings.rounds}}},
            {"you", std::move(you)},
            {"met", std::move(met)},
            {"contacts", std::move(contacts)}};
}

std::string me_message(const domain::Event& event, domain::AttendeeId attendee) {
    json message = me_view(event, attendee);
    message["type"] = "me";
    return message.dump();
}

}  // namespace ensemble::app
