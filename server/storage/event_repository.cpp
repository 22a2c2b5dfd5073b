#include "storage/event_repository.hpp"

#include <stdexcept>

#include "storage/event_loader.hpp"
#include "storage/record_writer.hpp"
#include "storage/settings_json.hpp"

namespace ensemble::storage {

EventRepository::EventRepository(Database& db) : db_(db) {}

void EventRepository::create_event(const domain::EventState& state, const std::string& host_credential_hash) {
    std::lock_guard lock(db_.mutex());
    Transaction transaction(db_);
    try {
        db_.prepare(
               "INSERT INTO events (id, settings, created_at, phase, round, deadline, paused, remaining_ms, "
               "host_credential_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            ->bind(1, state.id)
            .bind(2, settings_to_json(state.settings))
            .bind(3, state.created_at)
            .bind(4, domain::to_string(state.phase))
            .bind(5, state.round)
            .bind(6, state.deadline)
            .bind(7, state.paused)
            .bind(8, state.remaining_ms)
            .bind(9, host_credential_hash)
            .run();
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + " (creating event " + state.id + ")");
    }
    transaction.commit();
}

void EventRepository::commit(const std::string& event_id, const std::vector<domain::Record>& records) {
    if (records.empty()) return;
    std::lock_guard lock(db_.mutex());
    Transaction transaction(db_);
    for (std::size_t i = 0; i < records.size(); ++i) {
        try {
            write_record(db_, event_id, records[i]);
        } catch (const std::runtime_error& e) {
            throw std::runtime_error(std::string(e.what()) + " (record " + std::to_string(i) + ", " +
                                     record_kind(records[i]) + ", of event " + event_id + ")");
        }
    }
    transaction.commit();
}

std::optional<domain::EventState> EventRepository::load_event(const std::string& event_id) {
    std::lock_guard lock(db_.mutex());
    // One read transaction: a consistent snapshot even if another process writes meanwhile.
    Transaction transaction(db_, Transaction::Mode::deferred);
    auto state = read_event(db_, event_id);
    transaction.commit();
    return state;
}

std::vector<domain::EventState> EventRepository::load_unfinished_events() {
    std::lock_guard lock(db_.mutex());
    Transaction transaction(db_, Transaction::Mode::deferred);
    std::vector<std::string> ids;
    {
        auto query = db_.prepare("SELECT id FROM events WHERE phase <> 'ended' ORDER BY created_at, id");
        while (query->step()) ids.push_back(query->column_text(0));
    }
    std::vector<domain::EventState> events;
    events.reserve(ids.size());
    for (const auto& id : ids)
        if (auto state = read_event(db_, id)) events.push_back(std::move(*state));
    transaction.commit();
    return events;
}

std::optional<Credential> EventRepository::find_credential(const std::string& event_id,
                                                           const std::string& credential_hash) {
    std::lock_guard lock(db_.mutex());
    // Lookups go by hash of a 128-bit random token, so their timing tells nothing about the token.
    {
        auto host = db_.prepare("SELECT 1 FROM events WHERE id = ?1 AND host_credential_hash = ?2");
        host->bind(1, event_id).bind(2, credential_hash);
        if (host->step()) return Credential{true, 0, domain::AttendeeStatus::active};
    }
    auto attendee =
        db_.prepare("SELECT id, status FROM attendees WHERE event_id = ?1 AND credential_hash = ?2");
    attendee->bind(1, event_id).bind(2, credential_hash);
    if (!attendee->step()) return std::nullopt;
    auto status = domain::status_from_string(attendee->column_text(1));
    if (!status) throw std::runtime_error("storage: unknown attendee status in event " + event_id);
    return Credential{false, attendee->column_int64(0), *status};
}

bool EventRepository::event_exists(const std::string& event_id) {
    std::lock_guard lock(db_.mutex());
    auto query = db_.prepare("SELECT 1 FROM events WHERE id = ?1");
    query->bind(1, event_id);
    return query->step();
}

}  // namespace ensemble::storage
