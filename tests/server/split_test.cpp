// The split deployment as separate processes on loopback: a gateway, the four domain services
// each on a data directory of its own, and nats-server carrying the events between them.

#include "process.h"
#include "saga_check.h"
#include "smtp_sink.h"
#include "sync/base64url.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/WebSocket.h>
#include <gtest/gtest.h>

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

namespace {

using nlohmann::json;
using tosserp::test::NatsServerProcess;
using tosserp::test::Reply;
using tosserp::test::runServerCommand;
using tosserp::test::ServerProcess;
using tosserp::test::SmtpSink;
using tosserp::test::TempDir;

const std::string kServiceKey = "split-deployment-secret-0123456789abcdef";
const char* const kServices[] = { "stock", "users", "orders", "payments" };

std::string upper(std::string text)
{
    for (auto& c : text) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return text;
}

/// nats-server, the four services and the gateway, started in that order.
class SplitDeployment {
public:
    /// `serviceEnv`: more environment for the four services (e.g. a payment provider).
    /// `database`: the connection string of each service's database (by default SQLite in its
    /// data directory, or a database of the test cluster when the suites run on PostgreSQL).
    /// With TOSSERP_TLS_CERT in `serviceEnv` the services listen with TLS and the gateway calls
    /// them over https; `gatewayEnv` is more environment for the gateway.
    explicit SplitDeployment(std::vector<std::string> serviceEnv = {},
        std::function<std::string(const std::string& service)> database = {}, std::vector<std::string> gatewayEnv = {})
        : m_serviceEnv(std::move(serviceEnv))
        , m_database(std::move(database))
    {
        for (const std::string name : kServices) {
            startService(name, 0);
        }
        const bool tls = std::any_of(m_serviceEnv.begin(), m_serviceEnv.end(),
            [](const std::string& e) { return e.rfind("TOSSERP_TLS_CERT=", 0) == 0; });
        std::vector<std::string> env = { "TOSSERP_SERVICE_KEY=" + kServiceKey };
        for (const std::string name : kServices) {
            env.push_back("TOSSERP_" + upper(name) + "_URL=" + (tls ? "https" : "http")
                + "://127.0.0.1:" + std::to_string(m_ports[name]));
        }
        env.insert(env.end(), gatewayEnv.begin(), gatewayEnv.end());
        m_gateway
            = std::make_unique<ServerProcess>(std::vector<std::string> { "--service", "gateway", "--listen",
                                                  "127.0.0.1:0", "--data-dir", (m_dirs["gateway"].path()).string() },
                env);
        m_gatewayPort = m_gateway->waitUntilListening();
        EXPECT_NE(m_gatewayPort, 0) << m_gateway->err();
    }

    /// Starts (or starts again, on the port it had) one domain service.
    void startService(const std::string& name, std::uint16_t port)
    {
        std::vector<std::string> env = { "TOSSERP_SERVICE_KEY=" + kServiceKey, "TOSSERP_NATS_URL=" + m_nats.url() };
        env.insert(env.end(), m_serviceEnv.begin(), m_serviceEnv.end());
        if (m_database) {
            env.push_back("TOSSERP_" + upper(name) + "_DATABASE=" + m_database(name));
        } else if (tosserp::test::testsUsePostgres()) {
            // Each service on a PostgreSQL database of its own (kept across its restarts).
            auto& database = m_databases[name];
            if (!database) {
                database = std::make_unique<tosserp::test::PgDatabase>();
            }
            env.push_back("TOSSERP_" + upper(name) + "_DATABASE=" + database->conninfo());
        }
        m_environments[name] = env;
        m_processes[name] = std::make_unique<ServerProcess>(
            std::vector<std::string> { "--service", name, "--listen", "127.0.0.1:" + std::to_string(port), "--data-dir",
                m_dirs[name].path().string() },
            env);
        m_ports[name] = m_processes[name]->waitUntilListening();
        EXPECT_NE(m_ports[name], 0) << name << ": " << m_processes[name]->err();
    }

    void kill(const std::string& name)
    {
        m_processes[name]->signal(SIGKILL);
        m_processes[name]->wait();
    }

