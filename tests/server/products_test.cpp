// The catalog over HTTP: products and categories, their validation, versions and audit trail.
#include "test_server.h"

#include <gtest/gtest.h>

#include <set>

using nlohmann::json;
using tosserp::test::TestServer;

namespace {

json product(const std::string& sku, const json& extra = json::object())
{
    json body = { { "sku", sku }, { "name", "Product " + sku },
        { "price", { { "amount", "2.50" }, { "currency", "EUR" } } } };
    for (const auto& [k, v] : extra.items()) {
        body[k] = v;
    }
    return body;
}

std::string firstField(const tosserp::test::Reply& reply)
{
    const auto j = reply.json();
    if (!j.contains("errors") || j["errors"].empty()) {
        return {};
    }
    return j["errors"][0]["field"].get<std::string>();
}

} // namespace

TEST(Products, RefusesEachInvalidFieldWithItsName)
{
    TestServer server;
    struct Case {
        json body;
        int status;
        std::string code;
        std::string field;
    };
    const std::vector<Case> cases = {
        { product("bad sku"), 422, "invalid_sku", "sku" },
        { product("A-1", { { "name", "" } }), 422, "required", "name" },
        { product("A-1", { { "name", std::string(201, 'n') } }), 422, "too_long", "name" },
        { product("A-1", { { "price", { { "amount", "1.234" }, { "currency", "EUR" } } } }), 422,
            "invalid_amount_precision", "price.amount" },
        { product("A-1", { { "price", { { "amount", "-1" }, { "currency", "EUR" } } } }), 422, "negative_price",
            "price.amount" },
        { product("A-1", { { "price", { { "amount", "1" }, { "currency", "XXX" } } } }), 422, "unknown_currency",
            "price.currency" },
        { product("A-1", { { "unit", "parsec" } }), 422, "unknown_unit", "unit" },
        { product("A-1", { { "barcodes", { "4006381333932" } } }), 422, "invalid_barcode_check_digit", "barcodes[0]" },
        { product("A-1", { { "barcodes", { "4006381333931", "4006381333931" } } }), 422, "duplicate_barcode",
            "barcodes[1]" },
        { product("A-1", { { "category_id", 99 } }), 422, "category_not_found", "category_id" },
        { product("A-1", { { "sku", 12 } }), 400, "invalid_request", "sku" },
        { product("A-1", { { "name", json::array() } }), 400, "invalid_request", "name" },
        { product("A-1", { { "barcodes", "4006381333931" } }), 400, "invalid_request", "barcodes" },
        { product("A-1", { { "category_id", "1" } }), 400, "invalid_request", "category_id" },
        { product("A-1", { { "colour", "red" } }), 400, "invalid_request", "colour" },
        { json { { "name", "No SKU" }, { "price", { { "amount", "1" }, { "currency", "EUR" } } } }, 400,
            "invalid_request", "sku" },
        { json { { "sku", "A-1" }, { "name", "No price" } }, 400, "invalid_request", "price" },
        { json::array({ 1, 2 }), 400, "invalid_request", "" },
    };
    for (const auto& c : cases) {
        const auto reply = server.post("/api/v1/products", c.body);
        EXPECT_EQ(reply.status, c.status) << c.body.dump() << " → " << reply.body;
        EXPECT_EQ(reply.code(), c.code) << c.body.dump();
        EXPECT_EQ(firstField(reply), c.field) << c.body.dump();
        EXPECT_EQ(reply.header("content-type"), "application/problem+json");
    }
    EXPECT_TRUE(server.get("/api/v1/products").json()["items"].empty());
    EXPECT_TRUE(server.get("/api/v1/events").json()["items"].empty());
}

TEST(Products, DuplicateSkuOrBarcodeIsAConflict)
{
    TestServer server;
    ASSERT_EQ(server.post("/api/v1/products", product("A-1", { { "barcodes", { "4006381333931" } } })).status, 201);
    const auto sameSku = server.post("/api/v1/products", product("A-1"));
    EXPECT_EQ(sameSku.status, 409);
    EXPECT_EQ(sameSku.code(), "duplicate_sku");
    const auto sameBarcode = server.post("/api/v1/products", product("B-2", { { "barcodes", { "4006381333931" } } }));
    EXPECT_EQ(sameBarcode.status, 409);
    EXPECT_EQ(sameBarcode.code(), "duplicate_barcode");
    EXPECT_EQ(firstField(sameBarcode), "barcodes[0]");
    EXPECT_EQ(server.get("/api/v1/products").json()["items"].size(), 1u);
}

