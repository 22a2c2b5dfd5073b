#include "storage/purpose_rows.hpp"

#include <sstream>
#include <stdexcept>

namespace ensemble::storage {
namespace {

std::string joined(const std::vector<std::string>& ids) {
    std::string text;
    for (const auto& id : ids) text += (text.empty() ? "" : " ") + id;
    return text;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> ids;
    std::istringstream words(text);
    for (std::string id; words >> id;) ids.push_back(id);
    return ids;
}

}  // namespace

void write_purpose(Database& db, const std::string& event_id, domain::AttendeeId attendee,
                   const domain::Purpose& p) {
    auto update = db.prepare(
        "UPDATE attendees SET needs = ?3, need_text = ?4, offers = ?5, departement = ?6, structure = ?7 "
        "WHERE event_id = ?1 AND id = ?2");
    update->bind(1, event_id)
        .bind(2, attendee)
        .bind(3, joined(p.needs))
        .bind(4, p.need_text)
        .bind(5, joined(p.offers))
        .bind(6, p.departement)
        .bind(7, p.structure)
        .run();
    if (update->changes() == 0) throw std::runtime_error("storage: no such attendee for their purpose");
}

domain::Purpose purpose_from_row(Statement& query, int first) {
    return {split(query.column_text(first)), query.column_text(first + 1),
            split(query.column_text(first + 2)), query.column_text(first + 3), query.column_text(first + 4)};
}

}  // namespace ensemble::storage
