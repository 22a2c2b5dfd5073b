// The room's matcher jobs: a round's tables are formed on the compute pool, never on the room's strand.
#include <boost/asio/post.hpp>

#include "app/event_room.hpp"
#include "app/log.hpp"

namespace ensemble::app {

void EventRoom::form_tables(domain::SeatingJob job) {
    // The series' other events may have met since this room opened: their meetings are read again first.
    const auto& series = event_.state().series_id;
    if (series.empty()) return seat_off_strand(std::move(job));
    services_.store.load_series_past(
        series, id_,
        [self = shared_from_this(), job = std::move(job)](std::optional<domain::SeriesPast> past,
                                                          storage::StoreError error) mutable {
            asio::post(self->strand_, [self, job = std::move(job), past = std::move(past), error]() mutable {
                if (error) log_event("series_read_failed", {{"event_id", self->id_}, {"error", *error}});
                if (past) {
                    self->execute(domain::Actor::system(), domain::RecallSeries{std::move(*past)}, {},
                                  [](const Problem&) {});
                    job.history = self->event_.state().history;
                }
                self->seat_off_strand(std::move(job));
            });
        });
}

void EventRoom::seat_off_strand(domain::SeatingJob job) {
    asio::post(services_.compute, [self = shared_from_this(), job = std::move(job)]() mutable {
        domain::SeatRound seat{job.round, domain::form_tables(job)};
        job.history = {};  // the event's meetings are its own again before it seats this round (History)
        asio::post(self->strand_, [self, seat = std::move(seat)] {
            self->execute(domain::Actor::system(), seat, {}, [](const Problem&) {});
        });
    });
}

}  // namespace ensemble::app