TEST(Products, CreateReadAndTheShapeOfAProduct)
{
    TestServer server;
    const auto created = server.post("/api/v1/products",
        product("TEA-1",
            { { "barcodes", { "4006381333931", "96385074", "INT-77" } }, { "unit", "kg" },
                { "description", "Loose leaf.\nSecond line." } }));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.header("etag"), "\"1\"");
    const auto id = created.json()["id"].get<std::int64_t>();
    EXPECT_EQ(created.header("location"), "/api/v1/products/" + std::to_string(id));
    const auto read = server.get("/api/v1/products/" + std::to_string(id)).json();
    EXPECT_EQ(read["sku"], "TEA-1");
    EXPECT_EQ(read["unit"], "kg");
    EXPECT_EQ(read["price"]["amount"], "2.50");
    EXPECT_EQ(read["price"]["currency"], "EUR");
    EXPECT_EQ(read["barcodes"][0]["symbology"], "ean13");
    EXPECT_EQ(read["barcodes"][1]["symbology"], "ean8");
    EXPECT_EQ(read["barcodes"][2]["symbology"], "internal");
    EXPECT_EQ(read["version"], 1);
    EXPECT_EQ(read["active"], true);
    EXPECT_EQ(read["description"], "Loose leaf.\nSecond line.");
}

TEST(Products, StaleIfMatchIs412AndChangesNothing)
{
    TestServer server;
    const auto id = server.makeProduct("A-1");
    const auto path = "/api/v1/products/" + std::to_string(id);
    const auto first = server.patch(path, { { "name", "Renamed" } }, { { "If-Match", "\"1\"" } });
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.header("etag"), "\"2\"");
    const auto stale = server.patch(path, { { "name", "Lost update" } }, { { "If-Match", "\"1\"" } });
    EXPECT_EQ(stale.status, 412);
    EXPECT_EQ(stale.code(), "version_mismatch");
    EXPECT_EQ(server.get(path).json()["name"], "Renamed");
    EXPECT_EQ(server.patch(path, { { "name", "X" } }, { { "If-Match", "garbage" } }).status, 400);
    const auto staleDelete = server.del(path, { { "If-Match", "\"1\"" } });
    EXPECT_EQ(staleDelete.status, 412);
    EXPECT_EQ(server.get(path).status, 200);
}

TEST(Products, PatchChangesOnlyTheGivenFieldsAndBumpsTheVersionOnce)
{
    TestServer server;
    const auto id = server.makeProduct("A-1");
    const auto path = "/api/v1/products/" + std::to_string(id);
    const auto reply = server.patch(path, { { "price", { { "amount", "3.10" } } }, { "active", false } });
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto p = reply.json();
    EXPECT_EQ(p["price"]["amount"], "3.10");
    EXPECT_EQ(p["price"]["currency"], "EUR");
    EXPECT_EQ(p["active"], false);
    EXPECT_EQ(p["name"], "Product A-1");
    EXPECT_EQ(p["version"], 2);
    // Nothing changed: no new version, no new event.
    const auto same = server.patch(path, { { "active", false } });
    EXPECT_EQ(same.json()["version"], 2);
    const auto invalid = server.patch(path, { { "sku", "no spaces allowed" } });
    EXPECT_EQ(invalid.status, 422);
    EXPECT_EQ(server.get(path).json()["sku"], "A-1");
    const auto events = server.get(path + "/events").json()["items"];
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0]["type"], "ProductCreated");
    EXPECT_EQ(events[1]["type"], "ProductUpdated");
    EXPECT_EQ(events[1]["payload"]["changed"], json({ "price", "active" }));
    EXPECT_EQ(events[1]["stream_version"], 2);
}

TEST(Products, SoftDeleteHidesTheProductAndFreesItsSku)
{
    TestServer server;
    const auto id = server.makeProduct("A-1", "pcs", { "4006381333931" });
    const auto path = "/api/v1/products/" + std::to_string(id);
    EXPECT_EQ(server.del(path).status, 204);
    EXPECT_EQ(server.get(path).status, 404);
    EXPECT_EQ(server.del(path).status, 404);
    EXPECT_TRUE(server.get("/api/v1/products").json()["items"].empty());
    EXPECT_EQ(server.post("/api/v1/products", product("A-1", { { "barcodes", { "4006381333931" } } })).status, 201);
    // The audit trail of the deleted product stays readable.
    const auto events = server.get(path + "/events").json()["items"];
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1]["type"], "ProductDeleted");
}

TEST(Products, KeysetPaginationVisitsEveryProductOnce)
{
    TestServer server;
    for (int i = 0; i < 23; ++i) {
        server.makeProduct("P-" + std::to_string(i));
    }
    std::set<std::int64_t> seen;
    std::string cursor;
    int pages = 0;
    while (true) {
        const auto page = server.get("/api/v1/products?limit=5" + (cursor.empty() ? "" : "&cursor=" + cursor)).json();
        ++pages;
        for (const auto& item : page["items"]) {
            EXPECT_TRUE(seen.insert(item["id"].get<std::int64_t>()).second);
        }
        if (page["next_cursor"].is_null()) {
            break;
        }
        cursor = page["next_cursor"].get<std::string>();
        // A product added mid-walk does not shift what comes next.
        if (pages == 2) {
            server.makeProduct("LATE-1");
        }
    }
    EXPECT_EQ(seen.size(), 24u);
    EXPECT_EQ(pages, 5);
}

