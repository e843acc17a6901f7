// The client core against a real server: the replica's safety rails and the sync engine's
// answers to each kind of trouble.
#include "client/src/catalog_csv.h"
#include "client_fixture.h"
#include "domain/barcode.h"

#include <gtest/gtest.h>

#include <QSqlQuery>

#include <fstream>

using nlohmann::json;
using namespace tosserp;
using tosserp::test::TempDir;
using tosserp::test::TestClient;
using tosserp::test::TestServer;

TEST(Replica, RefusesAFileThatIsNotAReplica)
{
    TempDir dir;
    const auto path = dir.path() / "notes.txt";
    std::ofstream(path) << "shopping list: milk, bread, eggs";
    EXPECT_THROW(client::Replica(QString::fromStdString(path.string())), client::ReplicaError);
}

TEST(Replica, RefusesAReplicaFromANewerVersion)
{
    TempDir dir;
    const auto path = QString::fromStdString((dir.path() / "r.db").string());
    {
        client::Replica replica(path);
        replica.setMeta("schema_version", "99");
    }
    try {
        client::Replica replica(path);
        FAIL() << "a newer replica was opened";
    } catch (const client::ReplicaError& e) {
        EXPECT_NE(std::string(e.what()).find("newer version"), std::string::npos) << e.what();
    }
}

TEST(Replica, PullsTheServerAndShowsLocalIntentUntilConfirmed)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    (void)warehouse;
    const auto product = server.makeProduct("A-1", "pcs", { "4006381333931" });
    server.receive(product, stock, 10);
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    auto report = client.engine.syncOnce();
    ASSERT_TRUE(report.error.empty()) << report.error;
    EXPECT_EQ(client.replica.count("products"), 1);
    EXPECT_EQ(client.replica.productByBarcode("4006381333931").value()["sku"], "A-1");
    EXPECT_EQ(client.replica.search("A-1", 10).size(), 1u);

    client.replica.enqueue(
        sync::CommandType::ShipStock, { { "product_id", product }, { "quantity", "3" }, { "location_id", stock } });
    auto levels = client.replica.levels(product);
    ASSERT_EQ(levels.size(), 1u);
    EXPECT_EQ(levels[0].serverMilli, 10000);
    EXPECT_EQ(levels[0].pendingMilli, -3000);
    report = client.engine.syncOnce();
    ASSERT_TRUE(report.error.empty()) << report.error;
    EXPECT_EQ(report.applied, 1);
    levels = client.replica.levels(product);
    EXPECT_EQ(levels[0].serverMilli, 7000);
    EXPECT_EQ(levels[0].pendingMilli, 0);
    EXPECT_TRUE(client.replica.outbox({ "pending", "acked" }).empty());
    EXPECT_EQ(client.replica.integrityCheck(), "ok");
}

TEST(Replica, ARefusedCommandIsKeptWithItsReasonAndStopsShowing)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    (void)warehouse;
    const auto product = server.makeProduct("A-1");
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    client.engine.syncOnce();
    client.replica.enqueue(
        sync::CommandType::ShipStock, { { "product_id", product }, { "quantity", "5" }, { "location_id", stock } });
    const auto report = client.engine.syncOnce();
    EXPECT_EQ(report.rejected, 1);
    const auto refused = client.replica.outbox({ "rejected" });
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_NE(refused[0].lastError.find("insufficient_stock"), std::string::npos);
    EXPECT_TRUE(client.replica.levels(product).empty() || client.replica.levels(product)[0].pendingMilli == 0);
}

TEST(Replica, AnExpiredSessionAsksForSignInAndKeepsTheOutbox)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    (void)warehouse;
    const auto product = server.makeProduct("A-1");
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    client.engine.syncOnce();
    client.replica.enqueue(
        sync::CommandType::ReceiveStock, { { "product_id", product }, { "quantity", "2" }, { "location_id", stock } });
    client.api.setTokens("expired.token.value", "not-a-refresh-token");
    const auto report = client.engine.syncOnce();
    EXPECT_EQ(report.action, sync::ClientAction::SignIn) << report.error;
    EXPECT_EQ(client.replica.outbox({ "pending" }).size(), 1u);
    ASSERT_EQ(client.api.login("admin", TestServer::kAdminPassword).status, 200);
    const auto again = client.engine.syncOnce();
    EXPECT_TRUE(again.error.empty()) << again.error;
    EXPECT_EQ(again.applied, 1);
}

