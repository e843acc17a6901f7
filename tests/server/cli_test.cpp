// tosserp-server as a program: options, configuration precedence, signals, and crashes.
#include "process.h"

#include <gtest/gtest.h>

#include <sstream>

#include <csignal>
#include <fstream>
#include <set>
#include <thread>

using nlohmann::json;
using tosserp::test::runServerCommand;
using tosserp::test::ServerProcess;
using tosserp::test::TempDir;
using tosserp::test::TestServer;

TEST(ServerProgram, HelpNamesEveryOptionAndEnvironmentVariable)
{
    const auto [code, text] = runServerCommand({ "--help" });
    EXPECT_EQ(code, 0);
    for (const auto* expected : { "--listen", "--data-dir", "--config", "--demo", "--version", "TOSSERP_LISTEN",
             "TOSSERP_DATA_DIR", "replay [--domain", "backup --to DIR", "restore --from DIR" }) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }
}

TEST(ServerProgram, VersionPrintsTheProjectVersion)
{
    const auto [code, text] = runServerCommand({ "--version" });
    EXPECT_EQ(code, 0);
    EXPECT_NE(text.find("tosserp-server " TOSSERP_PROJECT_VERSION), std::string::npos) << text;
}

TEST(ServerProgram, RefusesUnknownOptionsAndMalformedSettingsClearly)
{
    TempDir dir;
    const auto [unknownCode, unknownText] = runServerCommand({ "--frobnicate" });
    EXPECT_NE(unknownCode, 0);
    const auto [listenCode, listenText]
        = runServerCommand({ "--listen", "nowhere", "--data-dir", dir.path().string() });
    EXPECT_NE(listenCode, 0);
    EXPECT_NE(listenText.find("listen must be HOST:PORT"), std::string::npos) << listenText;
    const auto [envCode, envText] = runServerCommand({ "--data-dir", dir.path().string() }, { "TOSSERP_THREADS=lots" });
    EXPECT_NE(envCode, 0);
    EXPECT_NE(envText.find("threads must be a whole number"), std::string::npos) << envText;
    const auto [argCode, argText] = runServerCommand({ "serve-everything" });
    EXPECT_NE(argCode, 0);
    EXPECT_NE(argText.find("unexpected argument"), std::string::npos);
}

TEST(ServerProgram, CommandLineBeatsEnvironmentBeatsConfigFile)
{
    TempDir dir;
    const auto config = dir.path() / "server.properties";
    std::ofstream(config) << "listen = 127.0.0.1:1\nlog_level = debug\ndata_dir = "
                          << (dir.path() / "from-file").string() << "\n";
    // The file names port 1 (unusable), the environment port 0; the environment wins.
    ServerProcess fromEnv({ "--config", config.string() }, { "TOSSERP_LISTEN=127.0.0.1:0" });
    ASSERT_NE(fromEnv.waitUntilListening(), 0) << fromEnv.err();
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "from-file" / "stock.db"));
    EXPECT_NE(fromEnv.err().find("\"level\":\"debug\""), std::string::npos);
    fromEnv.signal(SIGTERM);
    EXPECT_EQ(fromEnv.wait(), 0);
    // The command line wins over both.
    ServerProcess fromArgs(
        { "--config", config.string(), "--data-dir", (dir.path() / "from-args").string(), "--listen", "127.0.0.1:0" },
        { "TOSSERP_DATA_DIR=" + (dir.path() / "from-env").string() });
    ASSERT_NE(fromArgs.waitUntilListening(), 0) << fromArgs.err();
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "from-args" / "stock.db"));
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "from-env"));
}

TEST(ServerProgram, StopsCleanlyOnSigterm)
{
    TempDir dir;
    ServerProcess server({ "--listen", "127.0.0.1:0", "--data-dir", dir.path().string() });
    ASSERT_NE(server.waitUntilListening(), 0) << server.err();
    EXPECT_EQ(server.request("GET", "/health/live").status, 200);
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(), 0);
    EXPECT_NE(server.err().find("\"msg\":\"stopped\""), std::string::npos) << server.err();
}

