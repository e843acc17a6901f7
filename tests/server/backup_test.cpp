// tosserp-server backup and restore, run as the program: a backup taken while the server
// writes restores into a fresh data directory whose projections agree with its events; bad
// commands and damaged backups are refused and change nothing.
#include "process.h"
#include "server/app/runtime.h"
#include "server/db/database.h"
#include "server/events/dispatcher.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using nlohmann::json;
using tosserp::test::runServerCommand;
using tosserp::test::TempDir;
using tosserp::test::TestServer;

namespace {

std::int64_t scalar(const fs::path& database, const std::string& sql)
{
    tosserp::db::Database db(database.string());
    return tosserp::test::scalar(db, sql);
}

} // namespace

TEST(Backup, ABackupTakenWhileTheServerWritesRestoresIntoAnEmptyDirectoryThatAgreesWithItsEvents)
{
    TestServer server;
    const auto [warehouse, shelf] = server.makeWarehouse("MAIN");
    (void)warehouse;
    const auto product = server.makeProduct("BK-1");
    server.receive(product, shelf, 100);
    server.makeUser("packer", { "warehouse_staff" });
    TempDir work;
    const auto backup = work.path() / "backup";
    const auto restored = work.path() / "restored";

    // Receipts keep arriving while the backup is taken.
    std::atomic<bool> writing { true };
    std::atomic<int> written { 0 };
    std::thread writer([&] {
        while (writing) {
            const auto reply = server.post("/api/v1/stock/movements",
                { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 }, { "to_location_id", shelf } });
            if (reply.status == 201) {
                ++written;
            }
        }
    });
    while (written < 20) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto [code, text]
        = runServerCommand({ "backup", "--data-dir", server.dataDir().string(), "--to", backup.string() });
    writing = false;
    writer.join();
    ASSERT_EQ(code, 0) << text;
    EXPECT_NE(text.find("stock.db:"), std::string::npos) << text;
    std::ifstream in(backup / "manifest.json");
    const auto manifest = json::parse(in);
    EXPECT_EQ(manifest["files"].size(), 6u) << manifest; // five databases and the signing key
    EXPECT_EQ(manifest["format"], 1);

    const auto [restoreCode, restoreText]
        = runServerCommand({ "restore", "--from", backup.string(), "--data-dir", restored.string() });
    ASSERT_EQ(restoreCode, 0) << restoreText;
    EXPECT_NE(restoreText.find("projections agree with the events"), std::string::npos) << restoreText;
    // What the backup caught: the product, the accounts, and a stock level that is the sum of
    // the receipts it holds (one consistent snapshot, however busy the writer was).
    EXPECT_EQ(scalar(restored / "stock.db", "SELECT count(*) FROM products WHERE sku = 'BK-1'"), 1);
    EXPECT_EQ(scalar(restored / "users.db", "SELECT count(*) FROM users WHERE username = 'packer'"), 1);
    const auto receipts = scalar(restored / "stock.db", "SELECT count(*) FROM stock_movements");
    EXPECT_GE(receipts, 21);
    EXPECT_EQ(scalar(restored / "stock.db",
                  "SELECT quantity_milli FROM stock_levels WHERE location_id = " + std::to_string(shelf)),
        (100 + receipts - 1) * 1000);
    // A new sync identity: replicas whose cursor points into the lost history start afresh.
    const auto serverId = [](const fs::path& stock) {
        tosserp::db::Database db(stock.string());
        return db.read([](tosserp::db::Connection& c) {
            auto& q = c.prepare("SELECT value FROM meta WHERE key = 'server_id'");
            const auto id = q.step() ? q.text(0) : std::string();
            q.reset();
            return id;
        });
    };
    EXPECT_NE(serverId(restored / "stock.db"), serverId(server.dataDir() / "stock.db"));
    EXPECT_EQ(serverId(restored / "stock.db").size(), 32u);
    // The signing key comes back readable by its owner only: tokens signed before stay valid.
    EXPECT_TRUE(fs::exists(restored / "keys" / "token-signing.pem"));
    EXPECT_EQ(
        fs::status(restored / "keys" / "token-signing.pem").permissions() & fs::perms::others_read, fs::perms::none);
    // The restored directory serves.
    const auto [replayCode, replayText] = runServerCommand({ "replay", "--dry-run", "--data-dir", restored.string() });
    EXPECT_EQ(replayCode, 0) << replayText;
}

