#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace tosserp::db {

/// A value bound to or read from SQL: NULL, integer, real or text.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// Thrown for infrastructure failures (cannot open, disk full, constraint violated unexpectedly).
/// `constraint` is true when the failure is a UNIQUE/FOREIGN KEY/CHECK violation; `transient`
/// when trying again shortly may succeed (the database is busy, restarting or unreachable);
/// `outcomeUnknown` when the connection was lost during COMMIT, so the transaction may or may
/// not have been applied.
class DbError : public std::runtime_error {
public:
    DbError(const std::string& message, int code, bool constraint, bool transient = false, bool outcomeUnknown = false)
        : std::runtime_error(message)
        , m_code(code)
        , m_constraint(constraint)
        , m_transient(transient)
        , m_outcomeUnknown(outcomeUnknown)
    { }
    int code() const { return m_code; }
    bool isConstraint() const { return m_constraint; }
    bool isTransient() const { return m_transient; }
    bool isOutcomeUnknown() const { return m_outcomeUnknown; }

private:
    int m_code;
    bool m_constraint;
    bool m_transient;
    bool m_outcomeUnknown;
};

/// The SQL a database speaks. The services write SQL both accept; what differs is translated
/// in one place (db/dialect.h).
enum class Dialect { Sqlite, Postgres };

/// One prepared statement, cached by its connection. Not thread-safe: used by the thread
/// that holds the connection. Bind parameters are 1-based, in the `?` order of the SQL (or
/// numbered: `?1`, `?2`).
class Statement {
public:
    virtual ~Statement() = default;
    virtual Statement& bind(int index, const Value& value) = 0;
    Statement& bindAll(const std::vector<Value>& values);
    /// Advances to the next row; false when done. Throws DbError on failure.
    virtual bool step() = 0;
    /// Runs to completion and resets; returns the number of rows changed.
    virtual std::int64_t run() = 0;
    virtual void reset() = 0;
    /// Runs an `INSERT … RETURNING key` and returns the key it gave the new row (both
    /// databases answer RETURNING; a key read back in a second statement would cost another
    /// round trip on PostgreSQL). Throws DbError when the statement returns no row.
    std::int64_t insertedKey();
    /// Runs to completion and resets; returns the first column of every row, as text.
    std::vector<std::string> texts();

    virtual bool isNull(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string text(int column) const = 0;
    std::optional<std::int64_t> optionalInteger(int column) const;
};

/// A database connection with a cache of prepared statements. Owned by a Database and lent
/// to one thread at a time.
class Connection {
public:
    virtual ~Connection() = default;

    /// Returns the cached prepared statement for `sql`, reset and with bindings cleared.
    virtual Statement& prepare(std::string_view sql) = 0;
    /// Runs one or more statements without parameters (schema, pragmas).
    virtual void execScript(const std::string& sql) = 0;
    /// Puts what this connection committed on disk (SQLite: syncs the database file and its
    /// write-ahead log through SQLite's own file handles; PostgreSQL: a commit is already
    /// durable).
    virtual void syncFiles() = 0;
    virtual Dialect dialect() const = 0;
};

/// True when `location` names a PostgreSQL database (a `postgresql://` URI or a libpq
/// `key=value` connection string) rather than a SQLite file.
bool isPostgres(std::string_view location);

/// Opens a connection to `location` (see isPostgres). Throws DbError.
std::unique_ptr<Connection> openConnection(const std::string& location, bool readOnly);

/// A versioned migration: applied once, in order, inside a transaction.
struct Migration {
    int version;
    std::string description;
    std::string sql;
};

/// One domain's database: a SQLite file or a PostgreSQL database. A single writer connection
/// (writes are serialised: SQLite allows one writer at a time, and on PostgreSQL one writer
/// keeps event positions in commit order, which every "after position X" reader relies on)
/// and a pool of reader connections (they run beside the writer). Thread-safe.
class Database {
public:
    /// Opens `location`: a file path (created if needed, in WAL mode) or a PostgreSQL
    /// connection string. Throws DbError.
    explicit Database(std::string location);
    ~Database();

    /// Puts every transaction committed so far on disk (commits are durable across a crash of
    /// the process, not a power cut, until then: synchronous=NORMAL). Called before other
    /// processes are told of commits: events handed to a broker, checkpoints acknowledged to
    /// it; one sync covers any number of commits. Throws DbError when the disk refuses.
    void syncToDisk();

    /// Applies the migrations not yet recorded in `schema_migrations`; returns how many ran.
    int migrate(const std::vector<Migration>& migrations);

    /// Runs `work` inside a write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: BEGIN and the
    /// domain's writer lock, so that a second process writing the same database waits its turn);
    /// commits if it returns normally,
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

    /// The file path or connection string it was opened with.
    const std::string& path() const { return m_path; }
    Dialect dialect() const { return m_writer->dialect(); }
    /// Adds a listener called after every committed write transaction, on the writing thread
    /// with the writer connection still held (so it reads exactly what was committed). Add
    /// listeners at start-up, before writes begin.
    void onCommit(std::function<void(Connection&)> callback) { m_onCommit.push_back(std::move(callback)); }
    /// Copies the live SQLite database into the file `target` through SQLite's online backup:
    /// one consistent snapshot, taken while writers go on, in one self-contained file (rollback
    /// journal mode). A PostgreSQL database is backed up with dumpPostgres (db/postgres.h):
    /// throws DbError.
    void backupTo(const std::string& target);
    /// The names of the tables the database holds (schema_migrations included), sorted.
    std::vector<std::string> tableNames();
    /// Makes the next key `table` gives a row through its integer key `column` larger than
    /// `floor` (and than any it gave before).
    void raiseNextKey(const std::string& table, const std::string& column, std::int64_t floor);
    /// Drops every table (PostgreSQL: with their sequences): undoes a restore that cannot
    /// finish. Call only on a database nothing else uses.
    void dropAllTables();

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
    std::condition_variable m_poolFreed;
    std::vector<std::unique_ptr<Connection>> m_readers;
    std::vector<Connection*> m_idle;
    int m_opening = 0; ///< reader connections being opened (outside the lock)
    std::vector<std::function<void(Connection&)>> m_onCommit;
};

} // namespace tosserp::db
