// The server side of replica sync over real HTTP: snapshot then tail, scope, cursors that
// must be refused, pushed commands applied once, per-field merges and conflicts, checksums
// and the live channel.
#include "test_server.h"

#include "sync/checksum.h"
#include "sync/cursor.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/WebSocket.h>

#include <gtest/gtest.h>

#include <map>
#include <random>

using nlohmann::json;
using tosserp::test::TestServer;

namespace {

/// A replica as plain maps: table → key → row; enough to check what the server sends.
struct Replica {
    std::map<std::string, std::map<std::string, json>> tables;
    std::string cursor;
    int pages = 0;

    /// Pulls until the server has nothing more; returns the number of changes applied.
    int pull(TestServer& server, const std::map<std::string, std::string>& headers = {}, int limit = 7)
    {
        int applied = 0;
        while (true) {
            auto path = "/api/v1/sync/changes?limit=" + std::to_string(limit);
            if (!cursor.empty()) {
                path += "&cursor=" + cursor;
            }
            const auto reply = server.request("GET", path, {}, headers);
            EXPECT_EQ(reply.status, 200) << reply.body;
            if (reply.status != 200) {
                return applied;
            }
            const auto page = reply.json();
            ++pages;
            for (const auto& change : page["changes"]) {
                auto& table = tables[change["table"].get<std::string>()];
                if (change["op"] == "delete") {
                    table.erase(change["key"].get<std::string>());
                } else {
                    table[change["key"].get<std::string>()] = change["row"];
                }
                ++applied;
            }
            cursor = page["next_cursor"].get<std::string>();
            if (!page["has_more"].get<bool>()) {
                return applied;
            }
        }
    }
};

json command(const std::string& type, const json& payload)
{
    static std::mt19937_64 rng(7);
    char id[40];
    std::snprintf(id, sizeof id, "%08x-%04x-4%03x-8%03x-%012llx", static_cast<unsigned>(rng()),
        static_cast<unsigned>(rng() & 0xffff), static_cast<unsigned>(rng() & 0xfff),
        static_cast<unsigned>(rng() & 0xfff), static_cast<unsigned long long>(rng() & 0xffffffffffffULL));
    return { { "id", id }, { "type", type }, { "payload", payload } };
}

json push(TestServer& server, const std::vector<json>& commands, const std::map<std::string, std::string>& headers = {})
{
    const auto reply = server.post("/api/v1/sync/push", { { "protocol", 1 }, { "commands", commands } }, headers);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json()["results"];
}

std::int64_t milli(const json& quantity)
{
    return static_cast<std::int64_t>(std::llround(quantity.get<double>() * 1000));
}

} // namespace

TEST(Sync, AFreshReplicaGetsASnapshotThenTheTail)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    std::vector<std::int64_t> products;
    for (int i = 0; i < 12; ++i) {
        products.push_back(server.makeProduct("P-" + std::to_string(i)));
        server.receive(products.back(), stock, i + 1);
    }
    Replica replica;
    replica.pull(server);
    EXPECT_GT(replica.pages, 3);
    EXPECT_EQ(replica.tables["products"].size(), 12u);
    EXPECT_EQ(replica.tables["warehouses"].size(), 1u);
    EXPECT_EQ(replica.tables["locations"].size(), 5u); // four virtual ones and STOCK
    EXPECT_EQ(replica.tables["stock_levels"].size(), 12u);
    EXPECT_EQ(replica.tables["stock_levels"][std::to_string(products[4]) + ":" + std::to_string(stock)]["quantity"], 5);

    // The tail: what changed after the snapshot, and nothing else.
    server.patch("/api/v1/products/" + std::to_string(products[0]), { { "name", "Renamed" } });
    server.post("/api/v1/stock/movements",
        { { "kind", "shipment" }, { "product_id", products[1] }, { "quantity", 2 }, { "from_location_id", stock } });
    const auto applied = replica.pull(server);
    EXPECT_EQ(applied, 2); // the renamed product and one stock level (customers are virtual)
    EXPECT_EQ(replica.tables["products"][std::to_string(products[0])]["name"], "Renamed");
    EXPECT_EQ(replica.tables["stock_levels"][std::to_string(products[1]) + ":" + std::to_string(stock)]["quantity"], 0);
    EXPECT_EQ(replica.pull(server), 0);
}

TEST(Sync, DeletesReachTheReplica)
{
    TestServer server;
    const auto id = server.makeProduct("GONE-1");
    Replica replica;
    replica.pull(server);
    ASSERT_EQ(replica.tables["products"].count(std::to_string(id)), 1u);
    ASSERT_EQ(server.del("/api/v1/products/" + std::to_string(id)).status, 204);
    replica.pull(server);
    EXPECT_EQ(replica.tables["products"].count(std::to_string(id)), 0u);
}

