#include "test_server.h"

#include "process.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

#include <gtest/gtest.h>

#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

namespace tosserp::test {

nlohmann::json Reply::json() const
{
    return nlohmann::json::parse(body, nullptr, false);
}

std::string Reply::header(const std::string& name) const
{
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

std::string Reply::code() const
{
    const auto j = json();
    if (!j.is_object() || !j.contains("code") || !j["code"].is_string()) {
        return {};
    }
    return j["code"].get<std::string>();
}

TempDir::TempDir()
{
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("tosserp-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::int64_t scalar(db::Database& database, const std::string& sql)
{
    return database.read([&](db::Connection& c) {
        auto& q = c.prepare(sql);
        const auto value = q.step() ? q.integer(0) : -1;
        q.reset();
        return value;
    });
}

namespace {

std::string clusterConninfo()
{
    const char* cluster = std::getenv("TOSSERP_TEST_PG");
    if (cluster == nullptr || *cluster == '\0') {
        throw std::runtime_error("TOSSERP_TEST_PG is not set: run ./scripts/test, which starts a PostgreSQL cluster "
                                 "for the tests labelled pg");
    }
    return cluster;
}

} // namespace

int PgDatabase::admin(const std::string& sql)
{
    PGconn* connection = PQconnectdb(clusterConninfo().c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        throw std::runtime_error("cannot reach the test PostgreSQL cluster: " + message);
    }
    PGresult* result = PQexec(connection, sql.c_str());
    const auto status = PQresultStatus(result);
    const std::string message = PQresultErrorMessage(result);
    const int rows = PQntuples(result);
    PQclear(result);
    PQfinish(connection);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        throw std::runtime_error(sql + ": " + message);
    }
    return rows;
}

PgDatabase::PgDatabase()
{
    static std::atomic<int> counter { 0 };
    std::random_device rd;
    m_name = "tosserp_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_"
        + std::to_string(rd() % 100000);
    admin("CREATE DATABASE " + m_name);
    m_conninfo = clusterConninfo() + " dbname=" + m_name;
}

PgDatabase::~PgDatabase()
{
    try {
        admin("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dropping %s: %s\n", m_name.c_str(), e.what());
    }
}

namespace {

/// A command prefix that runs a PostgreSQL program as the postgres user when the tests run as
/// root.
std::string asPostgresUser()
{
    return geteuid() == 0 ? "runuser -u postgres -- " : "";
}

} // namespace

OwnCluster::OwnCluster()
{
    const char* bin = std::getenv("TOSSERP_TEST_PG_BIN");
    m_bin = bin != nullptr && *bin != '\0' ? bin : "/usr/lib/postgresql/15/bin";
    Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
    m_port = probe.address().port();
    probe.close();
    if (geteuid() == 0) {
        run("chown postgres: '" + m_dir.path().string() + "'", false);
    }
    run(m_bin + "/initdb -D '" + data() + "' -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8");
    start();
}

OwnCluster::~OwnCluster()
{
    std::system(
        (asPostgresUser() + m_bin + "/pg_ctl -D '" + data() + "' -m immediate -w stop >/dev/null 2>&1").c_str());
}

void OwnCluster::start()
{
    run(m_bin + "/pg_ctl -D '" + data() + "' -l '" + m_dir.path().string() + "/server.log' -w -o '-c "
        + "listen_addresses=127.0.0.1 -p " + std::to_string(m_port) + " -k " + m_dir.path().string() + "' start");
}

void OwnCluster::stop(const std::string& mode)
{
    run(m_bin + "/pg_ctl -D '" + data() + "' -m " + mode + " -w stop");
}

std::string OwnCluster::conninfo(const std::string& database) const
{
    return "host=127.0.0.1 port=" + std::to_string(m_port) + " user=postgres dbname=" + database;
}

void OwnCluster::createDatabase(const std::string& name)
{
    db::openConnection(conninfo("postgres"), false)->execScript("CREATE DATABASE " + name);
}

std::string OwnCluster::data() const
{
    return m_dir.path().string() + "/data";
}

void OwnCluster::run(const std::string& command, bool asPostgres)
{
    const auto full = (asPostgres ? asPostgresUser() : std::string()) + command + " >/dev/null";
    if (std::system(full.c_str()) != 0) {
        throw std::runtime_error("failed: " + full);
    }
}

std::pair<std::string, std::string> selfSignedCertificate(const std::filesystem::path& dir)
{
    const auto cert = (dir / "cert.pem").string();
    const auto key = (dir / "key.pem").string();
    const auto log = (dir / "openssl.log").string();
    const auto command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext "
                         "subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '"
        + key + "' -out '" + cert + "' >'" + log + "' 2>&1";
    if (std::system(command.c_str()) != 0) {
        std::ifstream in(log);
        throw std::runtime_error("openssl could not make a certificate: "
            + std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
    }
    return { cert, key };
}

bool testsUsePostgres()
{
    const char* storage = std::getenv("TOSSERP_TEST_STORAGE");
    return storage != nullptr && std::string(storage) == "pg";
}

TestServer::TestServer(ServerConfig config)
{
    config.host = "127.0.0.1";
    config.port = 0;
    config.dataDir = m_dir.path().string();
    config.accessLog = false;
    if (config.paymentSimulator.empty()) {
        config.paymentSimulator = TOSSERP_PAYMENT_SIM_BIN;
    }
    if (config.adminPassword.empty()) {
        config.adminPassword = kAdminPassword;
    }
    if (const char* events = std::getenv("TOSSERP_TEST_EVENTS");
        config.natsUrl.empty() && events != nullptr && std::string(events) == "jetstream") {
        m_nats = std::make_unique<NatsServerProcess>();
        config.natsUrl = m_nats->url();
    }
    if (testsUsePostgres()) {
        for (const auto& [domain, location] : config.databases()) {
            if (location->empty()) {
                m_pg.push_back(std::make_unique<PgDatabase>());
                *location = m_pg.back()->conninfo();
            }
        }
    }
    m_runtime = std::make_unique<Runtime>(config);
    m_runtime->start();
    m_adminToken = login("admin", config.adminPassword);
}

std::vector<std::string> TestServer::commandEnvironment() const
{
    std::vector<std::string> environment;
    const auto& config = m_runtime->config();
    for (const auto& [domain, location] : config.databases()) {
        if (!location->empty()) {
            std::string key = "TOSSERP_" + domain + "_DATABASE";
            std::transform(key.begin(), key.end(), key.begin(),
                [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            environment.push_back(key + "=" + *location);
        }
    }
    return environment;
}

TestServer::~TestServer()
{
    m_runtime->stop();
}

Reply TestServer::request(const std::string& method, const std::string& path, const std::string& body,
    const std::map<std::string, std::string>& headers)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port());
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    bool hasType = false;
    bool hasAuth = false;
    for (const auto& [name, value] : headers) {
        hasAuth = hasAuth || name == "Authorization" || name == "X-API-Key" || name == kNoAuth;
        if (name == kNoAuth) {
            continue;
        }
        request.set(name, value);
        hasType = hasType || name == "Content-Type";
    }
    if (!hasAuth && !m_adminToken.empty()) {
        request.set("Authorization", "Bearer " + m_adminToken);
    }
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
        if (!hasType) {
            request.setContentType("application/json");
        }
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    auto& out = session.sendRequest(request);
    out << body;
    return receiveReply(session);
}

Reply receiveReply(Poco::Net::HTTPClientSession& session)
{
    Poco::Net::HTTPResponse response;
    auto& in = session.receiveResponse(response);
    Reply reply;
    reply.status = response.getStatus();
    for (const auto& [name, value] : response) {
        std::string key = name;
        for (auto& c : key) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        reply.headers[key] = value;
    }
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    reply.body = text.str();
    return reply;
}

Reply TestServer::post(
    const std::string& path, const nlohmann::json& body, const std::map<std::string, std::string>& headers)
{
    return request("POST", path, body.dump(), headers);
}

Reply TestServer::patch(
    const std::string& path, const nlohmann::json& body, const std::map<std::string, std::string>& headers)
{
    return request("PATCH", path, body.dump(), headers);
}

Reply TestServer::put(const std::string& path, const nlohmann::json& body)
{
    return request("PUT", path, body.dump());
}

Reply TestServer::del(const std::string& path, const std::map<std::string, std::string>& headers)
{
    return request("DELETE", path, {}, headers);
}

std::string TestServer::login(const std::string& username, const std::string& password)
{
    const auto reply
        = post("/api/v1/auth/login", { { "username", username }, { "password", password } }, { { kNoAuth, "1" } });
    EXPECT_EQ(reply.status, 200) << reply.body;
    const auto json = reply.json();
    return json.is_object() && json.contains("access_token") ? json["access_token"].get<std::string>() : "";
}

std::int64_t TestServer::makeUser(
    const std::string& username, const std::vector<std::string>& roles, const std::vector<std::int64_t>& warehouses)
{
    const auto reply = post("/api/v1/users",
        { { "username", username }, { "password", kUserPassword }, { "roles", roles }, { "warehouses", warehouses } });
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json().value("id", std::int64_t { 0 });
}

std::map<std::string, std::string> TestServer::actingAs(
    const std::string& username, const std::vector<std::string>& roles, const std::vector<std::int64_t>& warehouses)
{
    makeUser(username, roles, warehouses);
    return { { "Authorization", "Bearer " + login(username, kUserPassword) } };
}

std::pair<std::int64_t, std::int64_t> TestServer::makeWarehouse(const std::string& code)
{
    const auto reply = post("/api/v1/warehouses", { { "code", code }, { "name", "Warehouse " + code } });
    EXPECT_EQ(reply.status, 201) << reply.body;
    const auto id = reply.json()["id"].get<std::int64_t>();
    const auto locations = get("/api/v1/locations?warehouse_id=" + std::to_string(id)).json()["items"];
    EXPECT_EQ(locations.size(), 1u);
    return { id, locations.at(0)["id"].get<std::int64_t>() };
}

std::int64_t TestServer::makeProduct(
    const std::string& sku, const std::string& unit, const std::vector<std::string>& barcodes)
{
    const auto reply = post("/api/v1/products",
        { { "sku", sku }, { "name", "Product " + sku }, { "unit", unit },
            { "price", { { "amount", "9.99" }, { "currency", "EUR" } } }, { "barcodes", barcodes } });
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["id"].get<std::int64_t>();
}

void TestServer::receive(std::int64_t productId, std::int64_t locationId, const nlohmann::json& quantity)
{
    const auto reply = post("/api/v1/stock/movements",
        { { "kind", "receipt" }, { "product_id", productId }, { "quantity", quantity },
            { "to_location_id", locationId } });
    ASSERT_EQ(reply.status, 201) << reply.body;
}

} // namespace tosserp::test
