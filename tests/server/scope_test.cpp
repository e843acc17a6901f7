// Warehouse scopes and policies: staff work only in their warehouses, large adjustments need
// a manager, users change only their own profile.
#include "test_server.h"

#include <gtest/gtest.h>

using nlohmann::json;
using tosserp::test::TestServer;

TEST(Scope, StaffMoveAndSeeStockOnlyInTheirWarehouses)
{
    TestServer server;
    const auto [north, northStock] = server.makeWarehouse("NORTH");
    const auto [south, southStock] = server.makeWarehouse("SOUTH");
    const auto product = server.makeProduct("A-1");
    server.receive(product, northStock, 10);
    server.receive(product, southStock, 10);
    const auto staff = server.actingAs("picker", { "warehouse_staff" }, { north });

    auto move = [&](std::int64_t location) {
        return server.post("/api/v1/stock/movements",
            { { "kind", "shipment" }, { "product_id", product }, { "quantity", 1 }, { "from_location_id", location } },
            staff);
    };
    EXPECT_EQ(move(northStock).status, 201);
    const auto outside = move(southStock);
    EXPECT_EQ(outside.status, 403);
    EXPECT_EQ(outside.code(), "warehouse_out_of_scope");
    const auto transfer = server.post("/api/v1/stock/movements",
        { { "kind", "transfer" }, { "product_id", product }, { "quantity", 1 }, { "from_location_id", northStock },
            { "to_location_id", southStock } },
        staff);
    EXPECT_EQ(transfer.code(), "warehouse_out_of_scope");

    const auto levels = server.request("GET", "/api/v1/stock/levels", {}, staff).json()["items"];
    ASSERT_EQ(levels.size(), 1u);
    EXPECT_EQ(levels[0]["warehouse_id"], north);
    EXPECT_EQ(levels[0]["on_hand"], 9);
    const auto warehouses = server.request("GET", "/api/v1/warehouses", {}, staff).json()["items"];
    ASSERT_EQ(warehouses.size(), 1u);
    EXPECT_EQ(server.request("GET", "/api/v1/warehouses/" + std::to_string(south), {}, staff).code(),
        "warehouse_out_of_scope");
    for (const auto& m : server.request("GET", "/api/v1/stock/movements", {}, staff).json()["items"]) {
        EXPECT_TRUE(m["from_location_id"] == northStock || m["to_location_id"] == northStock) << m.dump();
    }
    const auto reserve = server.post("/api/v1/stock/reservations",
        { { "product_id", product }, { "warehouse_id", south }, { "quantity", 1 }, { "reference", "SO-9" } }, staff);
    EXPECT_EQ(reserve.code(), "warehouse_out_of_scope");
    // What the refusals left: the south warehouse still holds its 10.
    const auto south10 = server.get("/api/v1/stock/levels?warehouse_id=" + std::to_string(south)).json()["items"];
    EXPECT_EQ(south10[0]["on_hand"], 10);
}

TEST(Scope, LargeAdjustmentsNeedAManager)
{
    tosserp::ServerConfig config;
    config.adjustLimit = 5;
    TestServer server(config);
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    const auto product = server.makeProduct("A-1");
    server.receive(product, stock, 50);
    const auto staff = server.actingAs("picker", { "warehouse_staff" }, { warehouse });
    const auto manager = server.actingAs("boss", { "warehouse_manager" }, { warehouse });
    auto adjust = [&](int quantity, const std::map<std::string, std::string>& who) {
        return server.post("/api/v1/stock/movements",
            { { "kind", "adjustment" }, { "product_id", product }, { "quantity", quantity }, { "location_id", stock },
                { "reason", "damaged" } },
            who);
    };
    EXPECT_EQ(adjust(-5, staff).status, 201);
    const auto large = adjust(-6, staff);
    EXPECT_EQ(large.status, 403);
    EXPECT_EQ(large.code(), "approval_required");
    EXPECT_EQ(adjust(-6, manager).status, 201);
    const auto sales = server.actingAs("seller", { "sales" });
    EXPECT_EQ(adjust(1, sales).status, 403);
    const auto levels = server.get("/api/v1/stock/levels?product_id=" + std::to_string(product)).json()["items"];
    EXPECT_EQ(levels[0]["on_hand"], 39);
    // The movement records who made it.
    const auto last = server.get("/api/v1/events?type=StockMoved").json()["items"].back();
    EXPECT_EQ(last["actor"], "user:3");
}

TEST(Scope, UsersChangeOnlyTheirOwnProfile)
{
    TestServer server;
    const auto aliceId = server.makeUser("alice", { "sales" });
    const auto alice = std::map<std::string, std::string> { { "Authorization",
        "Bearer " + server.login("alice", TestServer::kUserPassword) } };
    const auto renamed = server.patch("/api/v1/me", { { "display_name", "Alice A." } }, alice);
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(renamed.json()["display_name"], "Alice A.");
    EXPECT_EQ(server.patch("/api/v1/me", { { "roles", { "administrator" } } }, alice).status, 400);
    EXPECT_EQ(server.patch("/api/v1/users/1", { { "display_name", "Pwned" } }, alice).status, 403);
    EXPECT_EQ(server.request("GET", "/api/v1/users/1", {}, alice).status, 403);
    EXPECT_EQ(server.post("/api/v1/users/1/password", { { "password", "a brand new passphrase" } }, alice).status, 403);
    const auto wrong = server.post("/api/v1/me/password",
        { { "current_password", "not my password" }, { "new_password", "fresh passphrase 2" } }, alice);
    EXPECT_EQ(wrong.status, 403);
    EXPECT_EQ(wrong.code(), "wrong_password");
    const auto weak = server.post("/api/v1/me/password",
        { { "current_password", TestServer::kUserPassword }, { "new_password", "password123" } }, alice);
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(weak.code(), "password_too_common");
    const auto changed = server.post("/api/v1/me/password",
        { { "current_password", TestServer::kUserPassword }, { "new_password", "fresh passphrase 2" } }, alice);
    EXPECT_EQ(changed.status, 204) << changed.body;
    // The old session ended with the old password; the new password works.
    EXPECT_EQ(server.request("GET", "/api/v1/me", {}, alice).status, 401);
    EXPECT_FALSE(server.login("alice", "fresh passphrase 2").empty());
    EXPECT_EQ(server.get("/api/v1/users/" + std::to_string(aliceId)).json()["display_name"], "Alice A.");
}

TEST(Scope, TheLastAdministratorStays)
{
    TestServer server;
    const auto demoted = server.patch("/api/v1/users/1", { { "roles", { "auditor" } } });
    EXPECT_EQ(demoted.status, 409);
    EXPECT_EQ(demoted.code(), "last_administrator");
    EXPECT_EQ(server.patch("/api/v1/users/1", { { "active", false } }).code(), "cannot_disable_self");
    EXPECT_EQ(server.get("/api/v1/users/1").json()["roles"], json({ "administrator" }));
}
