#pragma once
// What staff review after an event, as plain data read from storage: who was there, who sat with whom,
// and what each person said of it. The report, the graph and the exports are computed from this alone.
// Contacts (email, phone) are never part of it: they are shared between two people only, never with staff.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ensemble::review {

using PersonId = std::int64_t;  // the attendee id in its event
using TimeMs = std::int64_t;

struct Person {
    PersonId id = 0;
    std::string name;  // empty once erased
    std::string organisation;
    std::string role;
    std::string departement;          // its code, or empty when not given
    std::vector<std::string> needs;   // topic ids they sought help on (never the sentence)
    std::vector<std::string> offers;  // topic ids they could help on
    bool erased = false;              // an anonymous node: counted, never named
    bool left = false;                // left or was removed before the end
    // Presence, summed over the person's seats.
    std::int64_t visible_ms = 0;  // connected, seated and with the page visible
    int chat_sent = 0;
    int rounds_seated = 0;
    int video_opened = 0;  // rounds whose table video link they opened
};

// Two people who shared a table in one round (a < b).
struct Encounter {
    int round = 0;
    int table = 0;
    PersonId a = 0;
    PersonId b = 0;
};

// "Nous avons échangé": `from` about `about`, in one round.
struct TalkedAnswer {
    int round = 0;
    PersonId from = 0;
    PersonId about = 0;
    bool talked = false;
};

// "Garder le contact": `from` wishes to keep in touch with `about`.
struct ContactWish {
    PersonId from = 0;
    PersonId about = 0;
};

// "Cette table m'a été utile", 1 to 5.
struct TableRating {
    int round = 0;
    int table = 0;
    PersonId from = 0;
    int score = 0;
};

struct EventGraph {
    std::string event_id;
    std::string title;
    int rounds = 0;     // rounds that started
    std::string phase;  // as stored: "lobby", "round", "break" or "ended"
    std::optional<TimeMs> ended_at;
    std::int64_t round_ms = 0;   // a round's planned length: seated time is rounds seated × this
    std::vector<Person> people;  // by id, merged entries left out (their meetings are their keeper's)
    std::vector<Encounter> encounters;
    std::vector<TalkedAnswer> talked;
    std::vector<ContactWish> wishes;
    std::vector<TableRating> ratings;
};

}  // namespace ensemble::review