TEST(Replica, ACursorTheServerRefusesStartsAFreshSnapshot)
{
    TestServer server;
    server.makeProduct("A-1");
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    client.engine.syncOnce();
    // Restored from another installation: the cursor names another server.
    client.replica.setMeta("cursor", sync::Cursor::tail("some-other-server", 3).encode());
    const auto report = client.engine.syncOnce();
    EXPECT_TRUE(report.error.empty()) << report.error;
    EXPECT_TRUE(report.resynced);
    EXPECT_EQ(client.replica.count("products"), 1);
    client.replica.setMeta("cursor", "garbage!");
    EXPECT_TRUE(client.engine.syncOnce().resynced);
}

TEST(Replica, ChecksumsProveTheReplicaAndRepairIt)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    (void)warehouse;
    server.receive(server.makeProduct("A-1"), stock, 4);
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    client.engine.syncOnce();
    client::SyncReport report;
    EXPECT_TRUE(client.engine.verify(report)) << report.error;
    EXPECT_FALSE(report.resynced);
    // Someone edited the file behind the replica's back.
    QSqlQuery(client.replica.database()).exec("UPDATE stock_levels SET quantity_milli = 999000");
    EXPECT_TRUE(client.engine.verify(report)) << report.error;
    EXPECT_TRUE(report.resynced);
    EXPECT_EQ(client.replica.levels()[0].serverMilli, 4000);
}

TEST(Replica, ConflictsAreKeptUntilAPersonChooses)
{
    TestServer server;
    const auto id = server.makeProduct("A-1");
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    client.engine.syncOnce();
    const auto mine = client.replica.product(id).value();
    client.replica.enqueue(sync::CommandType::UpdateProduct,
        { { "product_id", id }, { "base", { { "name", mine["name"] } } }, { "changes", { { "name", "Mine" } } } });
    EXPECT_EQ(client.replica.product(id).value()["name"], "Mine"); // shown at once
    server.patch("/api/v1/products/" + std::to_string(id), { { "name", "Theirs" } });
    const auto report = client.engine.syncOnce();
    EXPECT_EQ(report.conflicts, 1);
    auto open = client.replica.conflicts();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].field, "name");
    EXPECT_EQ(open[0].mine, "Mine");
    EXPECT_EQ(open[0].theirs, "Theirs");
    EXPECT_EQ(client.replica.product(id).value()["name"], "Theirs"); // server truth until resolved
    ASSERT_TRUE(client.replica.resolveConflict(open[0].id, true));
    EXPECT_TRUE(client.engine.syncOnce().error.empty());
    EXPECT_EQ(server.get("/api/v1/products/" + std::to_string(id)).json()["name"], "Mine");
    EXPECT_TRUE(client.replica.conflicts().empty());
    EXPECT_FALSE(client.replica.resolveConflict(open[0].id, false));
}

