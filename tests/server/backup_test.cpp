// tosserp-server backup and restore, run as the program: a backup taken while the server
// writes restores into a fresh data directory (and, when the suites run on PostgreSQL, fresh
// databases) whose projections agree with its events; bad commands and damaged backups are
// refused and change nothing.
#include "process.h"
#include "server/app/runtime.h"
#include "server/db/database.h"
#include "server/events/dispatcher.h"
#include "server/events/event_store.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using nlohmann::json;
using tosserp::test::PgDatabase;
using tosserp::test::runServerCommand;
using tosserp::test::TempDir;
using tosserp::test::TestServer;
using tosserp::test::testsUsePostgres;

namespace {

const std::vector<std::string> kPostgresDomains = { "stock", "users", "orders", "payments" };

std::int64_t scalar(const std::string& location, const std::string& sql)
{
    tosserp::db::Database db(location);
    return tosserp::test::scalar(db, sql);
}

/// The name of a domain's copy in a backup.
std::string backupName(const std::string& domain)
{
    return domain + (testsUsePostgres() && domain != "notifications" ? ".pgdump" : ".db");
}

/// Where databases go: a data directory and, when the suites run on PostgreSQL, a database of
/// its own per domain.
class Place {
public:
    /// With PostgreSQL, a database for each of `domains` (the others would be files).
    explicit Place(fs::path dir, const std::vector<std::string>& domains = kPostgresDomains)
        : m_dir(std::move(dir))
    {
        if (testsUsePostgres()) {
            for (const auto& domain : domains) {
                m_pg[domain] = std::make_unique<PgDatabase>();
            }
        }
    }
    const fs::path& dir() const { return m_dir; }
    /// Expects each PostgreSQL database here to hold nothing but the empty bookkeeping table a
    /// connection leaves (nothing restored into it, or all of it rolled back).
    void expectNothingRestored() const
    {
        for (const auto& [domain, database] : m_pg) {
            tosserp::db::Database opened(database->conninfo());
            EXPECT_EQ(opened.tableNames(), std::vector<std::string> { "schema_migrations" }) << domain;
        }
    }
    /// The file or connection string of `domain`'s database.
    std::string location(const std::string& domain) const
    {
        const auto pg = m_pg.find(domain);
        return pg != m_pg.end() ? pg->second->conninfo() : (m_dir / (domain + ".db")).string();
    }
    /// What a command needs to find these databases.
    std::vector<std::string> environment() const
    {
        std::vector<std::string> env;
        for (const auto& [domain, database] : m_pg) {
            std::string key = domain;
            std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::toupper(c); });
            env.push_back("TOSSERP_" + key + "_DATABASE=" + database->conninfo());
        }
        return env;
    }
    /// A configuration of a server that keeps its databases here.
    tosserp::ServerConfig config() const
    {
        tosserp::ServerConfig config;
        config.dataDir = m_dir.string();
        for (const auto& [domain, location] : config.databases()) {
            const auto pg = m_pg.find(domain);
            if (pg != m_pg.end()) {
                *location = pg->second->conninfo();
            }
        }
        return config;
    }

private:
    fs::path m_dir;
    std::map<std::string, std::unique_ptr<PgDatabase>> m_pg;
};

std::string serverLocation(TestServer& server, const std::string& domain)
{
    for (const auto& [name, location] : server.runtime().config().databases()) {
        if (name == domain && !location->empty()) {
            return *location;
        }
    }
    return (server.dataDir() / (domain + ".db")).string();
}

std::string serverId(const std::string& stock)
{
    tosserp::db::Database db(stock);
    return db.read([](tosserp::db::Connection& c) {
        auto& q = c.prepare("SELECT value FROM meta WHERE key = 'server_id'");
        const auto id = q.step() ? q.text(0) : std::string();
        q.reset();
        return id;
    });
}

std::string sha256Of(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        static const char* const digits = "0123456789abcdef";
        hex += digits[digest[i] >> 4];
        hex += digits[digest[i] & 15];
    }
    return hex;
}

