#include "storage/bulk_rows.hpp"

#include <array>
#include <stdexcept>

namespace ensemble::storage {

namespace {

constexpr const char* insert_seat =
    "INSERT INTO seats (event_id, round, table_number, attendee_id, seated_at) VALUES";

// "INSERT ... VALUES (?1, ?2, ?3, ?4, ?5), (?1, ?6, ?7, ?8, ?9), ...": the event id once, then four values
// a seat. Built from constants only, once for each power of two of rows.
class SeatsSql {
  public:
    SeatsSql() {
        for (std::size_t rows = 1; rows <= max_rows_per_statement; rows *= 2) {
            std::string sql = insert_seat;
            for (std::size_t row = 0; row < rows; ++row) {
                sql += row == 0 ? " (?1" : ", (?1";
                for (std::size_t k = 0; k < 4; ++k) sql += ", ?" + std::to_string(2 + row * 4 + k);
                sql += ")";
            }
            sql_[static_cast<std::size_t>(std::countr_zero(rows))] = std::move(sql);
        }
    }
    const std::string& operator()(std::size_t rows) const {
        if (!std::has_single_bit(rows) || rows > max_rows_per_statement)
            throw std::logic_error("storage: rows to a statement must be a power of two up to the maximum");
        return sql_[static_cast<std::size_t>(std::countr_zero(rows))];
    }

  private:
    std::array<std::string, std::countr_zero(max_rows_per_statement) + 1> sql_;
};

}  // namespace

void write_seats(Database& db, const std::string& event_id, std::span<const domain::Seated* const> seats) {
    static const SeatsSql sql;
    auto insert = db.prepare(sql(seats.size()));
    insert->bind(1, event_id);
    int parameter = 2;
    for (const auto* seat : seats)
        for (std::int64_t value :
             {std::int64_t{seat->round}, std::int64_t{seat->table}, seat->attendee, seat->at})
            insert->bind(parameter++, value);
    insert->run();
}

}  // namespace ensemble::storage
