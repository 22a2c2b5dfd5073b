#include "storage/sqlite.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "storage/schema.hpp"

namespace ensemble::storage {

namespace {

[[noreturn]] void fail_db(sqlite3* db, const std::string& what) {
    throw std::runtime_error("storage: " + what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    const char* tail = nullptr;
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           &tail) != SQLITE_OK) {
        sqlite3_finalize(stmt_);
        fail_db(db_, "prepare");
    }
    if (stmt_ == nullptr) throw std::runtime_error("storage: prepare: empty SQL");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::fail(const char* what) const { fail_db(db_, what); }

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail("bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8) !=
        SQLITE_OK)
        fail("bind");
    return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
    if (value) return bind(index, *value);
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail("bind");
    return *this;
}

bool Statement::step() {
    switch (sqlite3_step(stmt_)) {
        case SQLITE_ROW:
            return true;
        case SQLITE_DONE:
            return false;
        default:
            fail("step");
    }
}

void Statement::run() {
    if (step()) throw std::runtime_error("storage: a statement meant to change rows returned one");
}

int Statement::changes() const { return sqlite3_changes(db_); }

std::int64_t Statement::column_int64(int index) const { return sqlite3_column_int64(stmt_, index); }

std::string Statement::column_text(int index) const {
    const auto* text = sqlite3_column_text(stmt_, index);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

std::optional<std::int64_t> Statement::column_optional_int64(int index) const {
    if (sqlite3_column_type(stmt_, index) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int64(stmt_, index);
}

void Statement::reset() {
    // The error of a failed step is reported by step() itself; reset only rearms the statement.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Database::Database(const std::string& path, std::chrono::milliseconds busy_timeout) : path_(path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("storage: cannot open database " + path + ": " + message);
    }
    try {
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout.count()));
        // A round start of 10,000 people dirties megabytes: a cache that holds them all spills nothing to
        // the WAL before COMMIT; statement journals and sorts stay in memory.
        execute(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768; "
            "PRAGMA temp_store = MEMORY;");
        // journal_mode answers with the mode it got: a file that cannot do WAL must not pass silently.
        auto mode = prepare("PRAGMA journal_mode = WAL");
        if (!mode->step() || mode->column_text(0) != "wal")
            throw std::runtime_error("storage: cannot switch " + path + " to WAL mode");
    } catch (const std::runtime_error& e) {
        statements_.clear();
        sqlite3_close(db_);
        throw std::runtime_error(std::string(e.what()) + " (database " + path + ")");
    }
    try {
        migrate(*this);
    } catch (...) {
        statements_.clear();
        sqlite3_close(db_);
        throw;
    }
}

Database::~Database() {
    statements_.clear();
    sqlite3_close(db_);
}

StatementUse Database::prepare(std::string_view sql) {
    auto it = statements_.find(std::string(sql));
    if (it == statements_.end())
        it = statements_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
    return StatementUse(*it->second);
}

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Database::checkpoint_when_asked() {
    // A WAL hook replaces SQLite's own, which is the automatic checkpoint.
    sqlite3_wal_hook(
        db_,
        [](void* self, sqlite3*, const char*, int pages) {
            static_cast<Database*>(self)->wal_pages_ = pages;
            return SQLITE_OK;
        },
        this);
}

void Database::checkpoint() {
    int in_wal = 0;
    int copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &in_wal, &copied);
    // Busy: another connection is checkpointing; ours will come again.
    if (rc == SQLITE_BUSY) return;
    if (rc != SQLITE_OK) fail_db(db_, "checkpoint");
    // A reader still on older pages keeps them in the WAL: the next checkpoint copies them.
    if (copied == in_wal) wal_pages_ = 0;
}

void Database::execute(std::string_view script) {
    const char* next = script.data();
    const char* end = script.data() + script.size();
    while (next < end) {
        sqlite3_stmt* stmt = nullptr;
        const char* tail = nullptr;
        if (sqlite3_prepare_v2(db_, next, static_cast<int>(end - next), &stmt, &tail) != SQLITE_OK) {
            sqlite3_finalize(stmt);
            fail_db(db_, "prepare script");
        }
        next = tail;
        if (stmt == nullptr) continue;  // only whitespace or a comment was left
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE) fail_db(db_, "execute script");
    }
}

Transaction::Transaction(Database& db, Mode mode) : db_(db) {
    // IMMEDIATE takes the write lock up front, so a busy database waits here, not at COMMIT.
    db_.prepare(mode == Mode::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED")->run();
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        db_.prepare("ROLLBACK")->run();
    } catch (...) {
        // SQLite may already have rolled back on its own after the error that brought us here.
    }
}

void Transaction::commit() {
    db_.prepare("COMMIT")->run();
    open_ = false;
}

// One fixed name is enough: savepoints are never nested here.
Savepoint::Savepoint(Database& db) : db_(db) { db_.prepare("SAVEPOINT command")->run(); }

Savepoint::~Savepoint() {
    if (!open_) return;
    try {
        rollback();
    } catch (...) {
        // The transaction is already gone; its own rollback undoes everything.
    }
}

void Savepoint::release() {
    db_.prepare("RELEASE command")->run();
    open_ = false;
}

void Savepoint::rollback() {
    open_ = false;
    // ROLLBACK TO keeps the savepoint open: RELEASE then removes it, with nothing left to keep.
    db_.prepare("ROLLBACK TO command")->run();
    db_.prepare("RELEASE command")->run();
}

}  // namespace ensemble::storage
