#include "cli/export_db.hpp"

#include "storage/review_reader.hpp"
#include "storage/sqlite.hpp"

namespace ensemble::cli {

std::optional<review::EventGraph> read_event_file(const std::string& db, const std::string& event_id) {
    storage::Database database(db);
    return storage::read_event_graph(database, event_id);
}

}  // namespace ensemble::cli