    ServerProcess& gateway() { return *m_gateway; }
    NatsServerProcess& nats() { return m_nats; }
    std::uint16_t gatewayPort() const { return m_gatewayPort; }
    ServerProcess& service(const std::string& name) { return *m_processes.at(name); }
    std::uint16_t port(const std::string& name) const { return m_ports.at(name); }
    const std::filesystem::path& dataDir(const std::string& name) { return m_dirs[name].path(); }
    /// The environment a `tosserp-server` command needs to find that service's database.
    const std::vector<std::string>& environment(const std::string& name) { return m_environments[name]; }

private:
    std::vector<std::string> m_serviceEnv;
    std::function<std::string(const std::string&)> m_database;
    NatsServerProcess m_nats;
    std::map<std::string, std::unique_ptr<tosserp::test::PgDatabase>> m_databases;
    std::map<std::string, std::vector<std::string>> m_environments;
    std::map<std::string, TempDir> m_dirs;
    std::map<std::string, std::unique_ptr<ServerProcess>> m_processes;
    std::map<std::string, std::uint16_t> m_ports;
    std::unique_ptr<ServerProcess> m_gateway;
    std::uint16_t m_gatewayPort = 0;
};

Reply post(
    ServerProcess& to, const std::string& path, const json& body, std::map<std::string, std::string> headers = {})
{
    return to.request("POST", path, body.dump(), headers);
}

/// Polls `path` through the gateway until `done` holds for its answer (or 30 s pass).
json waitFor(ServerProcess& gateway, const std::string& path, const std::function<bool(const json&)>& done)
{
    json last;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        const auto reply = gateway.request("GET", path);
        if (reply.status == 200) {
            last = reply.json();
            if (done(last)) {
                return last;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return last;
}

struct Shop;

/// A customer placing orders of 1 to 3 units through the gateway, one after another on a
/// thread of its own, until stopped; keeps the ids of the orders whose placing was acknowledged
/// and counts the statuses of the refused answers.
class Customers {
public:
    Customers(ServerProcess& gateway, const Shop& shop, std::uint64_t seed);
    ~Customers() { stop(); }
    Customers(const Customers&) = delete;
    Customers& operator=(const Customers&) = delete;

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    std::set<std::int64_t> placed()
    {
        std::lock_guard lock(m_mutex);
        return m_placed;
    }
    /// How many calls were answered with `status` (0: no answer).
    int answered(int status)
    {
        std::lock_guard lock(m_mutex);
        return m_statuses[status];
    }

private:
    void run(ServerProcess& gateway, const Shop& shop, std::uint64_t seed);

    std::atomic<bool> m_stop { false };
    std::mutex m_mutex;
    std::set<std::int64_t> m_placed;
    std::map<int, int> m_statuses;
    std::thread m_thread;
};

/// A warehouse, a product with 10 on hand, and a customer, made through the gateway.
struct Shop {
    std::int64_t warehouse = 0;
    std::int64_t shelf = 0;
    std::int64_t product = 0;
    std::int64_t customer = 0;

    explicit Shop(ServerProcess& gateway, const std::string& code)
    {
        const auto created = post(gateway, "/api/v1/warehouses", { { "code", code }, { "name", "Warehouse " + code } });
        EXPECT_EQ(created.status, 201) << created.body;
        warehouse = created.json().value("id", std::int64_t { 0 });
        const auto locations
            = gateway.request("GET", "/api/v1/locations?warehouse_id=" + std::to_string(warehouse)).json()["items"];
        shelf = locations.at(0)["id"].get<std::int64_t>();
        const auto made = post(gateway, "/api/v1/products",
            { { "sku", code + "-TEA" }, { "name", "Tea " + code }, { "unit", "pcs" },
                { "price", { { "amount", "9.99" }, { "currency", "EUR" } } } });
        EXPECT_EQ(made.status, 201) << made.body;
        product = made.json().value("id", std::int64_t { 0 });
        const auto received = post(gateway, "/api/v1/stock/movements",
            { { "kind", "receipt" }, { "product_id", product }, { "quantity", 10 }, { "to_location_id", shelf } });
        EXPECT_EQ(received.status, 201) << received.body;
        const auto person = post(gateway, "/api/v1/customers", { { "name", "Ada " + code } });
        EXPECT_EQ(person.status, 201) << person.body;
        customer = person.json().value("id", std::int64_t { 0 });
    }

    /// Receives `quantity` more of the product onto the shelf; returns the answer's status.
    int receive(ServerProcess& gateway, int quantity) const
    {
        return post(gateway, "/api/v1/stock/movements",
            { { "kind", "receipt" }, { "product_id", product }, { "quantity", quantity }, { "to_location_id", shelf } })
            .status;
    }

    /// Drafts an order of `quantity` once the Orders service has the product (from Stock's
    /// events), and places it; returns its id.
    std::int64_t order(ServerProcess& gateway, int quantity)
    {
        Reply draft;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        do {
            draft = post(gateway, "/api/v1/orders",
                { { "customer_id", customer }, { "warehouse_id", warehouse }, { "tax_rate", 1900 },
                    { "lines", { { { "product_id", product }, { "quantity", quantity } } } } });
        } while (draft.status != 201 && std::chrono::steady_clock::now() < deadline
            && (std::this_thread::sleep_for(std::chrono::milliseconds(50)), true));
        EXPECT_EQ(draft.status, 201) << draft.body;
        const auto id = draft.json().value("id", std::int64_t { 0 });
        const auto placed = post(gateway, "/api/v1/orders/" + std::to_string(id) + "/place", json::object());
        EXPECT_EQ(placed.status, 200) << placed.body;
        return id;
    }
};

Customers::Customers(ServerProcess& gateway, const Shop& shop, std::uint64_t seed)
    : m_thread([this, &gateway, &shop, seed] { run(gateway, shop, seed); })
{ }

void Customers::run(ServerProcess& gateway, const Shop& shop, std::uint64_t seed)
{
    std::mt19937_64 pick(seed);
    const auto count = [&](int status) {
        std::lock_guard lock(m_mutex);
        ++m_statuses[status];
    };
    while (!m_stop) {
        try {
            const auto created = post(gateway, "/api/v1/orders",
                { { "customer_id", shop.customer }, { "warehouse_id", shop.warehouse }, { "tax_rate", 1900 },
                    { "lines",
                        { { { "product_id", shop.product }, { "quantity", 1 + static_cast<int>(pick() % 3) } } } } });
            if (created.status != 201) {
                count(created.status);
                continue;
            }
            const auto id = created.json()["id"].get<std::int64_t>();
            const auto placing = post(gateway, "/api/v1/orders/" + std::to_string(id) + "/place", json::object());
            if (placing.status == 200) {
                std::lock_guard lock(m_mutex);
                m_placed.insert(id);
            } else {
                count(placing.status);
            }
        } catch (const std::exception&) {
            count(0); // an answer cut off: what was not acknowledged is not counted
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
}

TEST(SplitDeployment, AnUnknownServiceOrAnIncompleteSplitIsRefusedWithAClearMessage)
{
    const TempDir data;
    const auto dir = data.path().string();
    const auto [unknownCode, unknownText] = runServerCommand({ "--service", "warehouse", "--data-dir", dir });
    EXPECT_EQ(unknownCode, 78);
    EXPECT_NE(unknownText.find("service must be all, gateway, stock, users, orders or payments, not \"warehouse\""),
        std::string::npos)
        << unknownText;
    const auto [keylessCode, keylessText] = runServerCommand({ "--service", "users", "--data-dir", dir });
    EXPECT_EQ(keylessCode, 78);
    EXPECT_NE(keylessText.find("service_key must be set"), std::string::npos) << keylessText;
    const auto [shortCode, shortText]
        = runServerCommand({ "--service", "users", "--data-dir", dir }, { "TOSSERP_SERVICE_KEY=short" });
    EXPECT_EQ(shortCode, 78);
    EXPECT_NE(shortText.find("at least 32 characters"), std::string::npos) << shortText;
    const auto [brokerlessCode, brokerlessText]
        = runServerCommand({ "--service", "orders", "--data-dir", dir }, { "TOSSERP_SERVICE_KEY=" + kServiceKey });
    EXPECT_EQ(brokerlessCode, 78);
    EXPECT_NE(brokerlessText.find("set nats_url"), std::string::npos) << brokerlessText;
    const auto [aloneCode, aloneText]
        = runServerCommand({ "--service", "gateway", "--data-dir", dir }, { "TOSSERP_SERVICE_KEY=" + kServiceKey });
    EXPECT_EQ(aloneCode, 78);
    EXPECT_NE(aloneText.find("the gateway needs stock_url"), std::string::npos) << aloneText;
    // Nothing was created by the refused starts.
    EXPECT_TRUE(std::filesystem::is_empty(data.path()));
}

class Split : public ::testing::Test {
protected:
    static void SetUpTestSuite() { s_deployment = new SplitDeployment(); }
    static void TearDownTestSuite()
    {
        delete s_deployment;
        s_deployment = nullptr;
    }
    void SetUp() override
    {
        ASSERT_NE(s_deployment->gateway().request("GET", "/health/live").status, 0);
        s_deployment->gateway().login("admin", tosserp::test::TestServer::kAdminPassword);
    }

    static SplitDeployment* s_deployment;
};

SplitDeployment* Split::s_deployment = nullptr;

TEST_F(Split, EachServiceServesItsHealthAloneOnItsOwnDatabase)
{
    const std::map<std::string, std::string> files = { { "stock", "stock.db" }, { "users", "users.db" },
        { "orders", "orders.db" }, { "payments", "payments.db" } };
    for (const auto& [name, file] : files) {
        const auto live = s_deployment->service(name).request("GET", "/health/live");
        EXPECT_EQ(live.status, 200) << name;
        const auto ready = s_deployment->service(name).request("GET", "/health/ready");
        EXPECT_EQ(ready.status, 200) << name << ": " << ready.body;
        EXPECT_EQ(ready.json()["checks"][name + "_db"], "ok") << ready.body;
        EXPECT_EQ(ready.json()["checks"].size(), name == "payments" ? 2u : 1u) << ready.body;
        for (const auto& [other, otherFile] : files) {
            // On PostgreSQL the service's directory holds no database file at all.
            EXPECT_EQ(std::filesystem::exists(s_deployment->dataDir(name) / otherFile),
                other == name && !tosserp::test::testsUsePostgres())
                << name << " holds " << otherFile;
        }
    }
    const auto ready = s_deployment->gateway().request("GET", "/health/ready");
    EXPECT_EQ(ready.status, 200) << ready.body;
    for (const auto* name : kServices) {
        EXPECT_EQ(ready.json()["checks"][name]["status"], "ok") << ready.body;
    }
    // The gateway keeps no data.
    EXPECT_TRUE(std::filesystem::is_empty(s_deployment->dataDir("gateway")));
}

TEST_F(Split, SignInStockMovementsAndTheOrderFlowRunThroughTheGateway)
{
    auto& gateway = s_deployment->gateway();
    const auto me = gateway.request("GET", "/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json()["name"], "admin");

    Shop shop(gateway, "FLOW");
    // A movement sent twice with one key is applied once.
    const json issue = { { "kind", "shipment" }, { "product_id", shop.product }, { "quantity", 1 },
        { "from_location_id", shop.shelf } };
    const auto first = post(gateway, "/api/v1/stock/movements", issue, { { "Idempotency-Key", "split-issue-1" } });
    const auto again = post(gateway, "/api/v1/stock/movements", issue, { { "Idempotency-Key", "split-issue-1" } });
    EXPECT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
    EXPECT_EQ(first.json()["id"], again.json()["id"]);
    const auto level = [&] {
        return gateway.request("GET", "/api/v1/stock/levels?product_id=" + std::to_string(shop.product))
            .json()["items"][0];
    };
    EXPECT_EQ(level()["on_hand"], 9) << level();

    // The saga crosses three processes: Orders asks Stock to reserve and Payments to charge.
    const auto order = shop.order(gateway, 2);
    const auto paid = waitFor(gateway, "/api/v1/orders/" + std::to_string(order),
        [](const json& o) { return o.value("state", "") == "paid"; });
    EXPECT_EQ(paid.value("state", ""), "paid") << paid;
    const auto payments = gateway.request("GET", "/api/v1/payments?order_id=" + std::to_string(order)).json()["items"];
    ASSERT_EQ(payments.size(), 1u) << payments;
    EXPECT_EQ(payments[0]["state"], "captured");
    EXPECT_EQ(payments[0]["captured"]["amount"], "23.78");
    EXPECT_EQ(level()["reserved"], 2) << level();

    // Each service's events stay with it, and the gateway finds them there.
    for (const auto* domain : { "stock", "orders", "payments" }) {
        const auto events = gateway.request("GET", std::string("/api/v1/events?domain=") + domain);
        EXPECT_EQ(events.status, 200) << events.body;
        EXPECT_FALSE(events.json()["items"].empty()) << domain;
    }
}

TEST_F(Split, TheGatewayChecksCredentialsOnceAndServicesTakeCallsOnlyFromTheDeployment)
{
    auto& gateway = s_deployment->gateway();
    // Bad and missing credentials are refused at the gateway, as by the single server.
    const auto forged = gateway.request("GET", "/api/v1/products", {}, { { "Authorization", "Bearer not.a.token" } });
    EXPECT_EQ(forged.status, 401);
    EXPECT_EQ(forged.code(), "invalid_token");
    const auto anonymous
        = gateway.request("GET", "/api/v1/products", {}, { { tosserp::test::TestServer::kNoAuth, "" } });
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_EQ(anonymous.code(), "unauthenticated");
    const auto badKey = gateway.request(
        "GET", "/api/v1/products", {}, { { tosserp::test::TestServer::kNoAuth, "" }, { "X-Api-Key", "tsk_unknown" } });
    EXPECT_EQ(badKey.status, 401);
    EXPECT_EQ(badKey.code(), "invalid_api_key");
    EXPECT_EQ(gateway.request("GET", "/api/v1/nowhere").status, 404);
    EXPECT_EQ(gateway.request("DELETE", "/api/v1/orders").status, 405);

    // A clerk's role is checked by the gateway: no user administration.
    const auto clerk = post(gateway, "/api/v1/users",
        { { "username", "clerk" }, { "password", tosserp::test::TestServer::kUserPassword },
            { "roles", { "warehouse_staff" } } });
    ASSERT_EQ(clerk.status, 201) << clerk.body;
    gateway.login("clerk", tosserp::test::TestServer::kUserPassword);
    const auto denied = gateway.request("GET", "/api/v1/users");
    EXPECT_EQ(denied.status, 403) << denied.body;
    // Headers that speak for the deployment are the gateway's to set, not a caller's.
    const json administrator = { { "sub", "user:1" }, { "uid", 1 }, { "name", "admin" },
        { "roles", { "administrator" } }, { "perms", { "users.read" } }, { "wh", "*" }, { "api_key", false } };
    const auto smuggled = gateway.request("GET", "/api/v1/users", {},
        { { "X-TossErp-Principal", administrator.dump() }, { "X-TossErp-Service-Key", kServiceKey } });
    EXPECT_EQ(smuggled.status, 403) << smuggled.body;
    EXPECT_EQ(gateway.request("GET", "/api/v1/products").status, 200);
    gateway.login("admin", tosserp::test::TestServer::kAdminPassword);

    // A service called directly: credentials of a user are not enough, a wrong key is refused,
    // and a forged identity without the key gives nothing.
    auto& stock = s_deployment->service("stock");
    const auto token = post(gateway, "/api/v1/auth/login",
        { { "username", "admin" }, { "password", tosserp::test::TestServer::kAdminPassword } })
                           .json()["access_token"]
                           .get<std::string>();
    const auto direct = stock.request("GET", "/api/v1/products", {}, { { "Authorization", "Bearer " + token } });
    EXPECT_EQ(direct.status, 401);
    EXPECT_EQ(direct.code(), "use_gateway");
    const json everything = { { "sub", "user:1" }, { "uid", 1 }, { "name", "admin" }, { "roles", { "admin" } },
        { "perms", { "catalog.read" } }, { "wh", "*" }, { "api_key", false } };
    const auto wrongKey = stock.request("GET", "/api/v1/products", {},
        { { "X-TossErp-Service-Key", "another-deployment-secret-0123456789" },
            { "X-TossErp-Principal", everything.dump() } });
    EXPECT_EQ(wrongKey.status, 401);
    EXPECT_EQ(wrongKey.code(), "invalid_service_key");
    const auto keyless = stock.request("GET", "/api/v1/products", {},
        { { "X-TossErp-Principal", everything.dump() }, { tosserp::test::TestServer::kNoAuth, "" } });
    EXPECT_EQ(keyless.status, 401);
    EXPECT_EQ(keyless.code(), "unauthenticated");
    const auto check = s_deployment->service("users").request(
        "POST", "/internal/v1/authenticate", "{}", { { "Authorization", "Bearer " + token } });
    EXPECT_EQ(check.status, 401);
    EXPECT_EQ(check.code(), "invalid_service_key");
    // With the key, a service takes the identity the gateway passes on.
    const auto trusted = stock.request("GET", "/api/v1/products", {},
        { { "X-TossErp-Service-Key", kServiceKey }, { "X-TossErp-Principal", everything.dump() },
            { "Authorization", "" } });
    EXPECT_EQ(trusted.status, 200) << trusted.body;
}

/// The sum of the `tosserp_http_requests_total` series of `process` whose labels contain all of `labels`.
double requestsCounted(ServerProcess& process, const std::vector<std::string>& labels)
{
    std::istringstream lines(process.request("GET", "/metrics").body);
    double sum = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("tosserp_http_requests_total{", 0) != 0) {
            continue;
        }
        if (std::all_of(
                labels.begin(), labels.end(), [&](const auto& l) { return line.find(l) != std::string::npos; })) {
            sum += std::stod(line.substr(line.rfind(' ') + 1));
        }
    }
    return sum;
}

TEST_F(Split, ACredentialTheUsersServiceRefusedIsRefusedAgainWithoutAskingIt)
{
    auto& gateway = s_deployment->gateway();
    auto& users = s_deployment->service("users");
    const std::vector<std::string> checks = { "route=\"/internal/v1/authenticate\"" };
    const auto refusedFive = [&](const std::string& token) {
        for (int i = 0; i < 5; ++i) {
            const auto refused
                = gateway.request("GET", "/api/v1/products", {}, { { "Authorization", "Bearer " + token } });
            EXPECT_EQ(refused.status, 401) << refused.body;
            EXPECT_EQ(refused.code(), "invalid_token") << refused.body;
            EXPECT_FALSE(refused.header("www-authenticate").empty());
        }
    };
    // Well formed, signed by no one: the Users service refuses it once, the gateway remembers.
    const auto forged = tosserp::sync::base64UrlEncode(R"({"alg":"RS256","typ":"JWT"})") + "."
        + tosserp::sync::base64UrlEncode(R"({"sub":"user:1","exp":4102444800})") + ".c2lnbmF0dXJl";
    auto before = requestsCounted(users, checks);
    refusedFive(forged);
    EXPECT_EQ(requestsCounted(users, checks) - before, 1) << "each refusal was a credential check";
    // Not a token at all, or one naming another algorithm: refused without asking.
    before = requestsCounted(users, checks);
    refusedFive("not-a-token");
    refusedFive(tosserp::sync::base64UrlEncode(R"({"alg":"none"})") + ".e30.");
    EXPECT_EQ(requestsCounted(users, checks) - before, 0) << "garbage went to the Users service";
}

TEST_F(Split, AGatewayWhoseServiceKeyTheServicesRefuseAnswers502NotTheCallersFault)
{
    const TempDir dir;
    std::vector<std::string> env = { "TOSSERP_SERVICE_KEY=another-deployment-secret-0123456789abcdef" };
    for (const std::string name : kServices) {
        env.push_back("TOSSERP_" + upper(name) + "_URL=http://127.0.0.1:" + std::to_string(s_deployment->port(name)));
    }
    ServerProcess stray({ "--service", "gateway", "--listen", "127.0.0.1:0", "--data-dir", dir.path().string() }, env);
    ASSERT_NE(stray.waitUntilListening(), 0) << stray.err();
    // Signing in goes to the Users service, which refuses the key.
    const auto login = post(stray, "/api/v1/auth/login",
        { { "username", "admin" }, { "password", tosserp::test::TestServer::kAdminPassword } });
    EXPECT_EQ(login.status, 502) << login.body;
    EXPECT_EQ(login.code(), "bad_gateway") << login.body;
    // A token the deployment issued, checked through the stray gateway.
    const auto token = post(s_deployment->gateway(), "/api/v1/auth/login",
        { { "username", "admin" }, { "password", tosserp::test::TestServer::kAdminPassword } })
                           .json()["access_token"]
                           .get<std::string>();
    const auto read = stray.request("GET", "/api/v1/products", {}, { { "Authorization", "Bearer " + token } });
    EXPECT_EQ(read.status, 502) << read.body;
    EXPECT_EQ(read.code(), "bad_gateway") << read.body;
    EXPECT_NE(stray.err().find("service_key"), std::string::npos) << "the operator is not told why";
    // Its readiness probe presents its key too: the services refuse it, so it is not ready.
    EXPECT_EQ(stray.request("GET", "/health/ready").status, 503);
}

TEST_F(Split, ReplayInOneServicesDirectoryRefusesWhatItCannotRebuildAndChangesNothing)
{
    const auto orders = s_deployment->dataDir("orders");
    const auto [code, text]
        = runServerCommand({ "replay", "--data-dir", orders.string() }, s_deployment->environment("orders"));
    EXPECT_EQ(code, 64) << text;
    EXPECT_NE(text.find("holds no stock.db"), std::string::npos) << text;
    EXPECT_FALSE(std::filesystem::exists(orders / "stock.db"));
    // The Payments service's directory replays its own domain.
    const auto [paymentsCode, paymentsText]
        = runServerCommand({ "replay", "--dry-run", "--data-dir", s_deployment->dataDir("payments").string() },
            s_deployment->environment("payments"));
    EXPECT_EQ(paymentsCode, 0) << paymentsText;
    EXPECT_NE(paymentsText.find("payments / payment amounts:"), std::string::npos) << paymentsText;
    EXPECT_EQ(paymentsText.find("stock /"), std::string::npos) << paymentsText;
    EXPECT_FALSE(std::filesystem::exists(s_deployment->dataDir("payments") / "stock.db"));
}

TEST_F(Split, RequestAndTraceIdsFollowTheCallIntoTheService)
{
    const std::string trace = "0af7651916cd43dd8448eb211c80319c";
    const auto reply = s_deployment->gateway().request("GET", "/api/v1/warehouses", {},
        { { "traceparent", "00-" + trace + "-b7ad6b7169203331-01" }, { "X-Request-Id", "split-request-42" } });
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("x-request-id"), "split-request-42");
    EXPECT_EQ(reply.header("traceresponse").substr(0, 35), "00-" + trace);
    std::string log;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
        log = s_deployment->service("stock").err();
        if (log.find("split-request-42") != std::string::npos) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // The Stock service's access log line carries the caller's request id and trace.
    const auto line = log.rfind('\n', log.find("\"request_id\":\"split-request-42\""));
    ASSERT_NE(log.find("\"request_id\":\"split-request-42\""), std::string::npos) << log;
    const auto text = log.substr(line == std::string::npos ? 0 : line, log.find('\n', line + 1) - line);
    EXPECT_NE(text.find("\"trace_id\":\"" + trace + "\""), std::string::npos) << text;
}

TEST_F(Split, MetricsOnEveryProcessPassPromtool)
{
    std::vector<ServerProcess*> processes = { &s_deployment->gateway() };
    for (const auto* name : kServices) {
        processes.push_back(&s_deployment->service(name));
    }
    const TempDir scratch;
    for (auto* process : processes) {
        const auto metrics = process->request("GET", "/metrics");
        ASSERT_EQ(metrics.status, 200);
        const auto file = (scratch.path() / "metrics.txt").string();
        std::ofstream(file) << metrics.body;
        const auto status = std::system(("promtool check metrics < " + file + " > " + file + ".out 2>&1").c_str());
        std::ifstream out(file + ".out");
        const std::string said((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
        EXPECT_EQ(WEXITSTATUS(status), 0) << said;
    }
    const auto gatewayMetrics = s_deployment->gateway().request("GET", "/metrics").body;
    for (const auto* name : kServices) {
        EXPECT_NE(gatewayMetrics.find("tosserp_circuit_state{dependency=\"service_" + std::string(name) + "\"}"),
            std::string::npos)
            << name;
    }
    const auto ordersMetrics = s_deployment->service("orders").request("GET", "/metrics").body;
    EXPECT_NE(ordersMetrics.find("tosserp_consumer_lag_events{consumer=\"orders.stock\"}"), std::string::npos);
    EXPECT_NE(ordersMetrics.find("tosserp_relay_lag_events{domain=\"orders\"}"), std::string::npos);
}

/// The request that opens the live channel through `gateway`, signed in as the administrator.
Poco::Net::HTTPRequest liveUpgrade(ServerProcess& gateway)
{
    const auto token = post(gateway, "/api/v1/auth/login",
        { { "username", "admin" }, { "password", tosserp::test::TestServer::kAdminPassword } })
                           .json()["access_token"]
                           .get<std::string>();
    return Poco::Net::HTTPRequest(
        Poco::Net::HTTPRequest::HTTP_GET, "/api/v1/sync/live?access_token=" + token, Poco::Net::HTTPMessage::HTTP_1_1);
}

TEST_F(Split, TheLiveChannelIsPassedOnThroughTheGateway)
{
    auto& gateway = s_deployment->gateway();
    Poco::Net::HTTPClientSession session("127.0.0.1", s_deployment->gatewayPort());
    auto upgrade = liveUpgrade(gateway);
    Poco::Net::HTTPResponse response;
    Poco::Net::WebSocket socket(session, upgrade, response);
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const auto next = [&] {
        char buffer[1024];
        int flags = 0;
        const int n = socket.receiveFrame(buffer, sizeof buffer, flags);
        return json::parse(std::string(buffer, static_cast<std::size_t>(std::max(n, 0))), nullptr, false);
    };
    json hello;
    try {
        hello = next();
    } catch (const Poco::Exception& e) {
        FAIL() << e.displayText() << "\n" << gateway.err() << "\n" << s_deployment->service("stock").err();
    }
    ASSERT_EQ(hello.value("type", ""), "hello") << hello;
    // An empty ping goes to the service and its pong comes back; the channel stays open.
    socket.sendFrame(
        nullptr, 0, static_cast<int>(Poco::Net::WebSocket::FRAME_FLAG_FIN) | Poco::Net::WebSocket::FRAME_OP_PING);
    char pong[16];
    int pongFlags = 0;
    EXPECT_EQ(socket.receiveFrame(pong, sizeof pong, pongFlags), 0);
    EXPECT_EQ(pongFlags & Poco::Net::WebSocket::FRAME_OP_BITMASK, Poco::Net::WebSocket::FRAME_OP_PONG);
    const auto category = post(gateway, "/api/v1/categories", { { "name", "Live through the gateway" } });
    ASSERT_EQ(category.status, 201) << category.body;
    const auto changes = next();
    EXPECT_EQ(changes.value("type", ""), "changes") << changes;
    EXPECT_GT(changes.value("position", std::int64_t { 0 }), hello.value("position", std::int64_t { 0 }));
    socket.shutdown();
    // Without credentials the gateway refuses the channel before any service sees it.
    Poco::Net::HTTPClientSession anonymous("127.0.0.1", s_deployment->gatewayPort());
    Poco::Net::HTTPRequest bare(
        Poco::Net::HTTPRequest::HTTP_GET, "/api/v1/sync/live", Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse refused;
    EXPECT_THROW(Poco::Net::WebSocket(anonymous, bare, refused), Poco::Exception);
    EXPECT_EQ(refused.getStatus(), Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED);
}

TEST_F(Split, TheLiveChannelToAStockServiceThatIsDownIsRefused503BeforeTheUpgrade)
{
    auto upgrade = liveUpgrade(s_deployment->gateway());
    const auto stockPort = s_deployment->port("stock");
    s_deployment->kill("stock");
    Poco::Net::HTTPClientSession session("127.0.0.1", s_deployment->gatewayPort());
    Poco::Net::HTTPResponse refused;
    EXPECT_THROW(Poco::Net::WebSocket(session, upgrade, refused), Poco::Exception);
    EXPECT_EQ(refused.getStatus(), Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
    EXPECT_EQ(refused.get("Retry-After", ""), "1");
    s_deployment->startService("stock", stockPort);
}

TEST_F(Split, AServiceThatIsDownMakesTheGatewayAnswer503AndTheSagaResumesWhenItIsBack)
{
    auto& gateway = s_deployment->gateway();
    Shop shop(gateway, "DOWN");
    const auto paymentsPort = s_deployment->port("payments");
    s_deployment->kill("payments");
    const auto refused = gateway.request("GET", "/api/v1/payments");
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_EQ(refused.code(), "service_unavailable");
    EXPECT_EQ(refused.header("retry-after"), "1");
    // Failures enough open the breaker: callers are told how long it stays open.
    const auto paused = gateway.request("GET", "/api/v1/payments");
    EXPECT_EQ(paused.status, 503) << paused.body;
    const auto wait = std::atoi(paused.header("retry-after").c_str());
    EXPECT_GE(wait, 2) << paused.header("retry-after");
    EXPECT_LE(wait, 5) << paused.header("retry-after");
    // The other services carry on: the order is placed and its stock reserved meanwhile.
    const auto order = shop.order(gateway, 1);
    const auto reserved = waitFor(gateway, "/api/v1/orders/" + std::to_string(order),
        [](const json& o) { return o.value("state", "") == "reserved"; });
    EXPECT_EQ(reserved.value("state", ""), "reserved") << reserved;
    // Back on its port, Payments takes the waiting event and the order is paid.
    s_deployment->startService("payments", paymentsPort);
    const auto paid = waitFor(gateway, "/api/v1/orders/" + std::to_string(order),
        [](const json& o) { return o.value("state", "") == "paid"; });
    EXPECT_EQ(paid.value("state", ""), "paid") << paid;
    // Once the breaker lets calls through again, the payment is there, once.
    const auto payments = waitFor(gateway, "/api/v1/payments?order_id=" + std::to_string(order),
        [](const json& list) { return !list.value("items", json::array()).empty(); });
    EXPECT_EQ(payments.value("items", json::array()).size(), 1u) << payments;
}

TEST(SplitNotifications, EachServiceMailsAboutWhatItKeepsAndNothingTwice)
{
    // The Orders service confirms paid orders to their customers; the Stock service alerts the
    // staff about stock below its reorder point.
    SmtpSink sink;
    SplitDeployment deployment({ "TOSSERP_SMTP_HOST=127.0.0.1", "TOSSERP_SMTP_PORT=" + std::to_string(sink.port()),
        "TOSSERP_NOTIFY_STAFF=stock@example.com", "TOSSERP_ACCESS_LOG=false" });
    auto& gateway = deployment.gateway();
    gateway.login("admin", tosserp::test::TestServer::kAdminPassword);
    Shop shop(gateway, "MAIL");
    const auto person = post(gateway, "/api/v1/customers", { { "name", "Grace" }, { "email", "grace@example.com" } });
    ASSERT_EQ(person.status, 201) << person.body;
    shop.customer = person.json()["id"].get<std::int64_t>();
    const auto point = gateway.request("PUT", "/api/v1/stock/reorder-points",
        json { { "product_id", shop.product }, { "warehouse_id", shop.warehouse }, { "min_quantity", 5 },
            { "reorder_quantity", 20 } }
            .dump());
    ASSERT_EQ(point.status, 200) << point.body;

    const auto order = shop.order(gateway, 1);
    const auto paid = waitFor(gateway, "/api/v1/orders/" + std::to_string(order),
        [](const json& o) { return o.value("state", "") == "paid"; });
    ASSERT_EQ(paid.value("state", ""), "paid") << paid;
    const auto shipped = post(gateway, "/api/v1/stock/movements",
        { { "kind", "shipment" }, { "product_id", shop.product }, { "quantity", 6 },
            { "from_location_id", shop.shelf } });
    ASSERT_EQ(shipped.status, 201) << shipped.body; // 4 on hand, 1 reserved: 3 available, below 5

    auto mails = sink.waitFor(2);
    std::map<std::string, std::string> byRecipient;
    for (const auto& mail : mails) {
        byRecipient[mail.recipient] += mail.data;
    }
    ASSERT_EQ(mails.size(), 2u) << deployment.service("orders").err() << deployment.service("stock").err();
    EXPECT_NE(byRecipient["grace@example.com"].find("Your order " + std::to_string(order) + " is confirmed"),
        std::string::npos)
        << byRecipient["grace@example.com"];
    EXPECT_NE(byRecipient["stock@example.com"].find("MAIL-TEA is below its reorder point"), std::string::npos)
        << byRecipient["stock@example.com"];
    std::this_thread::sleep_for(std::chrono::seconds(1));
    EXPECT_EQ(sink.mails().size(), 2u);
}

TEST(SplitDeploymentFaults, KillingAnyServiceOrNatsServerDuringTheOrderFlowLosesNothingAndDoublesNothing)
{
    const char* trialsText = std::getenv("TOSSERP_FAULT_TRIALS");
    const int kills = trialsText != nullptr ? std::max(1, std::atoi(trialsText)) : 6;
    std::mt19937_64 random(20261126);
    // The payment provider outlives the kills, as a real one would; it declines and fails some calls.
    tosserp::test::PaymentSimulatorProcess provider(
        { "--decline-rate", "0.25", "--error-rate", "0.2", "--seed", "42" });
    SplitDeployment deployment({ "TOSSERP_PAYMENT_PROVIDER=" + provider.url(), "TOSSERP_ACCESS_LOG=false" });
    auto& gateway = deployment.gateway();
    gateway.login("admin", tosserp::test::TestServer::kAdminPassword);
    const int stocked = 100000;
    Shop shop(gateway, "FAULT");
    ASSERT_EQ(shop.receive(gateway, stocked - 10), 201); // `stocked` on hand in all
    shop.order(gateway, 1); // the Orders service has the product before the kills begin

    std::set<std::int64_t> placed { 1 };
    std::map<std::string, int> victims;
    const std::vector<std::string> candidates = { "stock", "users", "orders", "payments", "nats-server" };
    for (int trial = 0; trial < kills; ++trial) {
        Customers customers(gateway, shop, random());
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + random() % 500));
        const auto& victim = candidates[random() % candidates.size()];
        ++victims[victim];
        if (victim == "nats-server") {
            deployment.nats().kill();
            std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 400));
            deployment.nats().start();
        } else {
            const auto port = deployment.port(victim);
            deployment.kill(victim);
            std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 400));
            deployment.startService(victim, port);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(random() % 300));
        customers.stop();
        const auto acknowledged = customers.placed();
        placed.insert(acknowledged.begin(), acknowledged.end());
    }
    ASSERT_GT(placed.size(), 5u) << "too few orders placed to prove anything";
    // Every service back and reachable (the gateway's breakers closed again) before the checks.
    const auto ready = waitFor(gateway, "/health/ready", [](const json& r) { return r.value("status", "") == "ok"; });
    ASSERT_EQ(ready.value("status", ""), "ok") << ready;
    gateway.login("admin", tosserp::test::TestServer::kAdminPassword);
    const auto outcomes = tosserp::test::checkSagaSettled(gateway, placed, stocked, deployment.nats().url());
    std::cout << "kills:";
    for (const auto& [victim, count] : victims) {
        std::cout << " " << victim << " " << count;
    }
    std::cout << "; orders placed (acknowledged): " << placed.size() << ", paid: " << outcomes.at("paid")
              << ", cancelled: " << (outcomes.count("cancelled") ? outcomes.at("cancelled") : 0) << "\n";
}

TEST(SplitDeploymentFaults, WhilePostgresIsStoppedTheServicesAnswer503AndAfterwardsTheOrderFlowGoesOnLosingNothing)
{
    if (!tosserp::test::testsUsePostgres()) {
        GTEST_SKIP() << "runs in the PostgreSQL pass (server_split_pg)";
    }
    // The four services on four databases of a cluster of the test's own, which it stops.
    tosserp::test::OwnCluster cluster;
    for (const std::string name : kServices) {
        cluster.createDatabase("tosserp_" + name);
    }
    SplitDeployment deployment(
        { "TOSSERP_ACCESS_LOG=false" }, [&](const std::string& name) { return cluster.conninfo("tosserp_" + name); });
    auto& gateway = deployment.gateway();
    gateway.login("admin", tosserp::test::TestServer::kAdminPassword);
    const int stocked = 100000;
    Shop shop(gateway, "PGSTOP");
    ASSERT_EQ(shop.receive(gateway, stocked - 10), 201); // `stocked` on hand in all
    std::set<std::int64_t> placed { shop.order(gateway, 1) };
    const auto placedAtLeast = [](Customers& customers, std::size_t count) {
        return tosserp::test::eventually([&] { return customers.placed().size() >= count; }, std::chrono::seconds(60));
    };

    Customers customers(gateway, shop, 20261126);
    ASSERT_TRUE(placedAtLeast(customers, 5));
    // Stopped at once, as a crash would stop it, for three seconds.
    cluster.stop("immediate");
    std::this_thread::sleep_for(std::chrono::seconds(1));
    // Every service's reads and writes are refused with 503 and a time to come back; the
    // gateway says it is not ready.
    for (const std::string path :
        { "/api/v1/products", "/api/v1/stock/levels", "/api/v1/orders", "/api/v1/payments", "/api/v1/users" }) {
        const auto refused = gateway.request("GET", path);
        EXPECT_EQ(refused.status, 503) << path << ": " << refused.body;
        EXPECT_TRUE(refused.code() == "database_busy" || refused.code() == "service_unavailable")
            << path << ": " << refused.body;
        EXPECT_FALSE(refused.header("retry-after").empty()) << path;
    }
    const auto write = post(gateway, "/api/v1/customers", { { "name", "Grace" } });
    EXPECT_EQ(write.status, 503) << write.body;
    EXPECT_EQ(gateway.request("GET", "/health/ready").status, 503);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const auto before = customers.placed().size();
    cluster.start();

    // Nothing is restarted: the services find PostgreSQL back by themselves, and the orders
    // placed from then on go through the saga.
    EXPECT_TRUE(placedAtLeast(customers, before + 10)) << "no orders placed after PostgreSQL came back";
    customers.stop();
    EXPECT_GT(customers.answered(503), 0) << "the customers never saw the outage";
    const auto acknowledged = customers.placed();
    placed.insert(acknowledged.begin(), acknowledged.end());
    const auto ready = waitFor(gateway, "/health/ready", [](const json& r) { return r.value("status", "") == "ok"; });
    ASSERT_EQ(ready.value("status", ""), "ok") << ready;
    gateway.login("admin", tosserp::test::TestServer::kAdminPassword);
    const auto outcomes = tosserp::test::checkSagaSettled(gateway, placed, stocked, deployment.nats().url());
    std::cout << "PostgreSQL stopped 3 s: orders placed (acknowledged): " << placed.size()
              << ", paid: " << (outcomes.count("paid") ? outcomes.at("paid") : 0)
              << ", cancelled: " << (outcomes.count("cancelled") ? outcomes.at("cancelled") : 0)
              << "; refused with 503 meanwhile: " << customers.answered(503) << "\n";
}

TEST(SplitDeploymentTls, TheGatewayCallsTheServicesOverTlsAndRefusesOneItCannotVerify)
{
    const TempDir certs;
    const auto [cert, key] = tosserp::test::selfSignedCertificate(certs.path());
    // The gateway trusts the services' certificate (OpenSSL's SSL_CERT_FILE), as IT would
    // install the deployment's CA.
    SplitDeployment deployment(
        { "TOSSERP_TLS_CERT=" + cert, "TOSSERP_TLS_KEY=" + key }, {}, { "SSL_CERT_FILE=" + cert });
    auto& gateway = deployment.gateway();
    gateway.login("admin", tosserp::test::TestServer::kAdminPassword);
    Shop shop(gateway, "TLS");
    const auto order = shop.order(gateway, 1);
    const auto paid = waitFor(gateway, "/api/v1/orders/" + std::to_string(order),
        [](const json& o) { return o.value("state", "") == "paid"; });
    EXPECT_EQ(paid.value("state", ""), "paid") << paid;
    // The live channel is passed on over TLS too.
    Poco::Net::HTTPClientSession session("127.0.0.1", deployment.gatewayPort());
    auto upgrade = liveUpgrade(gateway);
    Poco::Net::HTTPResponse response;
    Poco::Net::WebSocket socket(session, upgrade, response);
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    char buffer[1024];
    int flags = 0;
    const int n = socket.receiveFrame(buffer, sizeof buffer, flags);
    ASSERT_GT(n, 0);
    EXPECT_EQ(json::parse(std::string(buffer, static_cast<std::size_t>(n)), nullptr, false).value("type", ""), "hello");
    socket.shutdown();
    // A service does not speak plain HTTP on its TLS port.
    int plainStatus = 0;
    try {
        plainStatus = deployment.service("stock").request("GET", "/health/live").status;
    } catch (const Poco::Exception&) {
        // The connection is dropped: as refused as it gets.
    }
    EXPECT_NE(plainStatus, 200);

    // A gateway that cannot verify the services' certificate does not talk to them.
    const TempDir dir;
    std::vector<std::string> env = { "TOSSERP_SERVICE_KEY=" + kServiceKey, "SSL_CERT_FILE=/dev/null" };
    for (const std::string name : kServices) {
        env.push_back("TOSSERP_" + upper(name) + "_URL=https://127.0.0.1:" + std::to_string(deployment.port(name)));
    }
    ServerProcess untrusting(
        { "--service", "gateway", "--listen", "127.0.0.1:0", "--data-dir", dir.path().string() }, env);
    ASSERT_NE(untrusting.waitUntilListening(), 0) << untrusting.err();
    const auto login = post(untrusting, "/api/v1/auth/login",
        { { "username", "admin" }, { "password", tosserp::test::TestServer::kAdminPassword } });
    EXPECT_EQ(login.status, 503) << login.body;
    EXPECT_EQ(login.code(), "service_unavailable") << login.body;
}

} // namespace
