// The stock ledger over HTTP: warehouses, locations, movements, levels, reservations and
// reorder points.
#include "test_server.h"

#include <gtest/gtest.h>

#include <random>

using nlohmann::json;
using tosserp::test::TestServer;

namespace {

constexpr std::int64_t kSuppliers = 1;
constexpr std::int64_t kCustomers = 2;

json onHand(TestServer& server, std::int64_t productId, const std::string& extra = "")
{
    const auto items
        = server.get("/api/v1/stock/levels?product_id=" + std::to_string(productId) + extra).json()["items"];
    return items;
}

json levelAt(TestServer& server, std::int64_t productId, std::int64_t locationId)
{
    for (const auto& item : onHand(server, productId, "&group_by=location")) {
        if (item["location_id"] == locationId) {
            return item["on_hand"];
        }
    }
    return 0;
}

} // namespace

TEST(Stock, RefusesBadMovementsAndChangesNothing)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("A-1");
    server.receive(product, stock, 5);
    struct Case {
        json body;
        int status;
        std::string code;
        std::string field;
    };
    const std::vector<Case> cases = {
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", 0 }, { "to_location_id", stock } }, 422,
            "invalid_quantity", "quantity" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", -2 }, { "to_location_id", stock } }, 422,
            "invalid_quantity", "quantity" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1.5 }, { "to_location_id", stock } }, 422,
            "invalid_quantity_precision", "quantity" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", "abc" }, { "to_location_id", stock } }, 422,
            "invalid_quantity", "quantity" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", true }, { "to_location_id", stock } }, 400,
            "invalid_request", "quantity" },
        { { { "kind", "teleport" }, { "product_id", product }, { "quantity", 1 }, { "to_location_id", stock } }, 422,
            "invalid_kind", "kind" },
        { { { "kind", "receipt" }, { "sku", "NOPE" }, { "quantity", 1 }, { "to_location_id", stock } }, 422,
            "unknown_sku", "sku" },
        { { { "kind", "receipt" }, { "product_id", 999 }, { "quantity", 1 }, { "to_location_id", stock } }, 422,
            "product_not_found", "product_id" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 }, { "to_location_id", 999 } }, 422,
            "location_not_found", "to_location_id" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 } }, 422, "required", "to_location_id" },
        { { { "kind", "shipment" }, { "product_id", product }, { "quantity", 6 }, { "from_location_id", stock } }, 422,
            "insufficient_stock", "quantity" },
        { { { "kind", "transfer" }, { "product_id", product }, { "quantity", 1 }, { "from_location_id", stock },
              { "to_location_id", stock } },
            422, "same_location", "to_location_id" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 }, { "from_location_id", kCustomers },
              { "to_location_id", stock } },
            422, "invalid_movement_route", "" },
        { { { "kind", "adjustment" }, { "product_id", product }, { "quantity", -1 }, { "location_id", stock } }, 422,
            "reason_required", "reason" },
        { { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 }, { "to_location_id", stock },
              { "colour", "red" } },
            400, "invalid_request", "colour" },
        { { { "kind", "receipt" }, { "product_id", product }, { "sku", "A-1" }, { "quantity", 1 },
              { "to_location_id", stock } },
            422, "ambiguous_product", "sku" },
    };
    for (const auto& c : cases) {
        const auto reply = server.post("/api/v1/stock/movements", c.body);
        EXPECT_EQ(reply.status, c.status) << c.body.dump() << " → " << reply.body;
        EXPECT_EQ(reply.code(), c.code) << c.body.dump();
        const auto errors = reply.json().value("errors", json::array());
        EXPECT_EQ(errors.empty() ? "" : errors[0]["field"].get<std::string>(), c.field) << c.body.dump();
    }
    EXPECT_EQ(levelAt(server, product, stock), 5);
    EXPECT_EQ(server.get("/api/v1/stock/movements").json()["items"].size(), 1u);
}