/// `tosserp-server backup` of `dataDir` (its PostgreSQL databases named in `env`) into `to`;
/// fails the test unless it succeeds.
void backUp(const fs::path& dataDir, const fs::path& to, const std::vector<std::string>& env = {})
{
    const auto [code, text] = runServerCommand({ "backup", "--data-dir", dataDir.string(), "--to", to.string() }, env);
    ASSERT_EQ(code, 0) << text;
}

/// Whether only its owner may read or write `path`.
bool ownerOnly(const fs::path& path)
{
    return (fs::status(path).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none;
}

/// Creates and migrates the databases `config` names, as a server's first start does.
void createDatabases(tosserp::ServerConfig config)
{
    config.host = "127.0.0.1";
    config.port = 0;
    config.accessLog = false;
    config.adminPassword = TestServer::kAdminPassword;
    config.paymentSimulator = TOSSERP_PAYMENT_SIM_BIN;
    tosserp::Runtime runtime(config);
}

/// Rewrites the manifest's size and SHA-256 of `name` to match the file as it is now, as a
/// backup damaged before its manifest was written would have them.
void refreshManifest(const fs::path& backup, const std::string& name)
{
    json manifest;
    {
        std::ifstream in(backup / "manifest.json");
        manifest = json::parse(in);
    }
    for (auto& file : manifest["files"]) {
        if (file["name"] == name) {
            file["bytes"] = fs::file_size(backup / name);
            file["sha256"] = sha256Of(backup / name);
        }
    }
    std::ofstream(backup / "manifest.json") << manifest.dump(2);
}

} // namespace

TEST(Backup, ABackupTakenWhileTheServerWritesRestoresIntoAnEmptyDirectoryThatAgreesWithItsEvents)
{
    TestServer server;
    const auto shelf = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("BK-1");
    server.receive(product, shelf, 100);
    server.makeUser("packer", { "warehouse_staff" });
    TempDir work;
    const auto backup = work.path() / "backup";
    const Place restored(work.path() / "restored");

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
    const auto [code, text] = runServerCommand(
        { "backup", "--data-dir", server.dataDir().string(), "--to", backup.string() }, server.commandEnvironment());
    writing = false;
    writer.join();
    ASSERT_EQ(code, 0) << text;
    EXPECT_NE(text.find(backupName("stock") + ":"), std::string::npos) << text;
    std::ifstream in(backup / "manifest.json");
    const auto manifest = json::parse(in);
    EXPECT_EQ(manifest["files"].size(), 6u) << manifest; // five databases and the signing key
    EXPECT_EQ(manifest["format"], 1);
    for (const auto& domain : { "stock", "users", "orders", "payments", "notifications" }) {
        const auto copy = backup / backupName(domain);
        ASSERT_TRUE(fs::exists(copy)) << copy;
        EXPECT_TRUE(ownerOnly(copy)) << copy;
    }
    // Every file and folder of the backup is its owner's alone.
    for (const auto& entry : fs::recursive_directory_iterator(backup)) {
        EXPECT_TRUE(ownerOnly(entry.path())) << entry.path();
    }
    EXPECT_TRUE(ownerOnly(backup));

    const auto [restoreCode, restoreText] = runServerCommand(
        { "restore", "--from", backup.string(), "--data-dir", restored.dir().string() }, restored.environment());
    ASSERT_EQ(restoreCode, 0) << restoreText;
    EXPECT_NE(restoreText.find("projections agree with the events"), std::string::npos) << restoreText;
    // What the backup caught: the product, the accounts, and a stock level that is the sum of
    // the receipts it holds (one consistent snapshot, however busy the writer was).
    const auto stock = restored.location("stock");
    EXPECT_EQ(scalar(stock, "SELECT count(*) FROM products WHERE sku = 'BK-1'"), 1);
    EXPECT_EQ(scalar(restored.location("users"), "SELECT count(*) FROM users WHERE username = 'packer'"), 1);
    const auto receipts = scalar(stock, "SELECT count(*) FROM stock_movements");
    EXPECT_GE(receipts, 21);
    EXPECT_EQ(scalar(stock, "SELECT quantity_milli FROM stock_levels WHERE location_id = " + std::to_string(shelf)),
        (100 + receipts - 1) * 1000);
    // A new sync identity: replicas whose cursor points into the lost history start afresh.
    EXPECT_NE(serverId(stock), serverId(serverLocation(server, "stock")));
    EXPECT_EQ(serverId(stock).size(), 32u);
    // The signing key comes back readable by its owner only: tokens signed before stay valid.
    const auto key = restored.dir() / "keys" / "token-signing.pem";
    EXPECT_TRUE(fs::exists(key));
    EXPECT_EQ(fs::status(key).permissions() & fs::perms::others_read, fs::perms::none);
    // The restored databases serve: replay finds the projections equal to the events.
    const auto [replayCode, replayText]
        = runServerCommand({ "replay", "--dry-run", "--data-dir", restored.dir().string() }, restored.environment());
    EXPECT_EQ(replayCode, 0) << replayText;
}