TEST(Replica, ASnapshotOverManyPagesBuildsItsIndexesOnceAndTheTailStillReplacesRows)
{
    TestServer server;
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 23; ++i) {
        const auto digits = std::to_string(400638133390 + i);
        ids.push_back(
            server.makeProduct("SNAP-" + std::to_string(i), "pcs", { domain::Barcode::withCheckDigit(digits) }));
    }
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    std::vector<int> seen;
    const auto report = client.engine.pull([&](int changes, const std::string&) { seen.push_back(changes); }, 4);
    ASSERT_TRUE(report.error.empty()) << report.error;
    EXPECT_GT(report.pages, 5); // several pages, each fetched while the one before was applied
    EXPECT_EQ(client.replica.count("products"), 23);
    EXPECT_EQ(client.replica.meta("search_index"), "ready");
    QSqlQuery indexes(client.replica.database());
    ASSERT_TRUE(indexes.exec("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('products_sku', "
                             "'products_name', 'product_barcodes_code', 'product_barcodes_product')"));
    ASSERT_TRUE(indexes.next());
    EXPECT_EQ(indexes.value(0).toInt(), 4);
    EXPECT_EQ(client.replica.search("SNAP-17", 10).size(), 1u);

    // The tail replaces a row, its barcodes and its search entry instead of adding a second.
    server.patch("/api/v1/products/" + std::to_string(ids[17]), { { "name", "Renamed in the tail" } });
    ASSERT_TRUE(client.engine.pull({}, 4).error.empty());
    EXPECT_EQ(client.replica.count("products"), 23);
    QSqlQuery barcodes(client.replica.database());
    ASSERT_TRUE(barcodes.exec("SELECT count(*), count(DISTINCT product_id) FROM product_barcodes"));
    ASSERT_TRUE(barcodes.next());
    EXPECT_EQ(barcodes.value(0).toInt(), 23);
    EXPECT_EQ(barcodes.value(1).toInt(), 23);
    EXPECT_EQ(client.replica.product(ids[17]).value()["name"], "Renamed in the tail");
    EXPECT_EQ(client.replica.search("Renamed in the tail", 10).size(), 1u);
    EXPECT_EQ(client.replica.search("SNAP-17", 10).size(), 1u);
    EXPECT_EQ(client.replica.integrityCheck(), "ok");
}

TEST(ApiClient, ReadsThePermissionsAnAccessTokenGrants)
{
    const auto part = [](const std::string& json) {
        return QByteArray::fromStdString(json)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            .toStdString();
    };
    const auto token = part(R"({"alg":"RS256"})") + "."
        + part(R"({"sub":"user:2","perms":["orders.read","payments.refund"]})") + ".c2lnbmF0dXJl";
    EXPECT_EQ(client::tokenPermissions(token), (std::vector<std::string> { "orders.read", "payments.refund" }));
    EXPECT_TRUE(client::tokenPermissions(part("{}") + "." + part(R"({"sub":"x"})") + ".s").empty());
    EXPECT_TRUE(client::tokenPermissions("not a token").empty());
    EXPECT_TRUE(client::tokenPermissions("a.%%%.b").empty());
    EXPECT_TRUE(client::tokenPermissions("").empty());
    // A real one from the server: the administrator's holds every permission.
    TestServer server;
    EXPECT_GT(client::tokenPermissions(server.adminToken()).size(), 10u);
}

TEST(ApiClient, APostWithAnIdempotencyKeyIsAppliedOnce)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    (void)warehouse;
    const auto product = server.makeProduct("A-1");
    client::ApiClient api(QString("http://127.0.0.1:%1").arg(server.port()));
    ASSERT_TRUE(api.login("admin", TestServer::kAdminPassword).ok());
    const json receipt { { "kind", "receipt" }, { "product_id", product }, { "quantity", 2 },
        { "to_location_id", stock } };
    EXPECT_EQ(api.post("/api/v1/stock/movements", receipt, "receipt-42").status, 201);
    EXPECT_EQ(api.post("/api/v1/stock/movements", receipt, "receipt-42").status, 201); // the first answer again
    EXPECT_EQ(server.get("/api/v1/stock/movements").json()["items"].size(), 1u);
    EXPECT_EQ(api.post("/api/v1/stock/movements", receipt).status, 201); // no key: a second receipt
    EXPECT_EQ(server.get("/api/v1/stock/movements").json()["items"].size(), 2u);
}