TEST(Backup, BadCommandsAndDamagedBackupsAreRefusedAndChangeNothing)
{
    TestServer server;
    server.makeProduct("BK-2");
    TempDir work;
    const auto backup = work.path() / "backup";
    const auto data = server.dataDir().string();
    ASSERT_EQ(runServerCommand({ "backup", "--data-dir", data, "--to", backup.string() }).first, 0);

    // Usage: no target, a target that is not empty, a data directory without databases.
    EXPECT_EQ(runServerCommand({ "backup", "--data-dir", data }).first, 64);
    const auto [again, againText] = runServerCommand({ "backup", "--data-dir", data, "--to", backup.string() });
    EXPECT_EQ(again, 64);
    EXPECT_NE(againText.find("is not empty"), std::string::npos) << againText;
    EXPECT_EQ(runServerCommand(
                  { "backup", "--data-dir", (work.path() / "none").string(), "--to", (work.path() / "b2").string() })
                  .first,
        64);
    // Restore: no source, not a backup, a data directory in use.
    EXPECT_EQ(runServerCommand({ "restore", "--data-dir", (work.path() / "r0").string() }).first, 64);
    EXPECT_EQ(
        runServerCommand({ "restore", "--from", work.path().string(), "--data-dir", (work.path() / "r1").string() })
            .first,
        64);
    const auto [busy, busyText] = runServerCommand({ "restore", "--from", backup.string(), "--data-dir", data });
    EXPECT_EQ(busy, 64);
    EXPECT_NE(busyText.find("is not empty"), std::string::npos) << busyText;

    // A damaged copy: one byte changed, then a file cut short. Nothing is restored.
    const auto damaged = work.path() / "damaged";
    fs::copy(backup, damaged);
    {
        std::fstream file(damaged / "orders.db", std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(5000);
        file.put('\x5a');
    }
    const auto target = work.path() / "r2";
    const auto [bad, badText]
        = runServerCommand({ "restore", "--from", damaged.string(), "--data-dir", target.string() });
    EXPECT_EQ(bad, 65);
    EXPECT_NE(badText.find("orders.db does not match the manifest"), std::string::npos) << badText;
    EXPECT_TRUE(!fs::exists(target) || fs::is_empty(target));
    const auto cut = work.path() / "cut";
    fs::copy(backup, cut);
    fs::resize_file(cut / "orders.db", 4096);
    const auto [cutCode, cutText]
        = runServerCommand({ "restore", "--from", cut.string(), "--data-dir", target.string() });
    EXPECT_EQ(cutCode, 65);
    EXPECT_NE(cutText.find("orders.db does not match the manifest"), std::string::npos) << cutText;
    EXPECT_TRUE(!fs::exists(target) || fs::is_empty(target));
    // A manifest this version does not read.
    std::ofstream(damaged / "manifest.json") << "{\"format\": 99, \"files\": []}";
    EXPECT_EQ(runServerCommand({ "restore", "--from", damaged.string(), "--data-dir", target.string() }).first, 64);
}

TEST(Backup, AConsumerCopiedAfterItsSourceStillHearsTheSourcesNewEventsAfterARestore)
{
    // The databases are copied one after another: here Orders' checkpoint on Stock's events
    // is 50 past the last event the copy of stock.db holds, as if stock events had been
    // committed and handled between the two copies.
    TempDir work;
    const auto data = work.path() / "data";
    std::int64_t lastStock = 0;
    {
        tosserp::ServerConfig config;
        config.dataDir = data.string();
        config.host = "127.0.0.1";
        config.port = 0;
        config.accessLog = false;
        config.adminPassword = TestServer::kAdminPassword;
        config.paymentSimulator = TOSSERP_PAYMENT_SIM_BIN;
        tosserp::Runtime runtime(config);
    }
    {
        tosserp::db::Database stock((data / "stock.db").string());
        lastStock = stock.read([](tosserp::db::Connection& c) { return tosserp::events::EventStore::lastPosition(c); });
        tosserp::db::Database orders((data / "orders.db").string());
        orders.write([&](tosserp::db::Connection& c) {
            tosserp::events::Checkpoints::advance(c, "orders.stock", lastStock + 50);
        });
    }
    const auto backup = work.path() / "backup";
    const auto restored = work.path() / "restored";
    ASSERT_EQ(runServerCommand({ "backup", "--data-dir", data.string(), "--to", backup.string() }).first, 0);
    const auto [code, text]
        = runServerCommand({ "restore", "--from", backup.string(), "--data-dir", restored.string() });
    ASSERT_EQ(code, 0) << text;
    EXPECT_FALSE(fs::exists(work.path() / "restored.restoring"));
    // The next Stock event gets a position past the checkpoint, so Orders will hear it.
    EXPECT_GE(scalar(restored / "stock.db", "SELECT seq FROM sqlite_sequence WHERE name = 'events'"), lastStock + 50);
    // Only the owner may read what was restored.
    EXPECT_EQ(fs::status(restored / "users.db").permissions() & (fs::perms::group_all | fs::perms::others_all),
        fs::perms::none);
    EXPECT_EQ(fs::status(backup / "users.db").permissions() & (fs::perms::group_all | fs::perms::others_all),
        fs::perms::none);
}