TEST(Stock, DoubleEntryRoutesKeepEveryLevelRight)
{
    TestServer server;
    const auto [main, mainStock] = server.makeWarehouse("MAIN");
    const auto [east, eastStock] = server.makeWarehouse("EAST");
    const auto shelf
        = server.post("/api/v1/locations", { { "warehouse_id", main }, { "code", "A-01" }, { "name", "Aisle" } })
              .json()["id"]
              .get<std::int64_t>();
    const auto product = server.makeProduct("A-1");
    server.receive(product, mainStock, 10);
    auto move = [&](const json& body) {
        const auto reply = server.post("/api/v1/stock/movements", body);
        EXPECT_EQ(reply.status, 201) << body.dump() << " → " << reply.body;
        return reply.json()["movements"][0];
    };
    move({ { "kind", "transfer" }, { "sku", "A-1" }, { "quantity", 4 }, { "from_location_id", mainStock },
        { "to_location_id", shelf } });
    move({ { "kind", "transfer" }, { "product_id", product }, { "quantity", 3 }, { "from_location_id", shelf },
        { "to_location_id", eastStock } });
    const auto shipped = move(
        { { "kind", "shipment" }, { "product_id", product }, { "quantity", "2" }, { "from_location_id", eastStock } });
    EXPECT_EQ(shipped["to_location_id"], kCustomers);
    const auto lost = move({ { "kind", "adjustment" }, { "product_id", product }, { "quantity", -1 },
        { "location_id", mainStock }, { "reason", "broken" } });
    EXPECT_EQ(lost["reason"], "broken");
    EXPECT_EQ(levelAt(server, product, mainStock), 5);
    EXPECT_EQ(levelAt(server, product, shelf), 1);
    EXPECT_EQ(levelAt(server, product, eastStock), 1);
    const auto byWarehouse = onHand(server, product);
    ASSERT_EQ(byWarehouse.size(), 2u);
    EXPECT_EQ(byWarehouse[0]["warehouse_id"], main);
    EXPECT_EQ(byWarehouse[0]["on_hand"], 6);
    EXPECT_EQ(byWarehouse[1]["warehouse_id"], east);
    EXPECT_EQ(byWarehouse[1]["on_hand"], 1);
    const auto history = server.get("/api/v1/products/" + std::to_string(product) + "/movements").json()["items"];
    ASSERT_EQ(history.size(), 5u);
    EXPECT_EQ(history[0]["from_location_id"], kSuppliers);
    EXPECT_EQ(history[0]["kind"], "receipt");
}

TEST(Stock, CountsAdjustToTheCountedQuantity)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("A-1");
    server.receive(product, stock, 10);
    auto count = [&](json counted, const json& extra = json::object()) {
        json body
            = { { "kind", "count" }, { "product_id", product }, { "quantity", counted }, { "location_id", stock } };
        for (const auto& [k, v] : extra.items()) {
            body[k] = v;
        }
        const auto reply = server.post("/api/v1/stock/movements", body);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return reply.json()["movements"][0];
    };
    const auto less = count(7);
    EXPECT_EQ(less["quantity"], 3);
    EXPECT_EQ(less["to_location_id"], 3);
    EXPECT_EQ(levelAt(server, product, stock), 7);
    const auto same = count(7);
    EXPECT_TRUE(same["id"].is_null());
    EXPECT_EQ(same["quantity"], 0);
    // Counted 7 against a snapshot of 7 while 2 were sold meanwhile: the sale stands.
    server.post("/api/v1/stock/movements",
        { { "kind", "shipment" }, { "product_id", product }, { "quantity", 2 }, { "from_location_id", stock } });
    const auto offline = count(7, { { "snapshot_quantity", 7 } });
    EXPECT_TRUE(offline["id"].is_null());
    EXPECT_EQ(levelAt(server, product, stock), 5);
    EXPECT_EQ(server
                  .post("/api/v1/stock/movements",
                      { { "kind", "count" }, { "product_id", product }, { "quantity", -1 }, { "location_id", stock } })
                  .code(),
        "invalid_quantity");
}

