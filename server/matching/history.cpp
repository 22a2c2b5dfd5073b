// History: how often each pair met, keyed by the full pair of ids.
#include <algorithm>
#include <atomic>

#include "matching/matcher.hpp"

namespace ensemble::matching {

const History::Meetings& History::meetings() const {
    static const Meetings none;
    return meetings_ ? *meetings_ : none;
}

History::Meetings& History::own() {
    if (!meetings_) {
        meetings_ = std::make_shared<Meetings>();
    } else if (meetings_.use_count() > 1) {
        meetings_ = std::make_shared<Meetings>(*meetings_);
    } else {
        // The last other holder may have let go on another thread: its reads come before these writes.
        std::atomic_thread_fence(std::memory_order_acquire);
    }
    return *meetings_;
}

namespace {

void count(History::Meeting& meeting, int round) {
    ++meeting.times;
    meeting.last_round = std::max(meeting.last_round, round);
}

}  // namespace

void History::record_pair(PersonId a, PersonId b, int round) {
    if (a != b) count(own()[pair_key(a, b)], round);
}

void History::record_meeting(PersonId a, PersonId b, int round) {
    if (a == b) return;
    auto& meeting = own()[pair_key(a, b)];
    if (meeting.last_round != round) count(meeting, round);
}

void History::record_table(std::span<const PersonId> table, int round) {
    for (std::size_t i = 0; i < table.size(); ++i)
        for (std::size_t j = i + 1; j < table.size(); ++j) record_pair(table[i], table[j], round);
}

// Two meetings in the same last round are taken for one (both entries at that table); earlier rounds are
// not kept, so times may count a round twice until the history is next read from storage.
void History::merge(PersonId keep, PersonId duplicate) {
    std::vector<std::pair<PersonId, Meeting>> moved;
    auto& meetings = own();
    for (auto it = meetings.begin(); it != meetings.end();) {
        const auto& [pair, meeting] = *it;
        if (pair.first != duplicate && pair.second != duplicate) {
            ++it;
            continue;
        }
        PersonId other = pair.first == duplicate ? pair.second : pair.first;
        if (other != keep) moved.emplace_back(other, meeting);
        it = meetings.erase(it);
    }
    for (const auto& [other, meeting] : moved) {
        auto& into = meetings[pair_key(keep, other)];
        into.times += meeting.times - (into.times > 0 && into.last_round == meeting.last_round ? 1 : 0);
        into.last_round = std::max(into.last_round, meeting.last_round);
    }
}

const History::Meeting* History::find(PersonId a, PersonId b) const {
    auto it = meetings().find(pair_key(a, b));
    return it == meetings().end() ? nullptr : &it->second;
}

int History::times_met(PersonId a, PersonId b) const {
    const auto* meeting = find(a, b);
    return meeting ? meeting->times : 0;
}

int History::last_round_met(PersonId a, PersonId b) const {
    const auto* meeting = find(a, b);
    return meeting ? meeting->last_round : 0;
}

}  // namespace ensemble::matching
