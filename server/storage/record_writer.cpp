#include "storage/record_writer.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "storage/bulk_rows.hpp"
#include "storage/plan_json.hpp"
#include "storage/purpose_rows.hpp"
#include "storage/settings_json.hpp"
#include "storage/topic_table_rows.hpp"

namespace ensemble::storage {

namespace {

// An update that changed nothing means the domain and the database disagree: refuse the whole command.
void expect_one_change(Statement& statement, const char* what) {
    statement.run();
    if (statement.changes() == 0) throw std::runtime_error(std::string("storage: ") + what);
}

struct Writer : TopicWriter {
    using TopicWriter::operator();
    void operator()(const domain::PhaseChanged& r) const {
        auto update = db.prepare(
            "UPDATE events SET phase = ?2, round = ?3, deadline = ?4, paused = ?5, remaining_ms = ?6, "
            "ended_at = CASE WHEN ?2 = 'ended' THEN COALESCE(ended_at, ?7) ELSE ended_at END WHERE id = ?1");
        update->bind(1, event_id)
            .bind(2, domain::to_string(r.phase))
            .bind(3, r.round)
            .bind(4, r.deadline)
            .bind(5, r.paused)
            .bind(6, r.remaining_ms)
            .bind(7, r.at);
        expect_one_change(*update, "no such event");
    }