TEST(Stock, IdempotencyKeyAppliesARetryOnceAndAnswersTheSame)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("A-1");
    const json body
        = { { "kind", "receipt" }, { "product_id", product }, { "quantity", 4 }, { "to_location_id", stock } };
    const std::map<std::string, std::string> key = { { "Idempotency-Key", "receipt-0001" } };
    const auto first = server.post("/api/v1/stock/movements", body, key);
    ASSERT_EQ(first.status, 201);
    const auto retry = server.post("/api/v1/stock/movements", body, key);
    EXPECT_EQ(retry.status, 201);
    EXPECT_EQ(retry.json(), first.json());
    EXPECT_EQ(retry.header("idempotent-replayed"), "true");
    EXPECT_EQ(levelAt(server, product, stock), 4);
    json other = body;
    other["quantity"] = 5;
    const auto reused = server.post("/api/v1/stock/movements", other, key);
    EXPECT_EQ(reused.status, 422);
    EXPECT_EQ(reused.code(), "idempotency_key_reused");
    EXPECT_EQ(levelAt(server, product, stock), 4);
    EXPECT_EQ(
        server.post("/api/v1/stock/movements", body, { { "Idempotency-Key", std::string(201, 'k') } }).status, 400);
}

TEST(Stock, ABatchIsAllOrNothing)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("A-1");
    json movements = json::array();
    for (int i = 0; i < 10; ++i) {
        movements.push_back(
            { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 }, { "to_location_id", stock } });
    }
    movements.push_back(
        { { "kind", "shipment" }, { "product_id", product }, { "quantity", 50 }, { "from_location_id", stock } });
    const auto refused = server.post("/api/v1/stock/movements", { { "movements", movements } });
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.code(), "insufficient_stock");
    EXPECT_EQ(refused.json()["errors"][0]["field"], "movements[10].quantity");
    EXPECT_EQ(levelAt(server, product, stock), 0);
    EXPECT_TRUE(server.get("/api/v1/stock/movements").json()["items"].empty());
    EXPECT_TRUE(server.get("/api/v1/events?type=StockMoved").json()["items"].empty());
    movements.erase(movements.end() - 1);
    const auto accepted = server.post("/api/v1/stock/movements", { { "movements", movements } });
    ASSERT_EQ(accepted.status, 201);
    EXPECT_EQ(accepted.json()["movements"].size(), 10u);
    EXPECT_EQ(levelAt(server, product, stock), 10);
    EXPECT_EQ(server.post("/api/v1/stock/movements", { { "movements", json::array() } }).code(), "empty_batch");
    json tooMany = json::array();
    for (int i = 0; i < 1001; ++i) {
        tooMany.push_back(movements[0]);
    }
    EXPECT_EQ(server.post("/api/v1/stock/movements", { { "movements", tooMany } }).code(), "batch_too_large");
}

TEST(Stock, LedgerSumsMatchLevelsAfterRandomMovements)
{
    TestServer server;
    const auto [main, a] = server.makeWarehouse("MAIN");
    const auto [east, b] = server.makeWarehouse("EAST");
    (void)main;
    (void)east;
    std::vector<std::int64_t> products { server.makeProduct("P-1"), server.makeProduct("P-2"),
        server.makeProduct("P-3", "kg") };
    std::vector<std::int64_t> shelves { a, b };
    std::mt19937 rng(20261125);
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> expected;
    for (int i = 0; i < 300; ++i) {
        const auto product = products[rng() % products.size()];
        const auto from = shelves[rng() % 2];
        const auto to = shelves[(rng() % 2)];
        const int qty = 1 + static_cast<int>(rng() % 5);
        json body;
        switch (rng() % 3) {
        case 0:
            body = { { "kind", "receipt" }, { "product_id", product }, { "quantity", qty }, { "to_location_id", to } };
            break;
        case 1:
            body = { { "kind", "shipment" }, { "product_id", product }, { "quantity", qty },
                { "from_location_id", from } };
            break;
        default:
            body = { { "kind", "transfer" }, { "product_id", product }, { "quantity", qty },
                { "from_location_id", from }, { "to_location_id", to } };
        }
        const auto reply = server.post("/api/v1/stock/movements", body);
        if (reply.status != 201) {
            // Refusals are the policy at work (no negative stock, no move to itself).
            EXPECT_TRUE(reply.code() == "insufficient_stock" || reply.code() == "same_location") << reply.body;
            continue;
        }
        const auto m = reply.json()["movements"][0];
        expected[{ product, m["from_location_id"].get<std::int64_t>() }] -= qty;
        expected[{ product, m["to_location_id"].get<std::int64_t>() }] += qty;
    }
    for (const auto product : products) {
        for (const auto shelf : shelves) {
            const auto want = expected[{ product, shelf }];
            EXPECT_GE(want, 0);
            EXPECT_EQ(levelAt(server, product, shelf), want) << product << "@" << shelf;
        }
    }
}

