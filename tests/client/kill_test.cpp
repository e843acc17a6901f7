// Processes killed with SIGKILL at random moments — the client in the middle of a push or of
// a pull, the server in the middle of a push — lose no acknowledged work and apply nothing
// twice; the replica stays sound (PRAGMA integrity_check) and ends equal to the server.
#include "client/src/replica.h"
#include "process.h"

#include <gtest/gtest.h>

#include <QString>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

using nlohmann::json;
using namespace tosserp;
using tosserp::test::ServerProcess;
using tosserp::test::TempDir;
using tosserp::test::TestServer;

namespace {

/// Starts tosserpctl with `args`; returns its pid.
pid_t spawnCtl(const std::vector<std::string>& args)
{
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        std::vector<std::string> all = { TOSSERP_CTL_BIN };
        all.insert(all.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : all) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    return pid;
}

int waitCtl(pid_t pid)
{
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int runCtl(const std::vector<std::string>& args)
{
    return waitCtl(spawnCtl(args));
}

std::string url(std::uint16_t port)
{
    return "http://127.0.0.1:" + std::to_string(port);
}

/// Movements of the demo product 1 whose reference starts with `prefix`, counted on the server.
std::map<std::string, int> countByReference(ServerProcess& server, const std::string& prefix)
{
    std::map<std::string, int> counts;
    std::string cursor;
    do {
        const auto page = json::parse(
            server
                .request("GET",
                    "/api/v1/stock/movements?product_id=1&limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor))
                .body);
        for (const auto& m : page["items"]) {
            const auto reference = m["reference"].get<std::string>();
            if (reference.rfind(prefix, 0) == 0) {
                ++counts[reference];
            }
        }
        cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    } while (!cursor.empty());
    return counts;
}

/// Queues `n` receipts of demo product 1 into the replica, each with its own reference.
void queueReceipts(const std::string& replicaPath, int n, const std::string& prefix)
{
    client::Replica replica(QString::fromStdString(replicaPath));
    for (int i = 0; i < n; ++i) {
        replica.enqueue(sync::CommandType::ReceiveStock,
            { { "product_id", 1 }, { "quantity", "1" }, { "location_id", 7 },
                { "reference", prefix + std::to_string(i) } });
    }
}

void expectExactlyOnce(ServerProcess& server, const std::string& prefix, int n)
{
    const auto counts = countByReference(server, prefix);
    EXPECT_EQ(static_cast<int>(counts.size()), n) << "some commands were lost";
    for (const auto& [reference, count] : counts) {
        EXPECT_EQ(count, 1) << reference << " was applied " << count << " times";
    }
}

void expectSoundAndEmpty(const std::string& replicaPath)
{
    client::Replica replica(QString::fromStdString(replicaPath));
    EXPECT_EQ(replica.integrityCheck(), "ok");
    EXPECT_TRUE(replica.outbox({ "pending", "acked" }).empty());
}

} // namespace

TEST(Kill, TheClientKilledDuringAPushLosesNothingAndDoublesNothing)
{
    TempDir dir;
    ServerProcess server({ "--listen", "127.0.0.1:0", "--data-dir", (dir.path() / "data").string(), "--demo" });
    const auto port = server.waitUntilListening();
    ASSERT_NE(port, 0) << server.err();
    server.login("admin", TestServer::kAdminPassword);
    const auto replica = (dir.path() / "replica.db").string();
    setenv("TOSSERP_PASSWORD", TestServer::kAdminPassword, 1);
    ASSERT_EQ(runCtl({ "--server", url(port), "--replica", replica, "login", "--user", "admin" }), 0);
    ASSERT_EQ(runCtl({ "--replica", replica, "sync" }), 0);
    std::mt19937 rng(2026);
    int queued = 0;
    for (int trial = 0; trial < 4; ++trial) {
        queueReceipts(replica, 800, "push-kill-" + std::to_string(trial) + "-");
        queued += 800;
        const auto pid = spawnCtl({ "--replica", replica, "sync" });
        std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 300));
        kill(pid, SIGKILL);
        waitCtl(pid);
    }
    ASSERT_EQ(runCtl({ "--replica", replica, "sync" }), 0);
    expectExactlyOnce(server, "push-kill-", queued);
    expectSoundAndEmpty(replica);
}

TEST(Kill, TheClientKilledDuringAPullEndsEqualToTheServer)
{
    TempDir dir;
    ServerProcess server({ "--listen", "127.0.0.1:0", "--data-dir", (dir.path() / "data").string(), "--demo" });
    const auto port = server.waitUntilListening();
    ASSERT_NE(port, 0) << server.err();
    const auto replica = (dir.path() / "replica.db").string();
    setenv("TOSSERP_PASSWORD", TestServer::kAdminPassword, 1);
    ASSERT_EQ(runCtl({ "--server", url(port), "--replica", replica, "login", "--user", "admin" }), 0);
    std::mt19937 rng(11);
    for (int trial = 0; trial < 6; ++trial) {
        const auto pid = spawnCtl({ "--replica", replica, "sync" });
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % 120));
        kill(pid, SIGKILL);
        waitCtl(pid);
        client::Replica opened(QString::fromStdString(replica));
        EXPECT_EQ(opened.integrityCheck(), "ok") << "trial " << trial;
    }
    EXPECT_EQ(runCtl({ "--replica", replica, "sync", "--verify" }), 0);
    client::Replica done(QString::fromStdString(replica));
    EXPECT_EQ(done.count("products"), 200);
}

TEST(Kill, TheServerKilledDuringAPushLosesNothingAcknowledged)
{
    TempDir dir;
    const auto data = (dir.path() / "data").string();
    const auto replica = (dir.path() / "replica.db").string();
    auto server = std::make_unique<ServerProcess>(
        std::vector<std::string> { "--listen", "127.0.0.1:0", "--data-dir", data, "--demo" });
    auto port = server->waitUntilListening();
    ASSERT_NE(port, 0);
    setenv("TOSSERP_PASSWORD", TestServer::kAdminPassword, 1);
    ASSERT_EQ(runCtl({ "--server", url(port), "--replica", replica, "login", "--user", "admin" }), 0);
    ASSERT_EQ(runCtl({ "--replica", replica, "sync" }), 0);
    queueReceipts(replica, 1500, "server-kill-");
    const auto pid = spawnCtl({ "--replica", replica, "sync" });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    server->signal(SIGKILL);
    server->wait();
    const int failed = waitCtl(pid);
    EXPECT_TRUE(failed == 0 || failed == 4) << "exit " << failed; // done before the kill, or unreachable
    server
        = std::make_unique<ServerProcess>(std::vector<std::string> { "--listen", "127.0.0.1:0", "--data-dir", data });
    port = server->waitUntilListening();
    ASSERT_NE(port, 0);
    server->login("admin", TestServer::kAdminPassword);
    ASSERT_EQ(runCtl({ "--server", url(port), "--replica", replica, "sync" }), 0);
    expectExactlyOnce(*server, "server-kill-", 1500);
    expectSoundAndEmpty(replica);
}