TEST(Backup, BadCommandsAndDamagedBackupsAreRefusedAndChangeNothing)
{
    TestServer server;
    server.makeProduct("BK-2");
    TempDir work;
    const auto backup = work.path() / "backup";
    const auto data = server.dataDir().string();
    const auto env = server.commandEnvironment();
    ASSERT_NO_FATAL_FAILURE(backUp(data, backup, env));

    // Usage: no target, a target that is not empty, a data directory without databases.
    EXPECT_EQ(runServerCommand({ "backup", "--data-dir", data }, env).first, 64);
    const auto [again, againText] = runServerCommand({ "backup", "--data-dir", data, "--to", backup.string() }, env);
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
    const auto [busy, busyText] = runServerCommand({ "restore", "--from", backup.string(), "--data-dir", data }, env);
    EXPECT_EQ(busy, 64);
    EXPECT_NE(busyText.find("is not empty"), std::string::npos) << busyText;

    // A damaged copy: one byte changed, then a file cut short. Nothing is restored.
    const Place target(work.path() / "r2");
    const auto restoreInto = [&](const fs::path& from) {
        return runServerCommand(
            { "restore", "--from", from.string(), "--data-dir", target.dir().string() }, target.environment());
    };
    const auto untouched = [&] {
        EXPECT_TRUE(!fs::exists(target.dir()) || fs::is_empty(target.dir()));
        target.expectNothingRestored();
    };
    const auto orders = backupName("orders");
    const auto damaged = work.path() / "damaged";
    fs::copy(backup, damaged);
    {
        std::fstream file(damaged / orders, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(fs::file_size(damaged / orders) / 2));
        file.put('\x5a');
    }
    const auto [bad, badText] = restoreInto(damaged);
    EXPECT_EQ(bad, 65);
    EXPECT_NE(badText.find(orders + " does not match the manifest"), std::string::npos) << badText;
    untouched();
    const auto cut = work.path() / "cut";
    fs::copy(backup, cut);
    fs::resize_file(cut / orders, fs::file_size(cut / orders) / 2);
    const auto [cutCode, cutText] = restoreInto(cut);
    EXPECT_EQ(cutCode, 65);
    EXPECT_NE(cutText.find(orders + " does not match the manifest"), std::string::npos) << cutText;
    untouched();
    // Cut short before the manifest was written (its sums match): the file's own check finds it.
    refreshManifest(cut, orders);
    const auto [shortCode, shortText] = restoreInto(cut);
    EXPECT_EQ(shortCode, 65);
    EXPECT_NE(shortText.find(orders + ": "), std::string::npos) << shortText;
    untouched();
    // A manifest this version does not read.
    std::ofstream(damaged / "manifest.json") << "{\"format\": 99, \"files\": []}";
    EXPECT_EQ(restoreInto(damaged).first, 64);
    untouched();
}

