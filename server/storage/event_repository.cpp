#include "storage/event_repository.hpp"

#include <optional>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

#include "storage/command_writer.hpp"
#include "storage/event_loader.hpp"
#include "storage/settings_json.hpp"

namespace ensemble::storage {

EventRepository::EventRepository(Database& db) : db_(db) {}

void EventRepository::create_event(const domain::EventState& state, const std::string& host_credential_hash) {
    Transaction transaction(db_);
    try {
        db_.prepare(
               "INSERT INTO events (id, settings, created_at, phase, round, deadline, paused, remaining_ms, "
               "host_credential_hash, series_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULLIF(?10, "
               "''))")
            ->bind(1, state.id)
            .bind(2, settings_to_json(state.settings))
            .bind(3, state.created_at)
            .bind(4, domain::to_string(state.phase))
            .bind(5, state.round)
            .bind(6, state.deadline)
            .bind(7, state.paused)
            .bind(8, state.remaining_ms)
            .bind(9, host_credential_hash)
            .bind(10, state.series_id)
            .run();
        // The creator's host link, with the name the state gives it.
        auto creator = state.host_links.find(1);
        db_.prepare(
               "INSERT INTO host_links (event_id, id, name, credential_hash, created_at) "
               "VALUES (?1, 1, ?2, ?3, ?4)")
            ->bind(1, state.id)
            .bind(2, creator == state.host_links.end() ? std::string{} : creator->second.name)
            .bind(3, host_credential_hash)
            .bind(4, state.created_at)
            .run();
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(std::string(e.what()) + " (creating event " + state.id + ")");
    }
    transaction.commit();
}

void EventRepository::commit(const std::string& event_id, const std::vector<domain::Record>& records) {
    if (records.empty()) return;
    Transaction transaction(db_);
    write_command(db_, event_id, records);
    transaction.commit();
}

std::vector<StoreError> EventRepository::commit_group(std::span<const Command> commands) {
    std::vector<StoreError> errors(commands.size());
    bool any_records = false;
    for (const auto& command : commands) any_records = any_records || !command.records.empty();
    if (!any_records) return errors;

    Transaction transaction(db_);
    std::unordered_set<std::string_view> failed;  // events with a command undone in this group
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const auto& command = commands[i];
        if (failed.count(command.event_id)) {
            errors[i] = earlier_change_not_saved;
            continue;
        }
        if (command.records.empty()) continue;
        // One record is one statement, which SQLite undoes by itself when it fails; a savepoint would cost a
        // chat message more than its row.
        std::optional<Savepoint> savepoint;
        if (command.records.size() > 1) savepoint.emplace(db_);
        try {
            write_command(db_, command.event_id, command.records);
            if (savepoint) savepoint->release();
        } catch (const std::runtime_error& e) {
            // Some errors (disk full, I/O) end the whole transaction: then nothing of the group is kept.
            if (!db_.in_transaction()) throw;
            if (savepoint) savepoint->rollback();
            errors[i] = e.what();
            failed.insert(command.event_id);
        }
    }
    transaction.commit();
    return errors;
}

std::optional<StoredEvent> EventRepository::load_stored_event(const std::string& event_id) {
    // One read transaction: a consistent snapshot even if another process writes meanwhile.
    Transaction transaction(db_, Transaction::Mode::deferred);
    auto stored = read_event(db_, event_id);
    transaction.commit();
    return stored;
}

std::vector<StoredEvent> EventRepository::load_running_stored_events() {
    Transaction transaction(db_, Transaction::Mode::deferred);
    std::vector<std::string> ids;
    {
        auto query =
            db_.prepare("SELECT id FROM events WHERE phase IN ('round', 'break') ORDER BY created_at, id");
        while (query->step()) ids.push_back(query->column_text(0));
    }
    std::vector<StoredEvent> events;
    events.reserve(ids.size());
    for (const auto& id : ids)
        if (auto stored = read_event(db_, id)) events.push_back(std::move(*stored));
    transaction.commit();
    return events;
}

}  // namespace ensemble::storage
