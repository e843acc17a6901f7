#include "server/db/database.h"

#include "server/db/dialect.h"
#include "server/db/postgres.h"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace tosserp::db {

namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what)
{
    const int primary = rc & 0xff;
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DbError(message, rc, primary == SQLITE_CONSTRAINT, primary == SQLITE_BUSY || primary == SQLITE_LOCKED);
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

/// A statement prepared by SQLite.
class SqliteStatement final : public Statement {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt);
    Statement& bind(int index, const Value& value) override;
    bool step() override;
    std::int64_t run() override;
    void reset() override;
    bool isNull(int column) const override;
    std::int64_t integer(int column) const override;
    double real(int column) const override;
    std::string text(int column) const override;

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

/// A connection to a SQLite file.
class SqliteConnection final : public Connection {
public:
    SqliteConnection(const std::string& path, bool readOnly);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Statement& prepare(std::string_view sql) override;
    void execScript(const std::string& sql) override;
    void syncFiles() override;
    Dialect dialect() const override { return Dialect::Sqlite; }
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> m_statements;
};

} // namespace

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
    : m_db(db)
    , m_stmt(stmt)
{ }

Statement& SqliteStatement::bind(int index, const Value& value)
{
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(value)) {
        rc = sqlite3_bind_null(m_stmt, index);
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
        rc = sqlite3_bind_int64(m_stmt, index, *i);
    } else if (const auto* d = std::get_if<double>(&value)) {
        rc = sqlite3_bind_double(m_stmt, index, *d);
    } else {
        const auto& s = std::get<std::string>(value);
        rc = sqlite3_bind_text(m_stmt, index, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) {
        fail(m_db, rc, "bind");
    }
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    sqlite3_reset(m_stmt);
    fail(m_db, rc, sqlite3_sql(m_stmt));
}

std::int64_t SqliteStatement::run()
{
    while (step()) { }
    const auto changed = sqlite3_changes64(m_db);
    reset();
    return changed;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string SqliteStatement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!p) {
        return {};
    }
    return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

SqliteConnection::SqliteConnection(const std::string& path, bool readOnly)
{
    const int flags
        = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open database " + path;
        sqlite3* db = m_db;
        m_db = nullptr;
        if (db) {
            message += std::string(": ") + sqlite3_errmsg(db);
            sqlite3_close(db);
        }
        throw DbError(message, rc, false);
    }
    // A writer waits for another process's writer rather than failing at once.
    sqlite3_busy_timeout(m_db, 5000);
    execScript("PRAGMA foreign_keys=ON;");
}

SqliteConnection::~SqliteConnection()
{
    for (auto& [sql, statement] : m_statements) {
        (void)sql;
        statement.reset();
    }
    // Finalize every prepared statement before closing.
    sqlite3_stmt* stmt = nullptr;
    while ((stmt = sqlite3_next_stmt(m_db, nullptr)) != nullptr) {
        sqlite3_finalize(stmt);
    }
    sqlite3_close(m_db);
}

Statement& SqliteConnection::prepare(std::string_view sql)
{
    auto it = m_statements.find(std::string(sql));
    if (it != m_statements.end()) {
        it->second->reset();
        return *it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc
        = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        fail(m_db, rc, std::string("prepare ") + std::string(sql));
    }
    auto [inserted, _] = m_statements.emplace(std::string(sql), std::make_unique<SqliteStatement>(m_db, stmt));
    return *inserted->second;
}

void SqliteConnection::execScript(const std::string& sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : "exec failed";
        sqlite3_free(error);
        throw DbError(
            message, rc, (rc & 0xff) == SQLITE_CONSTRAINT, (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED);
    }
}

void SqliteConnection::syncFiles()
{
    // What is committed is in the write-ahead log, or (after a checkpoint, which SQLite syncs
    // before the log starts over) in the database file: syncing both makes it all durable,
    // as synchronous=FULL does at each commit.
    for (const int control : { SQLITE_FCNTL_JOURNAL_POINTER, SQLITE_FCNTL_FILE_POINTER }) {
        sqlite3_file* file = nullptr;
        if (sqlite3_file_control(m_db, "main", control, &file) != SQLITE_OK || file == nullptr
            || file->pMethods == nullptr) {
            continue; // no log open yet
        }
        if (const int rc = file->pMethods->xSync(file, SQLITE_SYNC_NORMAL); rc != SQLITE_OK) {
            throw DbError("cannot sync " + std::string(sqlite3_db_filename(m_db, "main")) + " to disk", rc, false);
        }
    }
}

