#include "storage/command_writer.hpp"

#include <bit>
#include <stdexcept>

#include "storage/bulk_rows.hpp"
#include "storage/record_writer.hpp"

namespace ensemble::storage {

namespace {

// Records of one kind held back to be written max_rows_per_statement at a time, in their order.
template <class R>
class Batch {
  public:
    using WriteRows = void (*)(Database&, const std::string&, std::span<const R* const>);

    Batch(Database& db, const std::string& event_id, const std::vector<domain::Record>& records,
          WriteRows write)
        : db_(db), event_id_(event_id), records_(records), write_(write) {}

    void add(std::size_t index) {
        indexes_.push_back(index);
        rows_.push_back(&std::get<R>(records_[index]));
        if (rows_.size() == max_rows_per_statement) flush();
    }

    void flush();

  private:
    void write_statement(std::size_t first, std::size_t count);
    Database& db_;
    const std::string& event_id_;
    const std::vector<domain::Record>& records_;
    WriteRows write_;
    std::vector<std::size_t> indexes_;  // of each row in the command
    std::vector<const R*> rows_;
};

void write_one(Database& db, const std::string& event_id, const std::vector<domain::Record>& records,
               std::size_t index) {
    try {
        write_record(db, event_id, records[index]);
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string(e.what()) + " (record " + std::to_string(index) + ", " +
                                 record_kind(records[index]) + ", of event " + event_id + ")");
    }
}

// Rows short of a full statement go as statements of 64, 32, ... rows, whose sizes are cached once.
template <class R>
void Batch<R>::flush() {
    for (std::size_t first = 0; first < rows_.size();) {
        const std::size_t count = std::bit_floor(rows_.size() - first);
        write_statement(first, count);
        first += count;
    }
    indexes_.clear();
    rows_.clear();
}

template <class R>
void Batch<R>::write_statement(std::size_t first, std::size_t count) {
    try {
        write_(db_, event_id_, std::span(rows_).subspan(first, count));
    } catch (const std::runtime_error&) {
        // SQLite undid the statement: one row at a time again, to name the record at fault. Never once the
        // transaction itself is gone, or the rows would be committed one by one.
        if (!db_.in_transaction()) throw;
        for (std::size_t i = first; i < first + count; ++i) write_one(db_, event_id_, records_, indexes_[i]);
    }
}

}  // namespace

void write_command(Database& db, const std::string& event_id, const std::vector<domain::Record>& records) {
    // Seats keep their order, and are all written before a seat is left.
    Batch<domain::Seated> seats(db, event_id, records, write_seats);
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (std::holds_alternative<domain::Seated>(records[i])) {
            seats.add(i);
        } else {
            // A seat left, moved to another entry by a merge, or given its presence, must be written first.
            if (std::holds_alternative<domain::Unseated>(records[i]) ||
                std::holds_alternative<domain::AttendeesMerged>(records[i]) ||
                std::holds_alternative<domain::SeatPresenceRecorded>(records[i]))
                seats.flush();
            write_one(db, event_id, records, i);
        }
    }
    seats.flush();
}

}  // namespace ensemble::storage