    void operator()(const domain::AttendeeJoined& r) const {
        const auto& a = r.attendee;
        db.prepare(
              "INSERT INTO attendees (event_id, id, name, organisation, role, status, joined_at, "
              "credential_hash, email, phone) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
            ->bind(1, event_id)
            .bind(2, a.id)
            .bind(3, a.name)
            .bind(4, a.organisation)
            .bind(5, a.role)
            .bind(6, domain::to_string(a.status))
            .bind(7, a.joined_at)
            .bind(8, r.credential_hash)
            .bind(9, a.email)
            .bind(10, a.phone)
            .run();
        if (!a.purpose.empty()) write_purpose(db, event_id, a.id, a.purpose);
    }

    void operator()(const domain::PurposeChanged& r) const {
        write_purpose(db, event_id, r.attendee, r.purpose);
    }

    void operator()(const domain::SettingsChanged& r) const {
        auto update = db.prepare("UPDATE events SET settings = ?2 WHERE id = ?1");
        update->bind(1, event_id).bind(2, settings_to_json(r.settings));
        expect_one_change(*update, "no such event");
    }

    void operator()(const domain::AttendeeStatusChanged& r) const {
        auto update = db.prepare(
            "UPDATE attendees SET status = ?3, status_changed_at = ?4 WHERE event_id = ?1 AND id = ?2");
        update->bind(1, event_id).bind(2, r.attendee).bind(3, domain::to_string(r.status)).bind(4, r.at);
        expect_one_change(*update, "no such attendee");
    }

    // Every row of the duplicate becomes keep's: seats, and with them its meetings (the pair of the two is
    // none, and a meeting both had in one round counts once), and chat. Its credential stays, and signs in
    // as keep.
    void operator()(const domain::AttendeesMerged& r) const {
        auto update = db.prepare(
            "UPDATE attendees SET status = ?3, merged_into = ?4, status_changed_at = ?5 "
            "WHERE event_id = ?1 AND id = ?2");
        update->bind(1, event_id)
            .bind(2, r.duplicate)
            .bind(3, domain::to_string(domain::AttendeeStatus::merged))
            .bind(4, r.keep)
            .bind(5, r.at);
        expect_one_change(*update, "no such attendee");
        for (const char* table : {"seats", "chat_messages"})
            db.prepare(std::string("UPDATE ") + table +
                       " SET attendee_id = ?3 WHERE event_id = ?1 AND attendee_id = ?2")
                ->bind(1, event_id)
                .bind(2, r.duplicate)
                .bind(3, r.keep)
                .run();
        merge_answers(r);
    }

    // As the domain does: keep's own answers win, the rest of the duplicate's become keep's, answers about
    // the duplicate become about keep, and what is left of the duplicate's (or between the two) goes.
    void merge_answers(const domain::AttendeesMerged& r) const {
        for (const char* table : {"talked_answers", "contact_wishes", "table_ratings"})
            for (const char* column : {"attendee_id", "about"}) {
                if (std::string_view(table) == "table_ratings" && std::string_view(column) == "about")
                    continue;
                for (const char* verb : {"UPDATE OR IGNORE", "DELETE FROM"}) {
                    std::string sql = std::string(verb) + " " + table;
                    if (verb[0] == 'U') sql += std::string(" SET ") + column + " = ?3";
                    sql += std::string(" WHERE event_id = ?1 AND ") + column + " = ?2";
                    auto statement = db.prepare(sql);
                    statement->bind(1, event_id).bind(2, r.duplicate);
                    if (verb[0] == 'U') statement->bind(3, r.keep);
                    statement->run();
                }
            }
        for (const char* table : {"talked_answers", "contact_wishes"})
            db.prepare(std::string("DELETE FROM ") + table + " WHERE event_id = ?1 AND attendee_id = about")
                ->bind(1, event_id)
                .run();
    }

    void operator()(const domain::RoundStarted& r) const {
        db.prepare("INSERT INTO rounds (event_id, round, started_at) VALUES (?1, ?2, ?3)")
            ->bind(1, event_id)
            .bind(2, r.round)
            .bind(3, r.at)
            .run();
    }

    void operator()(const domain::Seated& r) const { write_seats(db, event_id, std::array{&r}); }

    void operator()(const domain::Unseated& r) const {
        auto update = db.prepare(
            "UPDATE seats SET left_at = ?5, left_after = (SELECT MAX(id) FROM seats WHERE event_id = ?1 "
            "AND round = ?2 AND table_number = ?3) WHERE event_id = ?1 AND round = ?2 AND table_number = ?3 "
            "AND attendee_id = ?4 AND left_at IS NULL");
        update->bind(1, event_id).bind(2, r.round).bind(3, r.table).bind(4, r.attendee).bind(5, r.at);
        expect_one_change(*update, "no open seat to leave");
    }

    void operator()(const domain::ChatPosted& r) const {
        db.prepare(
              "INSERT INTO chat_messages (event_id, round, table_number, attendee_id, text, at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            ->bind(1, event_id)
            .bind(2, r.round)
            .bind(3, r.table)
            .bind(4, r.message.from)
            .bind(5, r.message.text)
            .bind(6, r.message.at)
            .run();
    }

    void operator()(const domain::Announced& r) const {
        db.prepare("INSERT INTO announcements (event_id, text, at) VALUES (?1, ?2, ?3)")
            ->bind(1, event_id)
            .bind(2, r.text)
            .bind(3, r.at)
            .run();
    }

    // A new plan replaces the event's earlier one: only the latest is followed.
    void operator()(const domain::PlanMade& r) const {
        db.prepare("INSERT OR REPLACE INTO plans (event_id, first_round, rounds) VALUES (?1, ?2, ?3)")
            ->bind(1, event_id)
            .bind(2, r.first_round)
            .bind(3, plan_rounds_to_json(r.rounds))
            .run();
    }

    void operator()(const domain::HostLinkCreated& r) const {
        db.prepare(
              "INSERT INTO host_links (event_id, id, name, credential_hash, created_at, created_by, role) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
            ->bind(1, event_id)
            .bind(2, r.link.id)
            .bind(3, r.link.name)
            .bind(4, r.link.credential_hash)
            .bind(5, r.link.created_at)
            .bind(6, r.link.created_by)
            .bind(7, std::string(domain::to_string(r.link.role)))
            .run();
    }

    void operator()(const domain::HostLinkRevoked& r) const {
        auto update = db.prepare(
            "UPDATE host_links SET revoked_at = ?3 WHERE event_id = ?1 AND id = ?2 AND revoked_at IS NULL");
        update->bind(1, event_id).bind(2, r.link).bind(3, r.at);
        expect_one_change(*update, "no such host link");
    }

    // The texts are blanked in the row, which stays for the seats and encounters that refer to it; what the
    // person wrote goes (answers about them stay: they are the others'). Entries merged into them were them.
    void operator()(const domain::AttendeeErased& r) const {
        auto update = db.prepare(std::string("UPDATE attendees SET name = '', organisation = '', role = '', "
                                             "email = '', phone = '', ") +
                                 purpose_blanked +
                                 ", credential_hash = ?3, erased_at = ?4 WHERE event_id = ?1 AND id = ?2 AND "
                                 "erased_at IS NULL");
        update->bind(1, event_id).bind(2, r.attendee).bind(3, r.credential_hash).bind(4, r.at);
        expect_one_change(*update, "no such attendee to erase");
        db.prepare(std::string("UPDATE attendees SET name = '', organisation = '', role = '', email = '', "
                               "phone = '', ") +
                   purpose_blanked +
                   ", erased_at = ?3 WHERE event_id = ?1 AND merged_into = ?2 AND erased_at IS NULL")
            ->bind(1, event_id)
            .bind(2, r.attendee)
            .bind(3, r.at)
            .run();
        for (const char* table : {"chat_messages", "talked_answers", "contact_wishes", "table_ratings"})
            db.prepare(std::string("DELETE FROM ") + table + " WHERE event_id = ?1 AND attendee_id = ?2")
                ->bind(1, event_id)
                .bind(2, r.attendee)
                .run();
        erase_topic_words(db, event_id, r.attendee);
    }

    // Names are not written: they are those of the link and the attendee, which never change.
    void operator()(const domain::HostActed& r) const {
        const auto& a = r.action;
        db.prepare(
              "INSERT INTO host_actions (event_id, host_link, kind, at, number, attendee_id, link_id, text, "
              "into_attendee_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            ->bind(1, event_id)
            .bind(2, a.by)
            .bind(3, domain::to_string(a.kind))
            .bind(4, a.at)
            .bind(5, a.number)
            .bind(6, a.attendee)
            .bind(7, a.link)
            .bind(8, a.text)
            .bind(9, a.into)
            .run();
    }

    void operator()(const domain::TalkedAnswered& r) const {
        db.prepare(
              "INSERT OR REPLACE INTO talked_answers (event_id, round, attendee_id, about, talked, at) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            ->bind(1, event_id)
            .bind(2, r.round)
            .bind(3, r.attendee)
            .bind(4, r.about)
            .bind(5, r.talked)
            .bind(6, r.at)
            .run();
    }

    // A row while the wish holds: a withdrawn wish leaves nothing behind.
    void operator()(const domain::ContactWished& r) const {
        if (!r.wish) {
            db.prepare("DELETE FROM contact_wishes WHERE event_id = ?1 AND attendee_id = ?2 AND about = ?3")
                ->bind(1, event_id)
                .bind(2, r.attendee)
                .bind(3, r.about)
                .run();
            return;
        }
        db.prepare(
              "INSERT OR REPLACE INTO contact_wishes (event_id, attendee_id, about, at) VALUES (?1, ?2, ?3, "
              "?4)")
            ->bind(1, event_id)
            .bind(2, r.attendee)
            .bind(3, r.about)
            .bind(4, r.at)
            .run();
    }

    void operator()(const domain::TableRated& r) const {
        db.prepare(
              "INSERT OR REPLACE INTO table_ratings (event_id, round, attendee_id, score, at) "
              "VALUES (?1, ?2, ?3, ?4, ?5)")
            ->bind(1, event_id)
            .bind(2, r.round)
            .bind(3, r.attendee)
            .bind(4, r.score)
            .bind(5, r.at)
            .run();
    }

    // The latest seat of that attendee at that table: moved away and back, the sums start again.
    void operator()(const domain::SeatPresenceRecorded& r) const {
        auto update = db.prepare(
            "UPDATE seats SET visible_ms = ?5, chat_sent = ?6, video_opened = ?7 WHERE id = ("
            "SELECT MAX(id) FROM seats WHERE event_id = ?1 AND round = ?2 AND table_number = ?3 "
            "AND attendee_id = ?4)");
        update->bind(1, event_id)
            .bind(2, r.round)
            .bind(3, r.table)
            .bind(4, r.attendee)
            .bind(5, r.visible_ms)
            .bind(6, r.chat_sent)
            .bind(7, r.video_opened);
        expect_one_change(*update, "no seat for its presence");
    }
};

struct Kind : TopicKind {
    using TopicKind::operator();
    const char* operator()(const domain::PhaseChanged&) const { return "PhaseChanged"; }
    const char* operator()(const domain::AttendeeJoined&) const { return "AttendeeJoined"; }
    const char* operator()(const domain::AttendeeStatusChanged&) const { return "AttendeeStatusChanged"; }
    const char* operator()(const domain::AttendeesMerged&) const { return "AttendeesMerged"; }
    const char* operator()(const domain::RoundStarted&) const { return "RoundStarted"; }
    const char* operator()(const domain::Seated&) const { return "Seated"; }
    const char* operator()(const domain::Unseated&) const { return "Unseated"; }
    const char* operator()(const domain::ChatPosted&) const { return "ChatPosted"; }
    const char* operator()(const domain::Announced&) const { return "Announced"; }
    const char* operator()(const domain::PlanMade&) const { return "PlanMade"; }
    const char* operator()(const domain::HostLinkCreated&) const { return "HostLinkCreated"; }
    const char* operator()(const domain::HostLinkRevoked&) const { return "HostLinkRevoked"; }
    const char* operator()(const domain::HostActed&) const { return "HostActed"; }
    const char* operator()(const domain::TalkedAnswered&) const { return "TalkedAnswered"; }
    const char* operator()(const domain::ContactWished&) const { return "ContactWished"; }
    const char* operator()(const domain::TableRated&) const { return "TableRated"; }
    const char* operator()(const domain::SeatPresenceRecorded&) const { return "SeatPresenceRecorded"; }
    const char* operator()(const domain::AttendeeErased&) const { return "AttendeeErased"; }
    const char* operator()(const domain::PurposeChanged&) const { return "PurposeChanged"; }
    const char* operator()(const domain::SettingsChanged&) const { return "SettingsChanged"; }
};

}  // namespace

void write_record(Database& db, const std::string& event_id, const domain::Record& record) {
    std::visit(Writer{{db, event_id}}, record);
}

const char* record_kind(const domain::Record& record) { return std::visit(Kind{}, record); }

}  // namespace ensemble::storage