Statement& Statement::bindAll(const std::vector<Value>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        bind(static_cast<int>(i + 1), values[i]);
    }
    return *this;
}

std::int64_t Statement::insertedKey()
{
    if (!step()) {
        reset();
        throw DbError("an INSERT … RETURNING gave no key", 0, false);
    }
    const auto key = integer(0);
    reset();
    return key;
}

std::vector<std::string> Statement::texts()
{
    std::vector<std::string> values;
    while (step()) {
        values.push_back(text(0));
    }
    reset();
    return values;
}

std::optional<std::int64_t> Statement::optionalInteger(int column) const
{
    if (isNull(column)) {
        return std::nullopt;
    }
    return integer(column);
}

bool isPostgres(std::string_view location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0
        || location.find('=') != std::string_view::npos;
}

std::unique_ptr<Connection> openConnection(const std::string& location, bool readOnly)
{
    if (isPostgres(location)) {
        return openPostgres(location, readOnly);
    }
    return std::make_unique<SqliteConnection>(location, readOnly);
}

Database::Database(std::string location)
    : m_path(std::move(location))
{
    m_writer = openConnection(m_path, false);
    if (m_writer->dialect() == Dialect::Sqlite) {
        // WAL: readers never block the writer; NORMAL sync is durable across process crashes
        // (a power cut may lose the last transactions, never corrupt the file).
        m_writer->execScript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    }
    m_writer->execScript(schemaFor(m_writer->dialect(),
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
        "applied_at INTEGER NOT NULL);"));
}

Database::~Database() = default;

void Database::syncToDisk()
{
    std::lock_guard lock(m_writeMutex);
    m_writer->syncFiles();
}

int Database::migrate(const std::vector<Migration>& migrations)
{
    int applied = 0;
    for (const auto& migration : migrations) {
        const bool done = write([&](Connection& c) {
            auto& q = c.prepare("SELECT 1 FROM schema_migrations WHERE version = ?");
            q.bind(1, std::int64_t { migration.version });
            const bool present = q.step();
            q.reset();
            if (present) {
                return true;
            }
            c.execScript(schemaFor(c.dialect(), migration.sql));
            if (const auto catchUp = identitiesCatchUp(c.dialect()); !catchUp.empty()) {
                c.execScript(catchUp);
            }
            c.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)")
                .bindAll({ std::int64_t { migration.version }, migration.description, nowMs() })
                .run();
            return false;
        });
        if (!done) {
            ++applied;
        }
    }
    return applied;
}

std::vector<std::string> Database::tableNames()
{
    return read([](Connection& c) {
        return c
            .prepare(c.dialect() == Dialect::Sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                      "ORDER BY name"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                      "ORDER BY table_name")
            .texts();
    });
}

void Database::raiseNextKey(const std::string& table, const std::string& column, std::int64_t floor)
{
    write([&](Connection& c) {
        if (c.dialect() == Dialect::Sqlite) {
            // AUTOINCREMENT keys continue after the larger of sqlite_sequence and the table's
            // largest key.
            c.prepare("INSERT INTO sqlite_sequence (name, seq) SELECT ?1, 0 WHERE NOT EXISTS (SELECT 1 FROM "
                      "sqlite_sequence WHERE name = ?1)")
                .bind(1, table)
                .run();
            c.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?2) WHERE name = ?1")
                .bind(1, table)
                .bind(2, floor)
                .run();
            return;
        }
        auto& q = c.prepare("SELECT setval(pg_get_serial_sequence(?1, ?2), "
                            "GREATEST(CAST(?3 AS BIGINT), nextval(pg_get_serial_sequence(?1, ?2))))");
        q.bind(1, table).bind(2, column).bind(3, floor);
        q.step();
        q.reset();
    });
}

void Database::dropAllTables()
{
    const auto tables = tableNames();
    write([&](Connection& c) {
        for (const auto& table : tables) {
            std::string quoted = "\"";
            for (const char ch : table) {
                quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            }
            quoted += "\"";
            c.execScript("DROP TABLE IF EXISTS " + quoted + (c.dialect() == Dialect::Sqlite ? "" : " CASCADE"));
        }
    });
}

