#include "storage/review_reader.hpp"

#include <cstdint>
#include <map>
#include <unordered_map>
#include <utility>

#include "storage/purpose_rows.hpp"
#include "storage/settings_json.hpp"

namespace ensemble::storage {
namespace {

using review::PersonId;

void read_people(Database& db, review::EventGraph& graph) {
    auto people = db.prepare(
        std::string("SELECT id, name, organisation, role, status, erased_at IS NOT NULL, ") +
        purpose_columns + " FROM attendees WHERE event_id = ?1 AND status <> 'merged' ORDER BY id");
    people->bind(1, graph.event_id);
    while (people->step()) {
        review::Person person;
        person.id = people->column_int64(0);
        person.erased = people->column_int(5) != 0;
        if (!person.erased) {
            person.name = people->column_text(1);
            person.organisation = people->column_text(2);
            person.role = people->column_text(3);
            auto purpose = purpose_from_row(*people, 6);
            person.departement = purpose.departement;
            person.needs = purpose.needs;
            person.offers = purpose.offers;
        }
        const std::string status = people->column_text(4);
        person.left = status == "left" || status == "removed";
        graph.people.push_back(std::move(person));
    }
}

// Sums over each person's seats; a round counts once however many tables they sat at in it.
void read_presence(Database& db, review::EventGraph& graph,
                   const std::unordered_map<PersonId, std::size_t>& index) {
    auto seats = db.prepare(
        "SELECT attendee_id, SUM(visible_ms), SUM(chat_sent), COUNT(DISTINCT round), "
        "COUNT(DISTINCT CASE WHEN video_opened <> 0 THEN round END) "
        "FROM seats WHERE event_id = ?1 GROUP BY attendee_id");
    seats->bind(1, graph.event_id);
    while (seats->step()) {
        auto found = index.find(seats->column_int64(0));
        if (found == index.end()) continue;
        auto& person = graph.people[found->second];
        person.visible_ms = seats->column_int64(1);
        person.chat_sent = seats->column_int(2);
        person.rounds_seated = seats->column_int(3);
        person.video_opened = seats->column_int(4);
    }
}

// A rating is of the table the person last sat at in that round: the seat taken last, of two at once the
// later row. One pass over the event's seats: no index orders them by person (schema.cpp, migration 9).
struct LastSeat {
    std::int64_t seated_at = 0;
    std::int64_t id = 0;
    int table = 0;
};

std::map<std::pair<int, PersonId>, LastSeat> last_seats(Database& db, const std::string& event_id) {
    std::map<std::pair<int, PersonId>, LastSeat> last;
    auto seats =
        db.prepare("SELECT round, attendee_id, table_number, seated_at, id FROM seats WHERE event_id = ?1");
    seats->bind(1, event_id);
    while (seats->step()) {
        const LastSeat seat{seats->column_int64(3), seats->column_int64(4), seats->column_int(2)};
        auto [it, inserted] = last.try_emplace({seats->column_int(0), seats->column_int64(1)}, seat);
        if (!inserted && std::pair{seat.seated_at, seat.id} > std::pair{it->second.seated_at, it->second.id})
            it->second = seat;
    }
    return last;
}

void read_answers(Database& db, review::EventGraph& graph,
                  const std::unordered_map<PersonId, std::size_t>& index) {
    auto known = [&](PersonId id) { return index.count(id) != 0; };

    auto encounters = db.prepare(
        "SELECT round, table_number, a, b FROM encounters WHERE event_id = ?1 ORDER BY round, a, b");
    encounters->bind(1, graph.event_id);
    while (encounters->step()) {
        review::Encounter e{encounters->column_int(0), encounters->column_int(1), encounters->column_int64(2),
                            encounters->column_int64(3)};
        if (known(e.a) && known(e.b)) graph.encounters.push_back(e);
    }

    auto talked = db.prepare(
        "SELECT round, attendee_id, about, talked FROM talked_answers WHERE event_id = ?1 "
        "ORDER BY round, attendee_id, about");
    talked->bind(1, graph.event_id);
    while (talked->step()) {
        review::TalkedAnswer answer{talked->column_int(0), talked->column_int64(1), talked->column_int64(2),
                                    talked->column_int(3) != 0};
        if (known(answer.from) && known(answer.about)) graph.talked.push_back(answer);
    }

    auto wishes = db.prepare(
        "SELECT attendee_id, about FROM contact_wishes WHERE event_id = ?1 ORDER BY attendee_id, about");
    wishes->bind(1, graph.event_id);
    while (wishes->step()) {
        review::ContactWish wish{wishes->column_int64(0), wishes->column_int64(1)};
        if (known(wish.from) && known(wish.about)) graph.wishes.push_back(wish);
    }

    auto ratings = db.prepare(
        "SELECT round, attendee_id, score FROM table_ratings WHERE event_id = ?1 ORDER BY round, "
        "attendee_id");
    ratings->bind(1, graph.event_id);
    while (ratings->step()) {
        review::TableRating rating{ratings->column_int(0), 0, ratings->column_int64(1),
                                   ratings->column_int(2)};
        if (known(rating.from)) graph.ratings.push_back(rating);
    }
    if (graph.ratings.empty()) return;
    const auto seats = last_seats(db, graph.event_id);
    for (auto& rating : graph.ratings) {
        auto seat = seats.find({rating.round, rating.from});
        if (seat != seats.end()) rating.table = seat->second.table;
    }
}

}  // namespace

std::optional<review::EventGraph> read_event_graph(Database& db, const std::string& event_id) {
    review::EventGraph graph;
    {
        auto event = db.prepare(
            "SELECT settings, phase, ended_at, (SELECT COUNT(*) FROM rounds WHERE event_id = ?1) FROM events "
            "WHERE id = ?1");
        event->bind(1, event_id);
        if (!event->step()) return std::nullopt;
        const auto settings = settings_from_json(event->column_text(0));
        graph.event_id = event_id;
        graph.title = settings.title;
        graph.round_ms = static_cast<std::int64_t>(settings.round_seconds) * 1000;
        graph.phase = event->column_text(1);
        graph.ended_at = event->column_optional_int64(2);
        graph.rounds = event->column_int(3);
    }
    read_people(db, graph);
    std::unordered_map<PersonId, std::size_t> index;
    for (std::size_t i = 0; i < graph.people.size(); ++i) index.emplace(graph.people[i].id, i);
    read_presence(db, graph, index);
    read_answers(db, graph, index);
    return graph;
}

}  // namespace ensemble::storage
