#include "server/db/postgres.h"

#include "server/db/dialect.h"

#include <Poco/Environment.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <unordered_map>

namespace tosserp::db {

namespace {

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

/// `text` without the line breaks and spaces libpq and its programs end their messages with.
std::string chomp(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

bool startsWith(const char* text, std::string_view prefix)
{
    return text != nullptr && std::string_view(text).substr(0, prefix.size()) == prefix;
}

/// A failure as DbError: SQLSTATE class 23 is a broken constraint; a lost connection, a
/// serialisation failure, a deadlock, a lock not granted in time, a server shutting down or
/// out of resources may pass if tried again.
[[noreturn]] void fail(PGconn* connection, const PGresult* result, std::string_view what)
{
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message(what);
    message += ": ";
    const char* text = result != nullptr ? PQresultErrorMessage(result) : "";
    message += text != nullptr && *text != '\0' ? text : PQerrorMessage(connection);
    message = chomp(std::move(message));
    const bool lost = PQstatus(connection) != CONNECTION_OK;
    // 08P01 on a working connection is a statement sent wrong (too few parameters), not an
    // outage: trying it again cannot help.
    const bool transient = lost || state == nullptr || (startsWith(state, "08") && !startsWith(state, "08P01"))
        || startsWith(state, "40001") || startsWith(state, "40P01") || startsWith(state, "57P")
        || startsWith(state, "53") || startsWith(state, "55P03");
    throw DbError(message, state != nullptr ? static_cast<int>(std::strtol(state, nullptr, 36)) : 0,
        startsWith(state, "23"), transient);
}

class PgConnection;

/// A statement prepared on the server under a name of its own; parameters travel as text.
class PgStatement final : public Statement {
public:
    PgStatement(PgConnection& owner, std::string sql, std::string name)
        : m_owner(owner)
        , m_sql(std::move(sql))
        , m_name(std::move(name))
        , m_severalCommands(m_sql.find(';') != std::string::npos)
    { }

    Statement& bind(int index, const Value& value) override
    {
        if (index < 1) {
            throw DbError("bind: parameters are numbered from 1", 0, false);
        }
        if (static_cast<std::size_t>(index) > m_values.size()) {
            m_values.resize(static_cast<std::size_t>(index));
        }
        auto& slot = m_values[static_cast<std::size_t>(index - 1)];
        if (std::holds_alternative<std::nullptr_t>(value)) {
            slot.reset();
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            slot = std::to_string(*i);
        } else if (const auto* d = std::get_if<double>(&value)) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.17g", *d);
            slot = buffer;
        } else {
            slot = std::get<std::string>(value);
        }
        return *this;
    }

    bool step() override
    {
        if (!m_result) {
            execute();
        }
        return ++m_row < PQntuples(m_result.get());
    }

    std::int64_t run() override
    {
        execute();
        const auto changed = std::strtoll(PQcmdTuples(m_result.get()), nullptr, 10);
        reset();
        return changed;
    }

    void reset() override
    {
        m_result.reset();
        m_row = -1;
        m_values.clear();
    }

    bool isNull(int column) const override { return PQgetisnull(m_result.get(), m_row, column) == 1; }

    std::int64_t integer(int column) const override
    {
        const char* value = PQgetvalue(m_result.get(), m_row, column);
        // A comparison's value comes back as a boolean; SQLite gives 1 or 0.
        if (value[0] == 't' && value[1] == '\0') {
            return 1;
        }
        if (value[0] == 'f' && value[1] == '\0') {
            return 0;
        }
        return std::strtoll(value, nullptr, 10);
    }

    double real(int column) const override { return std::strtod(PQgetvalue(m_result.get(), m_row, column), nullptr); }

    std::string text(int column) const override
    {
        return std::string(PQgetvalue(m_result.get(), m_row, column),
            static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, column)));
    }

private:
    void execute();
    void attempt();
    /// Prepares the statement in this session if needed and executes it with the bound values.
    void prepareAndExecute(PGconn* connection);

    PgConnection& m_owner;
    std::string m_sql;
    std::string m_name;
    /// Several commands in one text (BEGIN and the writer's lock), found once.
    bool m_severalCommands;
    std::uint64_t m_preparedIn = 0; ///< the connection's session it was prepared in (0: none)
    std::vector<std::optional<std::string>> m_values;
    Result m_result;
    int m_row = -1;
};

class PgConnection final : public Connection {
public:
    PgConnection(const std::string& conninfo, bool readOnly)
        : m_readOnly(readOnly)
    {
        // A server that does not answer fails the connection after 5 s, unless the connection
        // string says otherwise (its settings come after these and win).
        const char* const keywords[] = { "connect_timeout", "dbname", nullptr };
        const char* const values[] = { "5", conninfo.c_str(), nullptr };
        m_connection = PQconnectdbParams(keywords, values, 1);
        if (m_connection == nullptr) {
            throw DbError("cannot connect to PostgreSQL: out of memory", 0, false, true);
        }
        if (PQstatus(m_connection) != CONNECTION_OK) {
            const auto message = chomp(PQerrorMessage(m_connection));
            PQfinish(m_connection);
            m_connection = nullptr;
            throw DbError("cannot connect to PostgreSQL: " + message, 0, false, true);
        }
        started();
    }

