#pragma once

#include "server/app/runtime.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>

namespace Poco::Net {
class HTTPClientSession;
}

namespace tosserp::test {

/// An HTTP answer as a test sees it.
struct Reply {
    int status = 0;
    std::map<std::string, std::string> headers; // names lower-cased
    std::string body;

    nlohmann::json json() const;
    std::string header(const std::string& name) const;
    /// The problem `code` of an error answer ("" when the body is not problem+json).
    std::string code() const;
};

/// Reads the answer of a request sent on `session`: status, headers (names lower-cased), body.
Reply receiveReply(Poco::Net::HTTPClientSession& session);

/// A fresh data directory, removed on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

class NatsServerProcess;

/// A fresh database on the test PostgreSQL cluster (TOSSERP_TEST_PG, which ./scripts/test
/// sets when it starts one), dropped on destruction. Fails the test when there is no cluster.
class PgDatabase {
public:
    PgDatabase();
    ~PgDatabase();
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;
    /// The libpq connection string of this database.
    const std::string& conninfo() const { return m_conninfo; }
    const std::string& name() const { return m_name; }
    /// Runs `sql` on the cluster's administrative database (e.g. to end connections); returns
    /// the number of rows it answered.
    static int admin(const std::string& sql);

private:
    std::string m_name;
    std::string m_conninfo;
};

/// A PostgreSQL cluster of the test's own (initdb in a temporary directory, on a free port),
/// which it stops and starts again while the shared test cluster goes on serving the other
/// tests. PostgreSQL refuses to run as root: as root, its programs run as the postgres user.
/// The programs are taken from TOSSERP_TEST_PG_BIN (default: Debian's PostgreSQL 15).
class OwnCluster {
public:
    OwnCluster();
    /// Stops the server at once.
    ~OwnCluster();
    OwnCluster(const OwnCluster&) = delete;
    OwnCluster& operator=(const OwnCluster&) = delete;

    void start();
    /// Stops the server: "immediate" ends it at once, as a crash would (the next start
    /// recovers from the log); "fast" shuts it down cleanly.
    void stop(const std::string& mode);
    std::string conninfo(const std::string& database) const;
    void createDatabase(const std::string& name);

private:
    std::string data() const;
    void run(const std::string& command, bool asPostgres = true);

    TempDir m_dir;
    std::string m_bin;
    std::uint16_t m_port = 0;
};

/// A self-signed certificate for 127.0.0.1 and localhost (RSA 2048, one day), made with the
/// openssl program as `dir`/cert.pem and `dir`/key.pem; returns their paths (certificate,
/// key). Throws with openssl's output when it fails.
std::pair<std::string, std::string> selfSignedCertificate(const std::filesystem::path& dir);

/// Polls `predicate` every 20 ms until it holds (true) or `limit` passes (false).
template <typename Predicate> bool eventually(Predicate predicate, std::chrono::milliseconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!predicate()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

/// Whether the suites run with PostgreSQL databases (TOSSERP_TEST_STORAGE=pg).
bool testsUsePostgres();

/// The first column of the first row of `sql` on `database` (-1 when there is no row).
std::int64_t scalar(db::Database& database, const std::string& sql);

/// A real server (all its databases in a fresh directory) listening on a free loopback
/// port, and a client that talks real HTTP to it. With TOSSERP_TEST_EVENTS=jetstream in the
/// environment its events travel through a nats-server of its own; with TOSSERP_TEST_STORAGE=pg
/// the domains that run on PostgreSQL get a fresh database each (the suites run on all).
class TestServer {
public:
    explicit TestServer(ServerConfig config = {});
    ~TestServer();

    Reply request(const std::string& method, const std::string& path, const std::string& body = {},
        const std::map<std::string, std::string>& headers = {});
    Reply get(const std::string& path) { return request("GET", path); }
    Reply post(
        const std::string& path, const nlohmann::json& body, const std::map<std::string, std::string>& headers = {});
    Reply patch(
        const std::string& path, const nlohmann::json& body, const std::map<std::string, std::string>& headers = {});
    Reply put(const std::string& path, const nlohmann::json& body);
    Reply del(const std::string& path, const std::map<std::string, std::string>& headers = {});

    /// Signs in and returns the access token (asserts success).
    std::string login(const std::string& username, const std::string& password);
    /// Creates a user with `roles` (and warehouses) as the administrator; returns its id.
    std::int64_t makeUser(const std::string& username, const std::vector<std::string>& roles,
        const std::vector<std::int64_t>& warehouses = {});
    /// Creates a user with `roles` and returns headers that act as that user.
    std::map<std::string, std::string> actingAs(const std::string& username, const std::vector<std::string>& roles,
        const std::vector<std::int64_t>& warehouses = {});

    Runtime& runtime() { return *m_runtime; }
    /// The administrator's access token, sent by default on every request. Pass the header
    /// "Authorization" to act as someone else, or kNoAuth to send no credentials at all.
    const std::string& adminToken() const { return m_adminToken; }
    std::uint16_t port() const { return m_runtime->port(); }
    const std::filesystem::path& dataDir() const { return m_dir.path(); }
    /// The environment a `tosserp-server` command needs to find this server's databases
    /// ("TOSSERP_PAYMENTS_DATABASE=…" for those on PostgreSQL).
    std::vector<std::string> commandEnvironment() const;

    /// Creates a warehouse and returns {warehouse id, its STOCK location id}.
    std::pair<std::int64_t, std::int64_t> makeWarehouse(const std::string& code);
    /// Creates a product and returns its id.
    std::int64_t makeProduct(
        const std::string& sku, const std::string& unit = "pcs", const std::vector<std::string>& barcodes = {});
    /// Receives `quantity` of a product into a location; asserts success.
    void receive(std::int64_t productId, std::int64_t locationId, const nlohmann::json& quantity);

    static constexpr const char* kAdminPassword = "correct horse battery staple";
    static constexpr const char* kUserPassword = "a long enough passphrase";
    static constexpr const char* kNoAuth = "X-Test-No-Auth";

private:
    TempDir m_dir;
    std::unique_ptr<NatsServerProcess> m_nats;
    std::vector<std::unique_ptr<PgDatabase>> m_pg;
    std::unique_ptr<Runtime> m_runtime;
    std::string m_adminToken;
};

} // namespace tosserp::test
