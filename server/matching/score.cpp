#include "matching/score.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace ensemble::matching {
namespace {

struct PairHash {
    std::size_t operator()(const std::pair<PersonId, PersonId>& p) const noexcept {
        auto mix = static_cast<std::uint64_t>(p.first) * 0x9E3779B97F4A7C15ull ^
                   static_cast<std::uint64_t>(p.second);
        return static_cast<std::size_t>(mix ^ (mix >> 31));
    }
};
using PairCount = std::unordered_map<std::pair<PersonId, PersonId>, int, PairHash>;

std::pair<PersonId, PersonId> ordered(PersonId a, PersonId b) {
    return a < b ? std::pair{a, b} : std::pair{b, a};
}

void add_once(std::vector<std::string>& problems, const std::string& problem) {
    if (std::find(problems.begin(), problems.end(), problem) == problems.end()) problems.push_back(problem);
}

}  // namespace

void score(const std::vector<Person>& people, const History* history, const Constraints& constraints,
           const TableSize& size, const std::vector<std::vector<Table>>& rounds, Report& report) {
    std::unordered_map<PersonId, const Person*> by_id;
    for (const auto& person : people) by_id.emplace(person.id, &person);

    PairCount fresh;
    report.same_organisation_pairs = 0;
    for (std::size_t r = 0; r < rounds.size(); ++r)
        for (std::size_t t = 0; t < rounds[r].size(); ++t) {
            const auto& table = rounds[r][t];
            for (std::size_t i = 0; i < table.size(); ++i) {
                for (std::size_t j = i + 1; j < table.size(); ++j) {
                    ++fresh[ordered(table[i], table[j])];
                    auto a = by_id.find(table[i]), b = by_id.find(table[j]);
                    if (a != by_id.end() && b != by_id.end() && !a->second->organisation.empty() &&
                        a->second->organisation == b->second->organisation)
                        ++report.same_organisation_pairs;
                }
            }
        }

    report.repeated_pairs = report.new_repeated_pairs = 0;
    if (history)
        history->for_each([&](PersonId a, PersonId b, const History::Meeting& meeting) {
            if (!by_id.count(a) || !by_id.count(b)) return;
            auto it = fresh.find(ordered(a, b));
            int added = it == fresh.end() ? 0 : it->second;
            report.repeated_pairs += std::max(0, meeting.times + added - 1);
            report.new_repeated_pairs +=
                std::max(0, meeting.times + added - 1) - std::max(0, meeting.times - 1);
        });
    for (const auto& [pair, times] : fresh) {
        if (history && history->times_met(pair.first, pair.second) > 0) continue;
        report.repeated_pairs += times - 1;
        report.new_repeated_pairs += times - 1;
    }
    report.proven_optimal = report.new_repeated_pairs == 0;

    report.table_sizes.clear();
    if (!rounds.empty())
        for (const auto& table : rounds.back()) report.table_sizes.push_back(static_cast<int>(table.size()));
    for (const auto& round : rounds)
        for (const auto& table : round)
            if (static_cast<int>(table.size()) < size.min || static_cast<int>(table.size()) > size.max)
                add_once(report.problems, "a table of " + std::to_string(table.size()) + " is outside " +
                                              std::to_string(size.min) + " to " + std::to_string(size.max));
    for (const auto& [a, b] : constraints.never_together) {
        if (a == b) continue;
        auto it = fresh.find(ordered(a, b));
        if (it != fresh.end())
            add_once(report.problems, "person " + std::to_string(a) + " and person " + std::to_string(b) +
                                          " are seated together although they must never be");
    }
    for (const auto& round : rounds) {
        std::unordered_map<PersonId, std::size_t> table_of;
        for (std::size_t t = 0; t < round.size(); ++t)
            for (PersonId id : round[t]) table_of[id] = t;
        for (const auto& group : constraints.keep_together) {
            std::unordered_set<std::size_t> tables;
            for (PersonId id : group) {
                auto it = table_of.find(id);
                if (it != table_of.end()) tables.insert(it->second);
            }
            if (tables.size() > 1)
                add_once(report.problems, "a group to keep together (person " +
                                              std::to_string(group.front()) +
                                              " and others) is split across tables");
        }
    }
}

void note_organisations_apart(const Preferences& preferences, Report& report) {
    if (preferences.keep_organisations_apart && report.same_organisation_pairs > 0)
        report.problems.push_back(std::to_string(report.same_organisation_pairs) +
                                  " pairs of the same organisation share a table: an organisation has more "
                                  "people than there are tables, or other constraints prevent it");
}

}  // namespace ensemble::matching