void Database::backupTo(const std::string& target)
{
    if (dialect() != Dialect::Sqlite) {
        throw DbError(
            "a PostgreSQL database is backed up with pg_dump (dumpPostgres), not copied to " + target, 0, false);
    }
    sqlite3* destination = nullptr;
    int rc = sqlite3_open(target.c_str(), &destination);
    if (rc != SQLITE_OK) {
        sqlite3_close(destination);
        throw DbError("cannot open backup target " + target, rc, false);
    }
    Lease lease(*this);
    sqlite3_backup* backup
        = sqlite3_backup_init(destination, "main", static_cast<SqliteConnection*>(lease.connection)->handle(), "main");
    if (!backup) {
        std::string message = sqlite3_errmsg(destination);
        sqlite3_close(destination);
        throw DbError("backup failed: " + message, SQLITE_ERROR, false);
    }
    // All pages in one step: one read transaction, so the copy is one consistent snapshot
    // however busy the writer is (in steps, every commit between two of them would restart it).
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    int status = sqlite3_errcode(destination);
    // The copy stands alone in one file (no -wal beside it); the server turns WAL on again
    // when it opens a restored file.
    if (rc == SQLITE_DONE && status == SQLITE_OK) {
        status = sqlite3_exec(destination, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    }
    sqlite3_close(destination);
    if (rc != SQLITE_DONE || status != SQLITE_OK) {
        throw DbError("backup failed", rc, false);
    }
}

Database::TransactionGuard::TransactionGuard(Connection& c)
    : connection(c)
{
    if (connection.dialect() == Dialect::Sqlite) {
        connection.prepare("BEGIN IMMEDIATE").run();
        return;
    }
    // One writer at a time, across processes too: positions then grow in commit order. The
    // lock is asked for with BEGIN, in one round trip; it goes with the transaction.
    try {
        connection.prepare("BEGIN; SELECT pg_advisory_xact_lock(7023311)").run();
    } catch (...) {
        try {
            connection.prepare("ROLLBACK").run();
        } catch (...) {
            // The connection is gone: so is the transaction.
        }
        throw;
    }
}

Database::TransactionGuard::~TransactionGuard()
{
    if (!done) {
        try {
            connection.prepare("ROLLBACK").run();
        } catch (...) {
            // The transaction is already gone (SQLite rolls back on some errors by itself).
        }
    }
}

void Database::TransactionGuard::commit()
{
    connection.prepare("COMMIT").run();
    done = true;
}

Database::ReadGuard::ReadGuard(Connection& c)
    : connection(c)
{
    connection
        .prepare(connection.dialect() == Dialect::Sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        .run();
}

Database::ReadGuard::~ReadGuard()
{
    try {
        connection.prepare("COMMIT").run();
    } catch (...) {
        // A read transaction has nothing to lose.
    }
}

Database::Lease::Lease(Database& db)
    : database(db)
    , connection(nullptr)
{
    // PostgreSQL counts connections against max_connections (100 by default): a few readers
    // per domain serve many threads. SQLite's cost nothing to hold.
    const std::size_t limit = db.dialect() == Dialect::Postgres ? 16 : 1024;
    std::unique_lock lock(db.m_poolMutex);
    for (;;) {
        if (!db.m_idle.empty()) {
            connection = db.m_idle.back();
            db.m_idle.pop_back();
            return;
        }
        if (db.m_readers.size() + static_cast<std::size_t>(db.m_opening) < limit) {
            break;
        }
        db.m_poolFreed.wait(lock);
    }
    // Opened outside the lock: a server slow to answer must not hold up the leases of
    // connections already open.
    ++db.m_opening;
    lock.unlock();
    std::unique_ptr<Connection> made;
    try {
        made = openConnection(db.m_path, true);
    } catch (...) {
        lock.lock();
        --db.m_opening;
        db.m_poolFreed.notify_one();
        throw;
    }
    lock.lock();
    --db.m_opening;
    db.m_readers.push_back(std::move(made));
    connection = db.m_readers.back().get();
}

Database::Lease::~Lease()
{
    {
        std::lock_guard lock(database.m_poolMutex);
        database.m_idle.push_back(connection);
    }
    database.m_poolFreed.notify_one();
}

} // namespace tosserp::db