TEST(Stock, ReservationsReduceAvailableAndReorderPointsFlagLowStock)
{
    TestServer server;
    const auto [warehouse, stock] = server.makeWarehouse("MAIN");
    const auto product = server.makeProduct("A-1");
    server.receive(product, stock, 10);
    const auto point = server.put("/api/v1/stock/reorder-points",
        { { "product_id", product }, { "warehouse_id", warehouse }, { "min_quantity", 8 },
            { "reorder_quantity", 20 } });
    ASSERT_EQ(point.status, 200) << point.body;
    EXPECT_TRUE(server.get("/api/v1/stock/levels?below_reorder=true").json()["items"].empty());
    const auto reservation = server.post("/api/v1/stock/reservations",
        { { "product_id", product }, { "warehouse_id", warehouse }, { "quantity", 3 }, { "reference", "SO-1" } });
    ASSERT_EQ(reservation.status, 201) << reservation.body;
    const auto level = onHand(server, product)[0];
    EXPECT_EQ(level["on_hand"], 10);
    EXPECT_EQ(level["reserved"], 3);
    EXPECT_EQ(level["available"], 7);
    EXPECT_EQ(level["below_reorder"], true);
    const auto low = server.get("/api/v1/stock/levels?below_reorder=true").json()["items"];
    ASSERT_EQ(low.size(), 1u);
    EXPECT_EQ(low[0]["sku"], "A-1");
    const auto tooMuch = server.post("/api/v1/stock/reservations",
        { { "product_id", product }, { "warehouse_id", warehouse }, { "quantity", 8 }, { "reference", "SO-2" } });
    EXPECT_EQ(tooMuch.status, 422);
    EXPECT_EQ(tooMuch.code(), "insufficient_stock");
    const auto id = reservation.json()["id"].get<std::int64_t>();
    const auto path = "/api/v1/stock/reservations/" + std::to_string(id) + "/release";
    EXPECT_EQ(server.request("POST", path).status, 200);
    EXPECT_EQ(server.request("POST", path).code(), "reservation_not_active");
    EXPECT_EQ(onHand(server, product)[0]["available"], 10);
}

TEST(Stock, WarehousesAndLocations)
{
    TestServer server;
    const auto created = server.post("/api/v1/warehouses", { { "code", "north-1" }, { "name", "North" } });
    ASSERT_EQ(created.status, 201);
    EXPECT_EQ(created.json()["code"], "NORTH-1");
    EXPECT_EQ(server.post("/api/v1/warehouses", { { "code", "NORTH-1" }, { "name", "Again" } }).code(),
        "duplicate_warehouse_code");
    EXPECT_EQ(server.post("/api/v1/warehouses", { { "code", "no spaces" }, { "name", "X" } }).code(),
        "invalid_warehouse_code");
    const auto id = created.json()["id"].get<std::int64_t>();
    EXPECT_EQ(
        server.post("/api/v1/locations", { { "warehouse_id", id }, { "code", "STOCK" }, { "name", "Dup" } }).code(),
        "duplicate_location_code");
    EXPECT_EQ(server
                  .post("/api/v1/locations",
                      { { "warehouse_id", id }, { "code", "C" }, { "name", "X" }, { "kind", "customer" } })
                  .code(),
        "invalid_location_kind");
    EXPECT_EQ(
        server.post("/api/v1/locations", { { "warehouse_id", 77 }, { "code", "C" }, { "name", "X" } }).status, 422);
    EXPECT_EQ(server.patch("/api/v1/locations/1", { { "name", "Vendors" } }).code(), "virtual_location");
    const auto off = server.patch("/api/v1/warehouses/" + std::to_string(id), { { "active", false } });
    EXPECT_EQ(off.json()["active"], false);
    EXPECT_EQ(off.json()["version"], 2);
    // An inactive location takes no stock.
    const auto stock = server.get("/api/v1/locations?warehouse_id=" + std::to_string(id)).json()["items"][0]["id"];
    server.patch("/api/v1/locations/" + std::to_string(stock.get<std::int64_t>()), { { "active", false } });
    const auto product = server.makeProduct("A-1");
    const auto refused = server.post("/api/v1/stock/movements",
        { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 }, { "to_location_id", stock } });
    EXPECT_EQ(refused.code(), "location_inactive");
}