TEST(Backup, AConsumerCopiedAfterItsSourceStillHearsTheSourcesNewEventsAfterARestore)
{
    // The databases are copied one after another: here Orders' checkpoint on Stock's events
    // is 50 past the last event the copy of the Stock database holds, as if stock events had
    // been committed and handled between the two copies.
    TempDir work;
    const Place data(work.path() / "data");
    std::int64_t lastStock = 0;
    createDatabases(data.config());
    {
        tosserp::db::Database stock(data.location("stock"));
        lastStock = stock.read([](tosserp::db::Connection& c) { return tosserp::events::EventStore::lastPosition(c); });
        tosserp::db::Database orders(data.location("orders"));
        orders.write([&](tosserp::db::Connection& c) {
            tosserp::events::Checkpoints::advance(c, "orders.stock", lastStock + 50);
        });
    }
    const auto backup = work.path() / "backup";
    const Place restored(work.path() / "restored");
    ASSERT_NO_FATAL_FAILURE(backUp(data.dir(), backup, data.environment()));
    const auto [code, text] = runServerCommand(
        { "restore", "--from", backup.string(), "--data-dir", restored.dir().string() }, restored.environment());
    ASSERT_EQ(code, 0) << text;
    EXPECT_FALSE(fs::exists(work.path() / "restored.restoring"));
    // The next Stock event gets a position past the checkpoint, so Orders will hear it.
    tosserp::db::Database stock(restored.location("stock"));
    const auto next = stock.write([](tosserp::db::Connection& c) {
        return tosserp::events::EventStore::append(c, "test-1", "test.recorded", json::object(), {}).position;
    });
    EXPECT_GT(next, lastStock + 50);
    // Only the owner may read what was restored.
    EXPECT_TRUE(ownerOnly(restored.dir() / "notifications.db"));
    EXPECT_TRUE(ownerOnly(backup / "notifications.db"));
}

TEST(Backup, AServicesOwnBackupRestoresAloneAndChecksWhatItHolds)
{
    // A split deployment's services each keep one domain: their backups hold only that one.
    TestServer server;
    const auto shelf = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("BK-5");
    server.receive(product, shelf, 7);
    TempDir work;
    const auto full = work.path() / "full";
    ASSERT_NO_FATAL_FAILURE(backUp(server.dataDir(), full, server.commandEnvironment()));
    for (const std::string domain : { "orders", "stock" }) {
        // The service's data: its domain's database alone (a file copied from the full backup,
        // or its PostgreSQL database).
        const auto serviceDir = work.path() / (domain + "-data");
        fs::create_directories(serviceDir);
        std::vector<std::string> serviceEnv;
        if (testsUsePostgres()) {
            for (const auto& setting : server.commandEnvironment()) {
                if (setting.rfind("TOSSERP_" + std::string(domain == "orders" ? "ORDERS" : "STOCK"), 0) == 0) {
                    serviceEnv.push_back(setting);
                }
            }
        } else {
            fs::copy_file(full / (domain + ".db"), serviceDir / (domain + ".db"));
        }
        const auto backup = work.path() / (domain + "-backup");
        ASSERT_NO_FATAL_FAILURE(backUp(serviceDir, backup, serviceEnv));
        std::ifstream in(backup / "manifest.json");
        EXPECT_EQ(json::parse(in)["files"].size(), 1u);

        const Place target(work.path() / (domain + "-restored"), { domain });
        const auto [code, text] = runServerCommand(
            { "restore", "--from", backup.string(), "--data-dir", target.dir().string() }, target.environment());
        EXPECT_EQ(code, 0) << text;
        if (domain == "orders") {
            // Its catalog copy comes from the Stock domain's events, which are elsewhere.
            EXPECT_NE(text.find("orders: not checked here"), std::string::npos) << text;
            EXPECT_EQ(text.find("stock /"), std::string::npos) << text;
        } else {
            EXPECT_NE(text.find("stock / stock_levels: "), std::string::npos) << text;
            EXPECT_NE(text.find("projections agree with the events"), std::string::npos) << text;
            EXPECT_EQ(scalar(target.location("stock"),
                          "SELECT quantity_milli FROM stock_levels WHERE location_id = " + std::to_string(shelf)),
                7000);
        }
        EXPECT_FALSE(fs::exists(target.dir() / "payments.db"));
    }
}

