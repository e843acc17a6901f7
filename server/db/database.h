#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tosserp::db {

/// A value bound to or read from SQL: NULL, integer, real or text.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// Thrown for infrastructure failures (cannot open, disk full, constraint violated unexpectedly).
/// `constraint` is true when the failure is a UNIQUE/FOREIGN KEY/CHECK violation.
class DbError : public std::runtime_error {
public:
    DbError(const std::string& message, int code, bool constraint)
        : std::runtime_error(message)
        , m_code(code)
        , m_constraint(constraint)
    { }
    int code() const { return m_code; }
    bool isConstraint() const { return m_constraint; }

private:
    int m_code;
    bool m_constraint;
};

/// One prepared statement, cached by its connection. Not thread-safe: used by the thread
/// that holds the connection. Bind parameters are 1-based, in the `?` order of the SQL.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt);
    Statement& bind(int index, const Value& value);
    Statement& bindAll(const std::vector<Value>& values);
    /// Advances to the next row; false when done. Throws DbError on failure.
    bool step();
    /// Runs to completion and resets; returns the number of rows changed.
    std::int64_t run();
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optionalInteger(int column) const;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

/// A database connection with a cache of prepared statements. Owned by a Database and lent
/// to one thread at a time.
class Connection {
public:
    explicit Connection(const std::string& path, bool readOnly);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Returns the cached prepared statement for `sql`, reset and with bindings cleared.
    Statement& prepare(std::string_view sql);
    /// Runs one or more statements without parameters (schema, pragmas).
    void execScript(const std::string& sql);
    std::int64_t lastInsertId() const;
    /// Syncs this connection's database file and write-ahead log to disk through SQLite's own
    /// file handles (opening and closing the files here would drop SQLite's POSIX locks).
    void syncFiles();
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_statements;
};

/// A versioned migration: applied once, in order, inside a transaction.
struct Migration {
    int version;
    std::string description;
    std::string sql;
};

/// One domain's database file: a single writer connection (writes are serialised, as SQLite
/// allows one writer at a time) and a pool of reader connections (WAL lets readers run beside
/// the writer). Thread-safe.
class Database {
public:
    /// Opens (creating if needed) the file at `path` in WAL mode. Throws DbError.
    explicit Database(std::string path);
    ~Database();

    /// Puts every transaction committed so far on disk (commits are durable across a crash of
    /// the process, not a power cut, until then: synchronous=NORMAL). Called before other
    /// processes are told of commits: events handed to a broker, checkpoints acknowledged to
    /// it; one sync covers any number of commits. Throws DbError when the disk refuses.
    void syncToDisk();

    /// Applies the migrations not yet recorded in `schema_migrations`; returns how many ran.
    int migrate(const std::vector<Migration>& migrations);

    /// Runs `work` inside a write transaction (BEGIN IMMEDIATE); commits if it returns normally,
    /// rolls back if it throws (and rethrows) or returns a failed result (anything with a
    /// false `ok()`).
    template <class F> auto write(F&& work) -> decltype(work(std::declval<Connection&>()))
    {
        std::lock_guard lock(m_writeMutex);
        TransactionGuard guard(*m_writer);
        if constexpr (std::is_void_v<decltype(work(*m_writer))>) {
            work(*m_writer);
            guard.commit();
            notifyCommit();
        } else {
            auto result = work(*m_writer);
            // A refusal returned as a value (a Result that is not ok) rolls back whatever the
            // work wrote before it found the problem.
            if constexpr (requires { result.ok(); }) {
                if (!result.ok()) {
                    return result;
                }
            }
            guard.commit();
            notifyCommit();
            return result;
        }
    }

    /// Runs `work` with a reader connection. Each statement sees a consistent state of its
    /// own; use readSnapshot when several statements must see the same state.
    template <class F> auto read(F&& work) -> decltype(work(std::declval<Connection&>()))
    {
        Lease lease(*this);
        return work(*lease.connection);
    }

    /// Runs `work` with a reader connection inside one read transaction: every statement
    /// sees the same snapshot, whatever commits meanwhile.
    template <class F> auto readSnapshot(F&& work) -> decltype(work(std::declval<Connection&>()))
    {
        Lease lease(*this);
        ReadGuard guard(*lease.connection);
        return work(*lease.connection);
    }

    const std::string& path() const { return m_path; }
    /// Adds a listener called after every committed write transaction, on the writing thread
    /// with the writer connection still held (so it reads exactly what was committed). Add
    /// listeners at start-up, before writes begin.
    void onCommit(std::function<void(Connection&)> callback) { m_onCommit.push_back(std::move(callback)); }
    /// Copies the live database into `target` through SQLite's online backup: one consistent
    /// snapshot, in one self-contained file (rollback journal mode), while writers go on.
    void backupTo(const std::string& target);

private:
    void notifyCommit()
    {
        for (const auto& listener : m_onCommit) {
            listener(*m_writer);
        }
    }

    struct TransactionGuard {
        explicit TransactionGuard(Connection& c);
        ~TransactionGuard();
        void commit();
        Connection& connection;
        bool done = false;
    };
    struct ReadGuard {
        explicit ReadGuard(Connection& c);
        ~ReadGuard();
        Connection& connection;
    };
    struct Lease {
        explicit Lease(Database& db);
        ~Lease();
        Database& database;
        Connection* connection;
    };

    std::string m_path;
    std::mutex m_writeMutex;
    std::unique_ptr<Connection> m_writer;
    std::mutex m_poolMutex;
    std::vector<std::unique_ptr<Connection>> m_readers;
    std::vector<Connection*> m_idle;
    std::vector<std::function<void(Connection&)>> m_onCommit;
};

} // namespace tosserp::db