TEST(Sync, ScopeFollowsPermission)
{
    TestServer server;
    const auto [north, northStock] = server.makeWarehouse("NORTH");
    const auto [south, southStock] = server.makeWarehouse("SOUTH");
    (void)south;
    const auto product = server.makeProduct("A-1");
    server.receive(product, northStock, 3);
    server.receive(product, southStock, 4);
    const auto staff = server.actingAs("picker", { "warehouse_staff" }, { north });
    Replica replica;
    replica.pull(server, staff);
    EXPECT_EQ(replica.tables["warehouses"].size(), 1u);
    EXPECT_EQ(replica.tables["stock_levels"].size(), 1u);
    EXPECT_EQ(replica.tables["products"].size(), 1u);
    server.receive(product, southStock, 1);
    EXPECT_EQ(replica.pull(server, staff), 0);
    // A role without sync.use gets nothing.
    const auto finance = server.actingAs("counter", { "finance" });
    EXPECT_EQ(server.request("GET", "/api/v1/sync/changes", {}, finance).status, 403);
}

TEST(Sync, BadCursorsAndOldClientsAreToldWhatToDo)
{
    TestServer server;
    auto get = [&](const std::string& query, const std::map<std::string, std::string>& headers = {}) {
        return server.request("GET", "/api/v1/sync/changes?" + query, {}, headers);
    };
    const auto garbage = get("cursor=not-a-cursor");
    EXPECT_EQ(garbage.status, 400);
    EXPECT_EQ(garbage.code(), "invalid_cursor");
    EXPECT_EQ(garbage.json()["action"], "resync");
    auto stranger = tosserp::sync::Cursor::start("another-server", 0);
    const auto foreign = get("cursor=" + stranger.encode());
    EXPECT_EQ(foreign.status, 409);
    EXPECT_EQ(foreign.code(), "cursor_from_another_server");
    EXPECT_EQ(foreign.json()["action"], "resync");
    auto future = tosserp::sync::Cursor::start(server.runtime().sync().serverId(), 1'000'000);
    future.phase = tosserp::sync::Phase::Tail;
    future.table.clear();
    EXPECT_EQ(get("cursor=" + future.encode()).code(), "cursor_in_future");
    const auto old = get("", { { "X-Sync-Protocol", "0" } });
    EXPECT_EQ(old.status, 426);
    EXPECT_EQ(old.json()["action"], "upgrade");
    EXPECT_EQ(get("", { { "X-Sync-Protocol", "1" } }).status, 200);
}

TEST(Sync, PushedCommandsApplyOnceInOrder)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("A-1");
    const auto receive
        = command("ReceiveStock", { { "product_id", product }, { "quantity", 5 }, { "location_id", stock } });
    const auto ship = command("ShipStock", { { "sku", "A-1" }, { "quantity", 2 }, { "location_id", stock } });
    const auto tooMuch
        = command("ShipStock", { { "product_id", product }, { "quantity", 50 }, { "location_id", stock } });
    const auto results = push(server, { receive, ship, tooMuch });
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0]["status"], "applied");
    EXPECT_EQ(results[1]["status"], "applied");
    EXPECT_EQ(results[2]["status"], "rejected");
    EXPECT_EQ(results[2]["code"], "insufficient_stock");
    // The answer was lost; the client pushes the same commands again.
    const auto again = push(server, { receive, ship });
    EXPECT_EQ(again[0]["status"], "applied");
    EXPECT_EQ(again[1]["status"], "applied");
    const auto level = server.get("/api/v1/stock/levels?product_id=" + std::to_string(product)).json()["items"][0];
    EXPECT_EQ(level["on_hand"], 3);
    EXPECT_EQ(server.get("/api/v1/stock/movements").json()["items"].size(), 2u);
}

TEST(Sync, BadPushesAreRefusedWholeOrPerCommand)
{
    TestServer server;
    const auto [north, northStock] = server.makeWarehouse("NORTH");
    const auto [south, southStock] = server.makeWarehouse("SOUTH");
    (void)south;
    const auto product = server.makeProduct("A-1");
    const auto whole = server.post(
        "/api/v1/sync/push", { { "protocol", 1 }, { "commands", { { { "id", "x" }, { "type", "Teleport" } } } } });
    EXPECT_EQ(whole.status, 400);
    EXPECT_EQ(whole.json()["action"], "give_up");
    EXPECT_EQ(server.post("/api/v1/sync/push", { { "protocol", 1 }, { "commands", json::array() } }).status, 400);
    const auto staff = server.actingAs("picker", { "warehouse_staff" }, { north });
    const auto results = push(server,
        { command("ReceiveStock", { { "product_id", product }, { "quantity", 1 }, { "location_id", southStock } }),
            command("ReceiveStock", { { "product_id", product }, { "quantity", "x" }, { "location_id", northStock } }),
            command("ReceiveStock", { { "product_id", product }, { "quantity", 1 } }),
            command("UpdateProduct", { { "product_id", product }, { "changes", { { "name", "Mine" } } } }) },
        staff);
    EXPECT_EQ(results[0]["code"], "warehouse_out_of_scope");
    EXPECT_EQ(results[1]["code"], "invalid_quantity");
    EXPECT_EQ(results[2]["status"], "rejected");
    EXPECT_EQ(results[3]["code"], "forbidden");
    EXPECT_TRUE(server.get("/api/v1/stock/movements").json()["items"].empty());
}

