// The SQLite handles: connection settings, transactions, cached statements, clear failures.
#include <doctest/doctest.h>

#include <fstream>
#include <stdexcept>

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
    CHECK(std::stoi(pragma_text(db, "PRAGMA busy_timeout")) > 0);
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