    ~PgConnection() override
    {
        m_statements.clear();
        PQfinish(m_connection);
    }

    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    Statement& prepare(std::string_view sql) override
    {
        auto it = m_statements.find(std::string(sql));
        if (it != m_statements.end()) {
            it->second->reset();
            return *it->second;
        }
        auto statement = std::make_unique<PgStatement>(
            *this, statementFor(Dialect::Postgres, sql), "s" + std::to_string(m_statements.size() + 1));
        auto [inserted, _] = m_statements.emplace(std::string(sql), std::move(statement));
        return *inserted->second;
    }

    void execScript(const std::string& sql) override
    {
        ensureOpen();
        const Result result(PQexec(m_connection, sql.c_str()));
        const auto status = PQresultStatus(result.get());
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
            fail(m_connection, result.get(), "script");
        }
    }

    void syncFiles() override
    {
        // PostgreSQL has flushed its log when COMMIT returns (synchronous_commit on).
    }

    Dialect dialect() const override { return Dialect::Postgres; }

    PGconn* handle() const { return m_connection; }
    bool readOnly() const { return m_readOnly; }
    bool inTransaction() const { return m_inTransaction; }
    void setInTransaction(bool open) { m_inTransaction = open; }
    std::uint64_t session() const { return m_session; }

    /// Opens the connection again when it broke; the statements are prepared again on use.
    void ensureOpen()
    {
        if (PQstatus(m_connection) == CONNECTION_OK) {
            return;
        }
        PQreset(m_connection);
        if (PQstatus(m_connection) != CONNECTION_OK) {
            fail(m_connection, nullptr, "reconnect to PostgreSQL");
        }
        started();
    }

private:
    void started()
    {
        ++m_session;
        // Notices (a ROLLBACK with nothing to roll back) are not for the server's output.
        PQsetNoticeProcessor(
            m_connection, [](void*, const char*) {}, nullptr);
        // A writer waits at most 10 s for another process's writer (SQLite waits 5 s), then
        // fails as transient.
        const char* setup = m_readOnly ? "SET default_transaction_read_only = on; SET client_min_messages = warning"
                                       : "SET client_min_messages = warning; SET lock_timeout = '10s'";
        const Result result(PQexec(m_connection, setup));
        if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
            fail(m_connection, result.get(), "session set-up");
        }
    }

    PGconn* m_connection = nullptr;
    bool m_readOnly;
    bool m_inTransaction = false;
    std::uint64_t m_session = 0;
    std::unordered_map<std::string, std::unique_ptr<PgStatement>> m_statements;
};

void PgStatement::execute()
{
    // A transaction whose connection broke is over: its statements must not go on in a new
    // session, one by one, each committing by itself. Only the ROLLBACK that ends it passes.
    if (m_owner.inTransaction() && PQstatus(m_owner.handle()) != CONNECTION_OK && m_sql != "ROLLBACK") {
        fail(m_owner.handle(), nullptr, "the connection was lost inside a transaction");
    }
    m_owner.ensureOpen();
    // A connection the server dropped while it sat idle (a restart, a failover) is found out
    // only by the next statement sent on it. When nothing could have been done on it (a reader,
    // or a writer beginning a transaction), it is opened again and the statement sent again,
    // so a restart costs the callers nothing; otherwise the statement fails as transient.
    const bool idle = PQtransactionStatus(m_owner.handle()) == PQTRANS_IDLE;
    const bool begins = m_sql.rfind("BEGIN", 0) == 0;
    const bool repeatable = idle && (m_owner.readOnly() || begins);
    const bool ends = m_sql == "COMMIT" || m_sql == "ROLLBACK";
    try {
        try {
            attempt();
        } catch (const DbError&) {
            if (!repeatable || PQstatus(m_owner.handle()) == CONNECTION_OK) {
                throw;
            }
            m_owner.ensureOpen();
            attempt();
        }
    } catch (const DbError& e) {
        if (ends) {
            m_owner.setInTransaction(false);
        }
        if (m_sql == "COMMIT" && PQstatus(m_owner.handle()) != CONNECTION_OK) {
            // The server may have committed before the connection went: whether the work was
            // applied is unknown, so it must not be answered as "refused, try again".
            throw DbError(std::string("the connection was lost during COMMIT; whether the transaction was applied is "
                                      "unknown: ")
                    + e.what(),
                e.code(), false, false, true);
        }
        throw;
    }
    if (begins) {
        m_owner.setInTransaction(true);
    } else if (ends) {
        m_owner.setInTransaction(false);
        // COMMIT of a transaction an error had already aborted answers ROLLBACK: not applied.
        if (m_sql == "COMMIT" && std::string_view(PQcmdStatus(m_result.get())) == "ROLLBACK") {
            throw DbError("the transaction was rolled back by an earlier error", 0, false, false);
        }
    }
}

