#pragma once
// Inside Event::apply: one command against the state, effects collected as it goes.
// Every check comes before the first change, so a refusal changes nothing.

#include "domain/event.hpp"

namespace ensemble::domain {

struct Event::Apply {
    Event& event;
    EventState& s;
    const Actor& actor;
    TimeMs now;
    Effects& fx;
    // While a round's tables are seated: their pairs, put into s.tablemates at once, and their presence
    // started together at the end (start_round).
    std::vector<std::pair<RoundPair, int>>* round_pairs = nullptr;

    // Commands (event_commands.cpp).
    void operator()(const Join& c);
    void operator()(const Connect& c);
    void operator()(const Disconnect& c);
    void operator()(const Tick& c);
    void operator()(const SeatRound& c);
    void operator()(const PostChat& c);
    void operator()(const Leave& c);
    void operator()(const StartEvent& c);
    void operator()(const NextRound& c);
    void operator()(const EndRound& c);
    void operator()(const ExtendRound& c);
    void operator()(const Broadcast& c);
    void operator()(const MoveAttendee& c);
    void operator()(const RemoveAttendee& c);
    void operator()(const MergeAttendees& c);
    void operator()(const PauseRotation& c);
    void operator()(const ResumeRotation& c);
    void operator()(const EndEvent& c);
    void operator()(const CreateHostLink& c);
    void operator()(const RevokeHostLink& c);
    void operator()(const AnswerTalked& c);
    void operator()(const WishContact& c);
    void operator()(const RateTable& c);
    void operator()(const SetVisibility& c);
    void operator()(const OpenVideo& c);

    // Presence per seat (event_answers.cpp): a stretch of visible time runs while the attendee is connected,
    // seated in a round and their page shown; its length is added to the seat's sum when it ends.
    // Each by id, or with the seat (and its attendee) at hand when a whole round's seats are walked.
    void presence_start(AttendeeId attendee);
    void presence_start(SeatPresence& seat, const Attendee& attendee);
    void presence_stop(AttendeeId attendee);
    void presence_stop(AttendeeId attendee, SeatPresence& seat);
    void presence_stop_all();
    void record_presence(AttendeeId attendee);
    void record_presence(AttendeeId attendee, const SeatPresence& seat);
    void merge_answers(AttendeeId duplicate, AttendeeId keep);
    void operator()(const EraseAttendee& c);  // event_erase.cpp
    void operator()(const RecallSeries& c);   // event_series.cpp
    void operator()(const SetPurpose& c);     // event_purpose.cpp
    void operator()(const SetRoundKind& c);   // event_purpose.cpp
    // Topic tables (event_topic_tables.cpp).
    void operator()(const ProposeTopicTable& c);
    void operator()(const ChooseTopicTable& c);
    void operator()(const OpenTopicTable& c);
    void operator()(const CloseTopicTable& c);
    // The coming round, when it is a topic round that can still be prepared; 0 after a refusal.
    int coming_topic_round();
    bool open_topic_table(int round, const std::string& topic, const std::string& text, AttendeeId by);
    void topic_tables_changed();
    void merge_topic_choices(AttendeeId duplicate, AttendeeId keep);
    void erase_topic_words(AttendeeId attendee);

    // Host links and the log of who did what (event_hosts.cpp).
    std::optional<HostAction> action_of(const Command& command) const;
    std::string topic_table_label(const std::string& topic, const std::string& text) const;
    void log(HostAction action);
    const HostLink* active_link(HostLinkId id) const;
    std::size_t active_link_count(LinkRole role = LinkRole::host) const;

    // Phases and clock (event_commands.cpp).
    void enter_phase(Phase phase, std::int64_t duration_ms);
    void record_phase();
    void end_round();
    void end_event();

    // Seating (event_seating.cpp).
    void request_round(int number);
    void start_round(int number, const SeatingResult& result);
    void place_topic_tables(int round, const std::vector<int>& ids);
    void seat(AttendeeId attendee, std::size_t table_index);
    void unseat(AttendeeId attendee);
    void seat_late_joiner(AttendeeId attendee);
    void mend_tables();
    void apply_moves(const std::vector<matching::Move>& moves);
    void table_changed(std::size_t table_index);

    void set_connected(Attendee& attendee, bool connected);
    Attendee* active_attendee(AttendeeId id);
    bool refuse(ErrorCode code, std::string message, std::string field = {});
};

}  // namespace ensemble::domain