/// A server on PostgreSQL databases with one product, and a backup of it.
class BackupOnPostgres : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!testsUsePostgres()) {
            GTEST_SKIP() << "runs with the PostgreSQL suites (TOSSERP_TEST_STORAGE=pg)";
        }
        server = std::make_unique<TestServer>();
        server->makeProduct("BK-3");
        ASSERT_NO_FATAL_FAILURE(backUp(server->dataDir(), backup, server->commandEnvironment()));
    }

    std::unique_ptr<TestServer> server;
    TempDir work;
    const fs::path backup = work.path() / "backup";
};

TEST_F(BackupOnPostgres, ARestoreGoesBackToTheKindOfDatabaseItCameFromAndOnlyIntoEmptyOnes)
{

    // PostgreSQL archives need PostgreSQL databases to go into.
    const auto [fileCode, fileText]
        = runServerCommand({ "restore", "--from", backup.string(), "--data-dir", (work.path() / "r1").string() });
    EXPECT_EQ(fileCode, 64);
    EXPECT_NE(fileText.find("set stock_database to a new, empty PostgreSQL database"), std::string::npos) << fileText;
    EXPECT_FALSE(fs::exists(work.path() / "r1"));

    // The server's own databases are in use.
    const auto [usedCode, usedText]
        = runServerCommand({ "restore", "--from", backup.string(), "--data-dir", (work.path() / "r2").string() },
            server->commandEnvironment());
    EXPECT_EQ(usedCode, 64);
    EXPECT_NE(usedText.find("is not empty"), std::string::npos) << usedText;
    EXPECT_EQ(scalar(serverLocation(*server, "stock"), "SELECT count(*) FROM products WHERE sku = 'BK-3'"), 1);

    // A backup of SQLite files does not go into PostgreSQL databases.
    const auto files = work.path() / "files";
    tosserp::ServerConfig sqlite;
    sqlite.dataDir = (work.path() / "sqlite").string();
    createDatabases(sqlite);
    ASSERT_NO_FATAL_FAILURE(backUp(sqlite.dataDir, files));
    const Place fresh(work.path() / "r3");
    const auto [kindCode, kindText] = runServerCommand(
        { "restore", "--from", files.string(), "--data-dir", fresh.dir().string() }, fresh.environment());
    EXPECT_EQ(kindCode, 64);
    EXPECT_NE(kindText.find("stock_database names a PostgreSQL database"), std::string::npos) << kindText;
}

TEST_F(BackupOnPostgres, ARestoreThatFailsPartWayEmptiesTheDatabasesItFilled)
{
    // The Payments database, restored last, refuses to create indexes: Stock, Users and
    // Orders are restored by then.
    const Place target(work.path() / "restored");
    {
        tosserp::db::Database payments(target.location("payments"));
        payments.write([](tosserp::db::Connection& c) {
            c.execScript("CREATE FUNCTION refuse_indexes() RETURNS event_trigger LANGUAGE plpgsql AS "
                         "'BEGIN RAISE EXCEPTION ''no indexes in this database''; END';"
                         "CREATE EVENT TRIGGER refuse_indexes ON ddl_command_start WHEN TAG IN ('CREATE INDEX') "
                         "EXECUTE FUNCTION refuse_indexes();");
        });
    }
    const auto [code, text] = runServerCommand(
        { "restore", "--from", backup.string(), "--data-dir", target.dir().string() }, target.environment());
    EXPECT_EQ(code, 70) << text;
    EXPECT_NE(text.find("no indexes in this database"), std::string::npos) << text;
    EXPECT_NE(text.find("nothing restored"), std::string::npos) << text;
    target.expectNothingRestored();
    EXPECT_FALSE(fs::exists(target.dir()));
    EXPECT_FALSE(fs::exists(work.path() / "restored.restoring"));
}