TEST(ServerProgram, TheAccessLogCarriesTheRequestIdAndTheCallersTrace)
{
    TempDir dir;
    ServerProcess server({ "--listen", "127.0.0.1:0", "--data-dir", dir.path().string() });
    ASSERT_NE(server.waitUntilListening(), 0) << server.err();
    const auto reply = server.request("GET", "/health/live", {},
        { { "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" }, { "X-Request-Id", "req-77" } });
    ASSERT_EQ(reply.status, 200);
    server.signal(SIGTERM);
    EXPECT_EQ(server.wait(), 0);
    // One JSON line per request with both ids, the caller's span as parent, and this span.
    std::string line;
    std::istringstream lines(server.err());
    for (std::string candidate; std::getline(lines, candidate);) {
        if (candidate.find("\"request_id\":\"req-77\"") != std::string::npos) {
            line = candidate;
        }
    }
    ASSERT_FALSE(line.empty()) << server.err();
    const auto logged = nlohmann::json::parse(line);
    EXPECT_EQ(logged["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736");
    EXPECT_EQ(logged["parent_span_id"], "00f067aa0ba902b7");
    EXPECT_EQ(reply.header("traceresponse"),
        "00-4bf92f3577b34da6a3ce929d0e0e4736-" + logged["span_id"].get<std::string>() + "-01");
}

TEST(ServerProgram, DemoSeedRunsOnceOnAFreshDirectory)
{
    TempDir dir;
    for (int run = 0; run < 2; ++run) {
        ServerProcess server({ "--listen", "127.0.0.1:0", "--data-dir", dir.path().string(), "--demo" });
        ASSERT_NE(server.waitUntilListening(), 0) << server.err();
        server.login("admin", TestServer::kAdminPassword);
        EXPECT_EQ(server.request("GET", "/api/v1/warehouses").status, 200);
        EXPECT_EQ(json::parse(server.request("GET", "/api/v1/warehouses").body)["items"].size(), 2u);
        std::size_t products = 0;
        std::string cursor;
        do {
            const auto page = json::parse(
                server.request("GET", "/api/v1/products?limit=500" + (cursor.empty() ? "" : "&cursor=" + cursor)).body);
            products += page["items"].size();
            cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
        } while (!cursor.empty());
        EXPECT_EQ(products, 200u);
        const auto low = json::parse(server.request("GET", "/api/v1/stock/levels?below_reorder=true").body);
        EXPECT_FALSE(low["items"].empty());
        server.signal(SIGTERM);
        EXPECT_EQ(server.wait(), 0);
    }
}

TEST(ServerProgram, KillNineLosesNoAcknowledgedMovement)
{
    TempDir dir;
    const std::vector<std::string> args = { "--listen", "127.0.0.1:0", "--data-dir", dir.path().string(), "--demo" };
    std::set<std::int64_t> acknowledged;
    {
        ServerProcess server(args);
        ASSERT_NE(server.waitUntilListening(), 0) << server.err();
        server.login("admin", TestServer::kAdminPassword);
        std::atomic<bool> stop { false };
        std::mutex mutex;
        std::vector<std::thread> writers;
        for (int w = 0; w < 4; ++w) {
            writers.emplace_back([&, w] {
                for (int i = 0; !stop; ++i) {
                    const json body = { { "kind", "receipt" }, { "sku", "BEV-000" + std::to_string(1 + w) },
                        { "quantity", 1 }, { "to_location_id", 7 } };
                    try {
                        const auto reply = server.request("POST", "/api/v1/stock/movements", body.dump());
                        if (reply.status == 201) {
                            std::lock_guard lock(mutex);
                            acknowledged.insert(json::parse(reply.body)["movements"][0]["id"].get<std::int64_t>());
                        }
                    } catch (const std::exception&) {
                        return; // the server died under us: that answer was never acknowledged
                    }
                }
            });
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
        server.signal(SIGKILL);
        stop = true;
        for (auto& t : writers) {
            t.join();
        }
        EXPECT_EQ(server.wait(), 128 + SIGKILL);
    }
    ASSERT_GT(acknowledged.size(), 10u);
    ServerProcess restarted(args);
    ASSERT_NE(restarted.waitUntilListening(), 0) << restarted.err();
    restarted.login("admin", TestServer::kAdminPassword);
    std::set<std::int64_t> stored;
    std::string cursor;
    do {
        const auto page = json::parse(
            restarted.request("GET", "/api/v1/stock/movements?limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor))
                .body);
        for (const auto& m : page["items"]) {
            stored.insert(m["id"].get<std::int64_t>());
        }
        cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    } while (!cursor.empty());
    for (const auto id : acknowledged) {
        EXPECT_TRUE(stored.count(id)) << "acknowledged movement " << id << " was lost";
    }
    // The level projection still equals the ledger it is derived from.
    const auto level
        = json::parse(restarted.request("GET", "/api/v1/stock/levels?product_id=1&group_by=location").body);
    EXPECT_FALSE(level["items"].empty());
}

TEST(ServerProgram, LogsNeverHoldPasswordsOrTokens)
{
    TempDir dir;
    ServerProcess server({ "--listen", "127.0.0.1:0", "--data-dir", dir.path().string(), "--log-level", "debug" });
    ASSERT_NE(server.waitUntilListening(), 0) << server.err();
    server.login("admin", TestServer::kAdminPassword);
    const std::string userPassword = "secret-sauce-for-logs-41";
    const std::string wrongPassword = "wrong-guess-for-logs-77";
    ASSERT_EQ(server
                  .request("POST", "/api/v1/users",
                      json { { "username", "logger" }, { "password", userPassword }, { "roles", { "sales" } } }.dump())
                  .status,
        201);
    const auto refused = server.request("POST", "/api/v1/auth/login",
        json { { "username", "logger" }, { "password", wrongPassword } }.dump(), { { TestServer::kNoAuth, "1" } });
    EXPECT_EQ(refused.status, 401);
    EXPECT_NE(refused.body.find("invalid_credentials"), std::string::npos);
    const auto session = server.request("POST", "/api/v1/auth/login",
        json { { "username", "logger" }, { "password", userPassword } }.dump(), { { TestServer::kNoAuth, "1" } });
    ASSERT_EQ(session.status, 200);
    const auto tokens = json::parse(session.body);
    server.signal(SIGTERM);
    server.wait();
    const auto logs = server.out() + server.err();
    EXPECT_NE(logs.find("/api/v1/auth/login"), std::string::npos) << "the access log should show the requests";
    for (const auto& secret : { std::string(TestServer::kAdminPassword), userPassword, wrongPassword,
             tokens["access_token"].get<std::string>(), tokens["refresh_token"].get<std::string>() }) {
        EXPECT_EQ(logs.find(secret), std::string::npos) << "a secret reached the logs";
    }
}
