// The SQLite handles: connection settings, transactions, cached statements, clear failures.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <stdexcept>

#include "storage/checkpointer.hpp"
#include "storage/sqlite.hpp"
#include "storage_fixture.hpp"

namespace ensemble::storage {
namespace {

std::string pragma_text(Database& db, const char* pragma) {
    auto query = db.prepare(pragma);
    REQUIRE(query->step());
    return query->column_text(0);
}

std::int64_t count_rows(Database& db, const char* sql) {
    auto query = db.prepare(sql);
    REQUIRE(query->step());
    return query->column_int64(0);
}

TEST_CASE("storage: a new database is in WAL mode with foreign keys, synchronous NORMAL and a busy timeout") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    CHECK(pragma_text(db, "PRAGMA journal_mode") == "wal");
    CHECK(pragma_text(db, "PRAGMA foreign_keys") == "1");
    CHECK(pragma_text(db, "PRAGMA synchronous") == "1");  // NORMAL
    CHECK(std::stoi(pragma_text(db, "PRAGMA busy_timeout")) == default_busy_timeout.count());
    CHECK(pragma_text(db, "PRAGMA temp_store") == "2");              // MEMORY
    CHECK(std::stoi(pragma_text(db, "PRAGMA cache_size")) < -2000);  // more than SQLite's 2 MB
}

TEST_CASE("storage: the busy timeout is the one given") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"), std::chrono::milliseconds(100));
    CHECK(pragma_text(db, "PRAGMA busy_timeout") == "100");
}

TEST_CASE("storage: a savepoint undoes its own changes and keeps the transaction open") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    db.execute("CREATE TABLE t (x INTEGER)");
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, 1).run();
        {
            Savepoint undone(db);
            db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, 2).run();
            undone.rollback();
        }
        CHECK(db.in_transaction());
        {
            Savepoint kept(db);
            db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, 3).run();
            kept.release();
        }
        {
            Savepoint forgotten(db);  // neither released nor rolled back: undone when it goes
            db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, 4).run();
        }
        transaction.commit();
    }
    CHECK_FALSE(db.in_transaction());
    CHECK(count_rows(db, "SELECT COUNT(*) FROM t") == 2);
    CHECK(count_rows(db, "SELECT SUM(x) FROM t") == 4);
}

TEST_CASE("storage: with checkpoints on demand, the WAL grows until checkpoint() copies it") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    db.checkpoint_when_asked();
    db.execute("CREATE TABLE t (x TEXT)");
    // Far past SQLite's own threshold of 1,000 pages, which would have checkpointed by itself.
    for (int i = 0; i < 30; ++i) {
        Transaction transaction(db);
        for (int row = 0; row < 50; ++row)
            db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, std::string(4000, 'x')).run();
        transaction.commit();
    }
    CHECK(db.wal_pages() > 1000);

    SUBCASE("by the writer itself") {
        db.checkpoint();
        CHECK(db.wal_pages() == 0);
    }
    SUBCASE("by a checkpointer beside it: the writer's next commit starts the WAL over") {
        {
            Checkpointer checkpointer(db.path());
            checkpointer.request();
        }  // runs the checkpoint asked for before it ends
        Transaction transaction(db);
        db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, "after").run();
        transaction.commit();
        CHECK(db.wal_pages() < 10);
    }
    CHECK(count_rows(db, "SELECT COUNT(*) FROM t") >= 1500);
}

TEST_CASE("storage: a transaction left without commit rolls back, a committed one stays") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    db.execute("CREATE TABLE t (x INTEGER)");
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, 1).run();
    }
    CHECK(count_rows(db, "SELECT COUNT(*) FROM t") == 0);
    {
        Transaction transaction(db);
        db.prepare("INSERT INTO t (x) VALUES (?1)")->bind(1, 2).run();
        transaction.commit();
    }
    CHECK(count_rows(db, "SELECT COUNT(*) FROM t") == 1);
}

TEST_CASE("storage: a statement is prepared once per connection and rearmed for each use") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    const char* sql = "SELECT ?1 + 1";
    Statement* first = nullptr;
    {
        auto use = db.prepare(sql);
        first = &*use;
        use->bind(1, 41);
        REQUIRE(use->step());
        CHECK(use->column_int64(0) == 42);
    }
    auto again = db.prepare(sql);
    CHECK(&*again == first);
    // Bindings were cleared: an unbound parameter is NULL, and NULL + 1 is NULL.
    REQUIRE(again->step());
    CHECK_FALSE(again->column_optional_int64(0).has_value());
}

TEST_CASE("storage: text round-trips byte for byte, including quotes and NUL-free unicode") {
    test::TempDir dir;
    Database db(dir.file("ensemble.db"));
    const std::string text = "Robert'); DROP TABLE events;-- « élan » 🎉";
    auto query = db.prepare("SELECT ?1");
    query->bind(1, text);
    REQUIRE(query->step());
    CHECK(query->column_text(0) == text);
}

TEST_CASE("storage: failures throw a clear std::runtime_error") {
    test::TempDir dir;
    SUBCASE("a directory that does not exist") {
        const auto path = dir.file("missing/ensemble.db");
        try {
            Database db(path);
            FAIL("opening should have thrown");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find("cannot open database") != std::string::npos);
            CHECK(std::string(e.what()).find(path) != std::string::npos);
        }
    }
    SUBCASE("a file that is not a database") {
        const auto path = dir.file("notes.txt");
        std::ofstream(path)
            << "this is not an SQLite database, not even close, and it is long enough to tell\n";
        try {
            Database db(path);
            FAIL("opening should have thrown");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()).find("not a database") != std::string::npos);
            CHECK(std::string(e.what()).find(path) != std::string::npos);
        }
    }
    SUBCASE("bad SQL names the step that failed") {
        Database db(dir.file("ensemble.db"));
        CHECK_THROWS_WITH_AS(db.prepare("SELEC 1"), doctest::Contains("storage: prepare"),
                             std::runtime_error);
    }
}

}  // namespace
}  // namespace ensemble::storage