TEST(Sync, ProductEditsMergePerFieldAndKeepConflicts)
{
    TestServer server;
    const auto id = server.makeProduct("A-1");
    const auto base = server.get("/api/v1/products/" + std::to_string(id)).json();
    // Someone edits the name on the server meanwhile.
    server.patch("/api/v1/products/" + std::to_string(id), { { "name", "Theirs" } });
    const auto results = push(server,
        { command("UpdateProduct",
            { { "product_id", id }, { "base_version", 1 },
                { "base", { { "name", base["name"] }, { "description", base["description"] } } },
                { "changes", { { "name", "Mine" }, { "description", "Mine too" } } } }) });
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0]["status"], "conflict");
    ASSERT_EQ(results[0]["conflicts"].size(), 1u);
    EXPECT_EQ(results[0]["conflicts"][0]["field"], "name");
    EXPECT_EQ(results[0]["conflicts"][0]["base"], base["name"]);
    EXPECT_EQ(results[0]["conflicts"][0]["mine"], "Mine");
    EXPECT_EQ(results[0]["conflicts"][0]["theirs"], "Theirs");
    const auto now = server.get("/api/v1/products/" + std::to_string(id)).json();
    EXPECT_EQ(now["name"], "Theirs"); // kept, not overwritten
    EXPECT_EQ(now["description"], "Mine too"); // the other field merged
    // Deleted meanwhile: the delete stands and the edit is reported.
    server.del("/api/v1/products/" + std::to_string(id));
    const auto late = push(server,
        { command("UpdateProduct",
            { { "product_id", id }, { "base", { { "name", "Theirs" } } },
                { "changes", { { "name", "Too late" } } } }) });
    EXPECT_EQ(late[0]["status"], "conflict");
    EXPECT_EQ(late[0]["code"], "product_deleted");
}

TEST(Sync, ProductEditsOfUnknownFieldsOrWrongTypesAreRefusedAndChangeNothing)
{
    TestServer server;
    const auto id = server.makeProduct("A-1");
    const auto before = server.get("/api/v1/products/" + std::to_string(id)).json();
    const auto results = push(server,
        { command("UpdateProduct",
              { { "product_id", id }, { "base", { { "name", before["name"] } } }, { "changes", { { "name", 5 } } } }),
            command("UpdateProduct", { { "product_id", id }, { "changes", { { "colour", "red" } } } }),
            command("UpdateProduct",
                { { "product_id", id }, { "base", { { "price", before["price"] } } },
                    { "changes", { { "price", { { "amount", "x" }, { "currency", "EUR" } } } } } }),
            command("UpdateProduct", { { "product_id", id }, { "changes", { { "barcodes", "4006381333931" } } } }),
            command("UpdateProduct",
                { { "product_id", id }, { "base", { { "description", before["description"] } } },
                    { "changes", { { "description", "Still fine" } } } }) });
    ASSERT_EQ(results.size(), 5u) << results.dump();
    EXPECT_EQ(results[0]["status"], "rejected");
    EXPECT_EQ(results[0]["field"], "changes.name");
    EXPECT_EQ(results[1]["status"], "rejected");
    EXPECT_EQ(results[1]["field"], "changes.colour");
    EXPECT_EQ(results[2]["status"], "rejected");
    EXPECT_NE(results[2]["field"].get<std::string>().find("price"), std::string::npos) << results[2];
    EXPECT_EQ(results[3]["status"], "rejected");
    EXPECT_EQ(results[3]["field"], "changes.barcodes");
    EXPECT_EQ(results[4]["status"], "applied"); // a bad command does not block the ones after it
    auto after = server.get("/api/v1/products/" + std::to_string(id)).json();
    EXPECT_EQ(after["description"], "Still fine");
    for (const auto* field : { "name", "price", "barcodes", "sku" }) {
        EXPECT_EQ(after[field], before[field]) << field;
    }
    EXPECT_EQ(after["version"], before["version"].get<int>() + 1);
}

