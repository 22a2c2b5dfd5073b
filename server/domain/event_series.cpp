// The event's place in its series: meetings of earlier events count as already made.
#include "domain/event_apply.hpp"

namespace ensemble::domain {

// Round 0 is "before this event": the matcher counts the pair as met, long enough ago to weigh least.
void Event::recall_series_meetings(const Attendee& attendee) {
    if (state_.series_id.empty() || attendee.email.empty()) return;
    std::string key = person_key(attendee.email);
    if (auto met = state_.series_past.find(key); met != state_.series_past.end())
        for (const auto& other_key : met->second)
            if (auto others = by_person_key_.find(other_key); others != by_person_key_.end())
                for (AttendeeId other : others->second)
                    if (state_.history.times_met(attendee.id, other) == 0)
                        state_.history.record_pair(attendee.id, other, 0);
    by_person_key_[key].push_back(attendee.id);
}

// Meetings already counted stay counted once (recall_series_meetings only adds pairs never met).
void Event::Apply::operator()(const RecallSeries& c) {
    if (s.series_id.empty()) return;
    s.series_past = c.past;
    event.by_person_key_.clear();
    for (const auto& [id, attendee] : s.attendees) event.recall_series_meetings(attendee);
}

}  // namespace ensemble::domain