TEST(Stock, AuditTrailRecordsWhoAndWhatWithFilters)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("A-1");
    server.receive(product, stock, 2);
    const auto all = server.get("/api/v1/events").json()["items"];
    ASSERT_EQ(all.size(), 4u); // warehouse, its location, the product, the movement
    EXPECT_EQ(all[0]["type"], "WarehouseCreated");
    EXPECT_EQ(all[3]["type"], "StockMoved");
    EXPECT_EQ(all[3]["stream_id"], "product-" + std::to_string(product));
    EXPECT_EQ(all[3]["payload"]["quantity"], 2);
    EXPECT_FALSE(all[3]["correlation_id"].get<std::string>().empty());
    EXPECT_EQ(server.get("/api/v1/events?type=StockMoved").json()["items"].size(), 1u);
    EXPECT_EQ(server.get("/api/v1/events?stream_id=product-" + std::to_string(product)).json()["items"].size(), 2u);
    const auto page = server.get("/api/v1/events?limit=3").json();
    EXPECT_EQ(page["items"].size(), 3u);
    const auto rest = server.get("/api/v1/events?cursor=" + page["next_cursor"].get<std::string>()).json();
    EXPECT_EQ(rest["items"].size(), 1u);
    EXPECT_EQ(server.get("/api/v1/events?from=yesterday").code(), "invalid_query");
    EXPECT_TRUE(server.get("/api/v1/events?from=2999-01-01T00:00:00Z").json()["items"].empty());
}

TEST(Stock, AProductWithStockCannotBeDeletedButItsHistoryOutlivesIt)
{
    TestServer server;
    const auto stock = server.makeWarehouse("MAIN").second;
    const auto product = server.makeProduct("A-1");
    server.receive(product, stock, 2);
    const auto path = "/api/v1/products/" + std::to_string(product);
    const auto refused = server.del(path);
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.code(), "product_in_stock");
    ASSERT_EQ(
        server
            .post("/api/v1/stock/movements",
                { { "kind", "shipment" }, { "product_id", product }, { "quantity", 2 }, { "from_location_id", stock } })
            .status,
        201);
    EXPECT_EQ(server.del(path).status, 204);
    const auto history = server.get(path + "/movements").json()["items"];
    ASSERT_EQ(history.size(), 2u);
    EXPECT_TRUE(history[0].contains("occurred_at"));
    EXPECT_FALSE(history[0].contains("occurred_at_ms"));
    EXPECT_EQ(server.get("/api/v1/products/999/movements").status, 404);
    EXPECT_EQ(server.get("/api/v1/stock/levels?group_by=location&below_reorder=true").code(), "invalid_query");
    EXPECT_EQ(server.get("/api/v1/stock/levels?group_by=shelf").code(), "invalid_query");
    EXPECT_EQ(server.get("/api/v1/stock/levels?group_by=warehouse&location_id=" + std::to_string(stock)).code(),
        "invalid_query");
    EXPECT_EQ(server.get("/api/v1/stock/levels?location_id=abc").code(), "invalid_query");
    server.receive(server.makeProduct("B-1"), stock, 3);
    const auto atStock = server.get("/api/v1/stock/levels?location_id=" + std::to_string(stock)).json()["items"];
    ASSERT_FALSE(atStock.empty());
    for (const auto& item : atStock) {
        EXPECT_EQ(item["location_id"], stock);
    }
    EXPECT_TRUE(server.get("/api/v1/stock/levels?location_id=999999").json()["items"].empty());
}