void PgStatement::attempt()
{
    PGconn* connection = m_owner.handle();
    if (m_values.empty() && m_severalCommands) {
        // Several commands without parameters (BEGIN and the writer's lock) go in one simple
        // query: one round trip for all of them.
        m_result.reset(PQexec(connection, m_sql.c_str()));
    } else {
        prepareAndExecute(connection);
    }
    m_row = -1;
    const auto status = PQresultStatus(m_result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        Result failed = std::move(m_result);
        fail(connection, failed.get(), m_sql);
    }
}

void PgStatement::prepareAndExecute(PGconn* connection)
{
    if (m_preparedIn != m_owner.session()) {
        const Result prepared(PQprepare(connection, m_name.c_str(), m_sql.c_str(), 0, nullptr));
        if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
            fail(connection, prepared.get(), "prepare " + m_sql);
        }
        m_preparedIn = m_owner.session();
    }
    std::vector<const char*> values;
    values.reserve(m_values.size());
    for (const auto& value : m_values) {
        values.push_back(value ? value->c_str() : nullptr);
    }
    m_result.reset(PQexecPrepared(
        connection, m_name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
}

/// `conninfo` without its password, and the password ("" when it has none).
std::pair<std::string, std::string> splitPassword(const std::string& conninfo)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        const std::string why = error != nullptr ? error : "out of memory";
        PQfreemem(error);
        throw DbError("the PostgreSQL connection string is malformed: " + why, 0, false);
    }
    std::string rest;
    std::string password;
    for (auto* option = options; option->keyword != nullptr; ++option) {
        if (option->val == nullptr) {
            continue;
        }
        if (std::string_view(option->keyword) == "password") {
            password = option->val;
            continue;
        }
        rest += rest.empty() ? "" : " ";
        rest += option->keyword;
        rest += "='";
        for (const char* c = option->val; *c != '\0'; ++c) {
            if (*c == '\'' || *c == '\\') {
                rest += '\\';
            }
            rest += *c;
        }
        rest += "'";
    }
    PQconninfoFree(options);
    return { rest, password };
}

/// Runs one of PostgreSQL's programs with `args`; throws DbError with what it wrote when it
/// fails.
void runPostgresProgram(const std::string& program, const std::vector<std::string>& args, const std::string& password)
{
    if (!postgresProgramInstalled(program)) {
        throw DbError(program + " is not installed (Debian: apt-get install postgresql-client)", 0, false);
    }
    Poco::Process::Env environment;
    if (!password.empty()) {
        environment["PGPASSWORD"] = password;
    }
    Poco::Pipe output;
    auto handle = Poco::Process::launch(program, args, nullptr, &output, &output, environment);
    Poco::PipeInputStream stream(output);
    std::string said((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
    const int code = handle.wait();
    if (code != 0) {
        throw DbError(program + " failed (exit " + std::to_string(code) + "): " + chomp(said), code, false);
    }
}

} // namespace

bool postgresProgramInstalled(const std::string& program)
{
    Poco::Path found;
    return Poco::Path::find(Poco::Environment::get("PATH", "/usr/bin:/bin"), program, found);
}

std::vector<std::string> postgresRelations(const std::string& conninfo)
{
    const auto connection = openPostgres(conninfo, true);
    return connection
        ->prepare("SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                  "c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname <> "
                  "'information_schema' AND left(n.nspname, 3) <> 'pg_' ORDER BY 1")
        .texts();
}

void dumpPostgres(const std::string& conninfo, const std::string& file)
{
    const auto [target, password] = splitPassword(conninfo);
    runPostgresProgram("pg_dump",
        { "--format=custom", "--no-owner", "--no-acl", "--no-password", "--file=" + file, "--dbname=" + target },
        password);
}

void checkPostgresDump(const std::string& file)
{
    // The whole archive is read (as the script a restore would run), not only its table of
    // contents: a file cut short or damaged in its data is found too.
    runPostgresProgram("pg_restore", { "--file=/dev/null", file }, {});
}

void restorePostgres(const std::string& conninfo, const std::string& file)
{
    const auto [target, password] = splitPassword(conninfo);
    runPostgresProgram("pg_restore",
        { "--single-transaction", "--exit-on-error", "--no-owner", "--no-acl", "--no-password", "--dbname=" + target,
            file },
        password);
}

std::unique_ptr<Connection> openPostgres(const std::string& conninfo, bool readOnly)
{
    return std::make_unique<PgConnection>(conninfo, readOnly);
}

} // namespace tosserp::db
