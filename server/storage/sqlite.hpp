#pragma once
// RAII handles over the SQLite C API: one connection, its cached prepared statements, transactions.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace ensemble::storage {

// One prepared statement; values are only ever bound, never spliced into SQL.
class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::optional<std::int64_t> value);

    // True when a row is ready to read, false when the statement is done.
    bool step();
    // Runs a statement that returns no row; throws otherwise.
    void run();
    // Rows changed by the last run.
    int changes() const;

    // Columns are 0-based, as in SQLite.
    std::int64_t column_int64(int index) const;
    int column_int(int index) const { return static_cast<int>(column_int64(index)); }
    std::string column_text(int index) const;
    std::optional<std::int64_t> column_optional_int64(int index) const;

    // Ready for a new use: position back to the start, parameters cleared.
    void reset();

  private:
    [[noreturn]] void fail(const char* what) const;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// A cached statement lent for one use; reset on return so no read snapshot stays open.
class StatementUse {
  public:
    explicit StatementUse(Statement& statement) : statement_(&statement) {}
    ~StatementUse() { statement_->reset(); }
    StatementUse(const StatementUse&) = delete;
    StatementUse& operator=(const StatementUse&) = delete;
    Statement* operator->() const { return statement_; }
    Statement& operator*() const { return *statement_; }

  private:
    Statement* statement_;
};

// How long a connection waits for another one's write lock before failing with "database is locked".
constexpr std::chrono::milliseconds default_busy_timeout{5000};

// One SQLite connection. Not thread-safe: one thread owns it and makes every call.
class Database {
  public:
    // Opens or creates the file, sets WAL, synchronous=NORMAL, foreign keys and the busy timeout,
    // then migrates the schema. Throws std::runtime_error saying what failed.
    explicit Database(const std::string& path, std::chrono::milliseconds busy_timeout = default_busy_timeout);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::string& path() const { return path_; }

    // The statement for this SQL text, prepared once per connection and reused.
    StatementUse prepare(std::string_view sql);
    // Runs fixed SQL of one or more statements (schema, pragmas): never for user values.
    void execute(std::string_view script);

    sqlite3* handle() const { return db_; }
    // False once a transaction ended, including when SQLite rolled it back by itself after an error.
    bool in_transaction() const;

    // Stops SQLite from checkpointing inside the COMMIT that fills the WAL: the owner calls checkpoint()
    // when it has time, watching wal_pages().
    void checkpoint_when_asked();
    // Pages in the WAL not yet copied into the database file, as of the last commit.
    int wal_pages() const { return wal_pages_; }
    // Copies the WAL into the database file as far as readers allow, without waiting for anyone.
    // Throws std::runtime_error on an I/O error; the WAL still holds every commit then.
    void checkpoint();

  private:
    std::string path_;
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
    int wal_pages_ = 0;
};

// A transaction that rolls back unless commit() is reached.
class Transaction {
  public:
    enum class Mode { deferred, immediate };
    explicit Transaction(Database& db, Mode mode = Mode::immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

  private:
    Database& db_;
    bool open_ = true;
};

// A savepoint inside an open transaction: one command's changes, kept or undone without the others'.
class Savepoint {
  public:
    explicit Savepoint(Database& db);
    // Undoes the changes unless release() or rollback() was reached.
    ~Savepoint();
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;

    // Keeps the changes as part of the enclosing transaction.
    void release();
    // Undoes the changes; the enclosing transaction stays open. Throws when SQLite cannot.
    void rollback();

  private:
    Database& db_;
    bool open_ = true;
};

}  // namespace ensemble::storage
