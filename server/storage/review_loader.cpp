#include "storage/review_loader.hpp"

#include "storage/review_reader.hpp"
#include "storage/settings_json.hpp"

namespace ensemble::storage {

std::optional<review::EventGraph> read_review(Database& db, const std::string& event_id) {
    auto graph = read_event_graph(db, event_id);
    if (!graph) return graph;
    auto event = db.prepare("SELECT settings, ended_at FROM events WHERE id = ?1");
    event->bind(1, event_id);
    if (event->step()) {
        graph->round_ms =
            static_cast<std::int64_t>(settings_from_json(event->column_text(0)).round_seconds) * 1000;
        graph->ended_at = event->column_optional_int64(1);
    }
    return graph;
}

}  // namespace ensemble::storage