TEST(Sync, ChecksumMatchesWhatTheReplicaHolds)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    const auto product = server.makeProduct("A-1");
    server.receive(product, stock, 7);
    server.put("/api/v1/stock/reorder-points",
        { { "product_id", product }, { "warehouse_id", warehouse }, { "min_quantity", 2 },
            { "reorder_quantity", 10 } });
    server.post("/api/v1/categories", { { "name", "Tea" } });
    Replica replica;
    replica.pull(server);
    const auto sums = server.get("/api/v1/sync/checksum").json()["tables"];
    using tosserp::sync::rowHash;
    using tosserp::sync::rowHash3;
    std::map<std::string, tosserp::sync::TableChecksum> mine;
    for (const auto& [key, row] : replica.tables["products"]) {
        mine["products"].add(rowHash(row["id"], row["version"]));
    }
    for (const auto& [key, row] : replica.tables["categories"]) {
        mine["categories"].add(rowHash(row["id"], row["version"]));
    }
    for (const auto& [key, row] : replica.tables["warehouses"]) {
        mine["warehouses"].add(rowHash(row["id"], row["version"]));
    }
    for (const auto& [key, row] : replica.tables["locations"]) {
        mine["locations"].add(rowHash(row["id"], row["active"].get<bool>() ? 2 : 1));
    }
    for (const auto& [key, row] : replica.tables["stock_levels"]) {
        mine["stock_levels"].add(rowHash3(row["product_id"], row["location_id"], milli(row["quantity"])));
    }
    for (const auto& [key, row] : replica.tables["reorder_points"]) {
        mine["reorder_points"].add(rowHash3(row["product_id"], row["warehouse_id"], milli(row["min_quantity"])));
    }
    for (const auto* table :
        { "products", "categories", "warehouses", "locations", "stock_levels", "reorder_points" }) {
        EXPECT_EQ(sums[table]["count"], mine[table].count) << table;
        EXPECT_EQ(sums[table]["sum"], mine[table].sum) << table;
    }
}

TEST(Sync, TheLiveChannelSaysNewChangesAtOnce)
{
    TestServer server;
    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET,
        "/api/v1/sync/live?access_token=" + server.adminToken(), Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse response;
    Poco::Net::WebSocket socket(session, request, response);
    socket.setReceiveTimeout(Poco::Timespan(5, 0));
    char buffer[512];
    int flags = 0;
    int n = socket.receiveFrame(buffer, sizeof buffer, flags);
    ASSERT_GT(n, 0);
    EXPECT_EQ(json::parse(std::string(buffer, static_cast<std::size_t>(n)))["type"], "hello");
    // An empty ping (as most WebSocket clients send) is answered, and the channel stays open.
    socket.sendFrame(
        nullptr, 0, static_cast<int>(Poco::Net::WebSocket::FRAME_FLAG_FIN) | Poco::Net::WebSocket::FRAME_OP_PING);
    n = socket.receiveFrame(buffer, sizeof buffer, flags);
    EXPECT_EQ(n, 0);
    EXPECT_EQ(flags & Poco::Net::WebSocket::FRAME_OP_BITMASK, Poco::Net::WebSocket::FRAME_OP_PONG);
    const auto started = std::chrono::steady_clock::now();
    server.makeProduct("LIVE-1");
    n = socket.receiveFrame(buffer, sizeof buffer, flags);
    ASSERT_GT(n, 0);
    const auto message = json::parse(std::string(buffer, static_cast<std::size_t>(n)));
    EXPECT_EQ(message["type"], "changes");
    EXPECT_GT(message["position"].get<std::int64_t>(), 0);
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
    socket.shutdown();
    // Without a token the upgrade is refused.
    Poco::Net::HTTPClientSession other("127.0.0.1", server.port());
    Poco::Net::HTTPRequest anonymous(
        Poco::Net::HTTPRequest::HTTP_GET, "/api/v1/sync/live", Poco::Net::HTTPMessage::HTTP_1_1);
    Poco::Net::HTTPResponse refused;
    EXPECT_THROW(Poco::Net::WebSocket(other, anonymous, refused), Poco::Exception);
    EXPECT_EQ(refused.getStatus(), 401);
    // An upgrade without the rest of the handshake is refused as such, before anything opens.
    const auto halfHandshake
        = server.request("GET", "/api/v1/sync/live", {}, { { "Upgrade", "websocket" }, { "Connection", "Upgrade" } });
    EXPECT_EQ(halfHandshake.status, 400) << halfHandshake.body;
    EXPECT_EQ(halfHandshake.code(), "bad_handshake");
    EXPECT_EQ(halfHandshake.header("sec-websocket-version"), "13");
    const auto notAnUpgrade = server.request("GET", "/api/v1/sync/live");
    EXPECT_EQ(notAnUpgrade.status, 426) << notAnUpgrade.body;
}