TEST(Products, SearchBySkuBarcodeOrNameAndFilterByCategory)
{
    TestServer server;
    const auto drinks = server.post("/api/v1/categories", { { "name", "Drinks" } }).json()["id"].get<std::int64_t>();
    const auto tea = server.post("/api/v1/categories", { { "name", "Tea" }, { "parent_id", drinks } })
                         .json()["id"]
                         .get<std::int64_t>();
    server.post("/api/v1/products", product("GRN-1", { { "name", "Green tea" }, { "category_id", tea } }));
    server.post("/api/v1/products", product("BLK-1", { { "name", "Black tea" }, { "barcodes", { "96385074" } } }));
    server.post("/api/v1/products", product("CUP-1", { { "name", "Cup 100% porcelain" } }));
    auto names = [&](const std::string& query) {
        std::set<std::string> out;
        const auto page = server.get("/api/v1/products?" + query).json();
        for (const auto& item : page["items"]) {
            out.insert(item["sku"].get<std::string>());
        }
        return out;
    };
    EXPECT_EQ(names("q=tea"), (std::set<std::string> { "GRN-1", "BLK-1" }));
    EXPECT_EQ(names("q=GRN"), (std::set<std::string> { "GRN-1" }));
    EXPECT_EQ(names("q=96385074"), (std::set<std::string> { "BLK-1" }));
    EXPECT_EQ(names("q=100%25"), (std::set<std::string> { "CUP-1" }));
    EXPECT_EQ(names("q=%25"), (std::set<std::string> { "CUP-1" })); // a literal %, not a wildcard
    EXPECT_EQ(names("q=' OR 1=1 --"), (std::set<std::string> {}));
    EXPECT_EQ(names("category_id=" + std::to_string(drinks)), (std::set<std::string> { "GRN-1" }));
    EXPECT_EQ(names("category_id=" + std::to_string(tea)), (std::set<std::string> { "GRN-1" }));
    server.patch("/api/v1/products/1", { { "active", false } });
    EXPECT_EQ(names("active=true"), (std::set<std::string> { "BLK-1", "CUP-1" }));
    EXPECT_EQ(names("active=false"), (std::set<std::string> { "GRN-1" }));
}

TEST(Products, InjectionAttemptsAreStoredAsPlainText)
{
    TestServer server;
    const std::string evil = "Robert'); DROP TABLE products;-- \"}{";
    const auto reply
        = server.post("/api/v1/products", product("SAFE-1", { { "name", evil }, { "description", evil } }));
    ASSERT_EQ(reply.status, 201) << reply.body;
    const auto read = server.get("/api/v1/products/" + std::to_string(reply.json()["id"].get<std::int64_t>())).json();
    EXPECT_EQ(read["name"], evil);
    EXPECT_EQ(server.get("/api/v1/products").json()["items"].size(), 1u);
}

TEST(Categories, TreeRulesAndDeletion)
{
    TestServer server;
    const auto root = server.post("/api/v1/categories", { { "name", "Root" } }).json()["id"].get<std::int64_t>();
    const auto child = server.post("/api/v1/categories", { { "name", "Child" }, { "parent_id", root } })
                           .json()["id"]
                           .get<std::int64_t>();
    const auto cycle = server.patch("/api/v1/categories/" + std::to_string(root), { { "parent_id", child } });
    EXPECT_EQ(cycle.status, 409);
    EXPECT_EQ(cycle.code(), "category_cycle");
    const auto self = server.patch("/api/v1/categories/" + std::to_string(root), { { "parent_id", root } });
    EXPECT_EQ(self.code(), "category_cycle");
    EXPECT_EQ(server.post("/api/v1/categories", { { "name", "X" }, { "parent_id", 999 } }).status, 422);
    EXPECT_EQ(server.patch("/api/v1/categories/" + std::to_string(child), { { "parent_id", 999 } }).status, 422);
    EXPECT_EQ(server.del("/api/v1/categories/" + std::to_string(child), { { "If-Match", "\"7\"" } }).status, 412);
    const auto inUse = server.del("/api/v1/categories/" + std::to_string(root));
    EXPECT_EQ(inUse.status, 409);
    EXPECT_EQ(inUse.code(), "category_in_use");
    EXPECT_EQ(server.del("/api/v1/categories/" + std::to_string(child)).status, 204);
    EXPECT_EQ(server.del("/api/v1/categories/" + std::to_string(root)).status, 204);
    EXPECT_TRUE(server.get("/api/v1/categories").json()["items"].empty());
}