TEST(Replica, SearchFindsCodesByPrefixAndNamesByAnyPartMostTellingFirst)
{
    TestServer server;
    const auto add = [&](const std::string& sku, const std::string& name, const std::vector<std::string>& codes) {
        const auto reply = server.post("/api/v1/products",
            { { "sku", sku }, { "name", name }, { "unit", "pcs" },
                { "price", { { "amount", "1.00" }, { "currency", "EUR" } } }, { "barcodes", codes } });
        ASSERT_EQ(reply.status, 201) << reply.body;
    };
    add("TEA-1", "Green tea, loose", { "4006381333931" });
    add("CUP-20", "Tea cup", {});
    add("MUG-4711", "Mug 4711, blue", {});
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    ASSERT_TRUE(client.engine.syncOnce().error.empty());
    const auto skus = [&](const std::string& text, int limit = 10) {
        std::vector<std::string> out;
        for (const auto& row : client.replica.search(text, limit)) {
            out.push_back(row["sku"]);
        }
        return out;
    };
    // Prefixes of SKU (any case) and name come before a match inside a name.
    EXPECT_EQ(skus("tea"), (std::vector<std::string> { "TEA-1", "CUP-20" }));
    EXPECT_EQ(skus("tea", 1), (std::vector<std::string> { "TEA-1" }));
    EXPECT_EQ(skus("loose"), (std::vector<std::string> { "TEA-1" }));
    // Under three characters: prefixes only.
    EXPECT_EQ(skus("g"), (std::vector<std::string> { "TEA-1" }));
    EXPECT_EQ(skus("cu"), (std::vector<std::string> { "CUP-20" }));
    // A number: the start of a barcode, else anywhere in a name or SKU.
    EXPECT_EQ(skus("4006"), (std::vector<std::string> { "TEA-1" }));
    EXPECT_EQ(skus("4006381333931"), (std::vector<std::string> { "TEA-1" }));
    EXPECT_EQ(skus("4711"), (std::vector<std::string> { "MUG-4711" }));
    EXPECT_EQ(skus("3339"), (std::vector<std::string> { "TEA-1" })); // inside the barcode
    // Text FTS5 would read as syntax is only text.
    EXPECT_TRUE(skus("\"M8-S\" OR").empty());
    EXPECT_TRUE(skus("zebra").empty());
}

TEST(Replica, ACsvImportReadsWhatSpreadsheetsWriteAndStopsWhenTheServerIsGone)
{
    TestServer server;
    TempDir dir;
    TestClient client(server, dir, "admin", TestServer::kAdminPassword);
    const auto path = (dir.path() / "sheet.csv").string();
    {
        std::ofstream csv(path, std::ios::binary);
        // A byte order mark, CRLF line ends, a product that is not for sale yet.
        csv << "\xEF\xBB\xBFsku,name,price,active\r\nNEW-1,New tea,3.00,false\r\nNEW-2,Other tea,4.00,true\r\n";
    }
    std::vector<std::size_t> progress;
    const auto report
        = client::importProducts(client.api, path, [&](std::size_t done, std::size_t) { progress.push_back(done); });
    EXPECT_EQ(report.created, 2u);
    EXPECT_TRUE(report.rejected.empty()) << report.rejected.front();
    EXPECT_TRUE(report.stopped.empty());
    EXPECT_EQ(progress, (std::vector<std::size_t> { 1, 2 }));
    const auto items = server.get("/api/v1/products?q=NEW-").json()["items"];
    ASSERT_EQ(items.size(), 2u);
    for (const auto& item : items) {
        EXPECT_EQ(item["active"], item["sku"] == "NEW-2") << item;
    }

    // Nothing answers: the first row says so and the rest are not tried one by one.
    client::ApiClient gone("http://127.0.0.1:9");
    const auto offline = client::importProducts(gone, path, {});
    EXPECT_EQ(offline.created, 0u);
    EXPECT_TRUE(offline.rejected.empty());
    EXPECT_TRUE(offline.stopped.starts_with("line 2: the server cannot be reached")) << offline.stopped;

    // Not CSV at all, or no sku column: refused before anything is sent.
    {
        std::ofstream bad(path, std::ios::binary | std::ios::trunc);
        bad << "name,price\nTea,1.00\n";
    }
    EXPECT_THROW(client::importProducts(client.api, path, {}), client::CsvError);
    EXPECT_THROW(client::importProducts(client.api, (dir.path() / "missing.csv").string(), {}), client::CsvError);
}
