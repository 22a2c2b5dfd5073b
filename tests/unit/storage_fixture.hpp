#pragma once
// Shared by the storage tests: a temporary directory removed afterwards, and state comparison.

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "domain/types.hpp"

namespace ensemble::storage::test {

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "ensemble-storage-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

inline domain::EventSettings sample_settings() {
    domain::EventSettings settings;
    settings.title = "Rencontres de l'insertion — Lyon";
    settings.table_size = 4;
    settings.min_table_size = 3;
    settings.max_table_size = 5;
    settings.rounds = 3;
    settings.round_seconds = 600;
    settings.break_seconds = 120;
    settings.prompts = {"Qu'est-ce qui vous a amené ici ?", "Un projet dont vous êtes fier"};
    settings.video_link_template = "https://visio.example.org/{event}-{round}-{table}";
    return settings;
}

// A new event in the lobby with the sample settings.
inline domain::EventState new_event(const std::string& id, domain::TimeMs created_at) {
    domain::EventState state;
    state.id = id;
    state.settings = sample_settings();
    state.created_at = created_at;
    return state;
}

inline void check_same_settings(const domain::EventSettings& got, const domain::EventSettings& want) {
    CHECK(got.title == want.title);
    CHECK(got.table_size == want.table_size);
    CHECK(got.min_table_size == want.min_table_size);
    CHECK(got.max_table_size == want.max_table_size);
    CHECK(got.rounds == want.rounds);
    CHECK(got.round_seconds == want.round_seconds);
    CHECK(got.break_seconds == want.break_seconds);
    CHECK(got.prompts == want.prompts);
    CHECK(got.video_link_template == want.video_link_template);
    CHECK(got.topics == want.topics);
}

// Loaded state equals the live one, except that nobody is connected after a load.
inline void check_same_state(const domain::EventState& got, const domain::EventState& want) {
    CHECK(got.id == want.id);
    check_same_settings(got.settings, want.settings);
    CHECK(got.created_at == want.created_at);
    CHECK(got.phase == want.phase);
    CHECK(got.round == want.round);
    CHECK(got.deadline == want.deadline);
    CHECK(got.paused == want.paused);
    CHECK(got.remaining_ms == want.remaining_ms);
    CHECK(got.ended_at == want.ended_at);

    REQUIRE(got.attendees.size() == want.attendees.size());
    for (const auto& [id, w] : want.attendees) {
        CAPTURE(id);
        REQUIRE(got.attendees.count(id) == 1);
        const auto& g = got.attendees.at(id);
        CHECK(g.id == w.id);
        CHECK(g.name == w.name);
        CHECK(g.organisation == w.organisation);
        CHECK(g.role == w.role);
        CHECK(g.status == w.status);
        CHECK(g.merged_into == w.merged_into);
        CHECK(g.joined_at == w.joined_at);
        CHECK(g.erased_at == w.erased_at);
        CHECK(g.purpose == w.purpose);
        CHECK_FALSE(g.connected);
    }

    REQUIRE(got.tables.size() == want.tables.size());
    for (std::size_t t = 0; t < want.tables.size(); ++t) {
        CAPTURE(t);
        CHECK(got.tables[t].seats == want.tables[t].seats);
        REQUIRE(got.tables[t].chat.size() == want.tables[t].chat.size());
        for (std::size_t m = 0; m < want.tables[t].chat.size(); ++m) {
            CAPTURE(m);
            const auto& g = got.tables[t].chat[m];
            const auto& w = want.tables[t].chat[m];
            CHECK(g.from == w.from);
            CHECK(g.name == w.name);
            CHECK(g.text == w.text);
            CHECK(g.at == w.at);
        }
    }

    CHECK(got.past_rounds == want.past_rounds);
    CHECK(got.history.pair_count() == want.history.pair_count());
    // One check for all pairs, so a thousand attendees stay quick; the first mismatch is named.
    std::string first_mismatch;
    int mismatches = 0;
    for (const auto& [a, ignored_a] : want.attendees)
        for (const auto& [b, ignored_b] : want.attendees) {
            if (a >= b) continue;
            if (got.history.times_met(a, b) == want.history.times_met(a, b) &&
                got.history.last_round_met(a, b) == want.history.last_round_met(a, b))
                continue;
            if (mismatches++ == 0) first_mismatch = std::to_string(a) + "-" + std::to_string(b);
        }
    CHECK_MESSAGE(mismatches == 0, "history differs for pair " << first_mismatch);

    // A plan's report describes it when made and is not kept: only its rounds are compared.
    REQUIRE(got.plan.has_value() == want.plan.has_value());
    if (want.plan) {
        CHECK(got.plan->first_round == want.plan->first_round);
        CHECK(got.plan->rounds == want.plan->rounds);
    }
}

}  // namespace ensemble::storage::test
