// The order saga on the embedded default: Orders, Stock and Payments talking only through
// their events, with the simulated payment provider as a real process.
#include "process.h"
#include "server/core/ids.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

using nlohmann::json;
using tosserp::test::Reply;
using tosserp::test::TestServer;

namespace {

using Simulator = tosserp::test::PaymentSimulatorProcess;

tosserp::ServerConfig withProvider(const std::string& url, long long timeoutSeconds = 600)
{
    tosserp::ServerConfig config;
    config.paymentProvider = url;
    config.paymentTimeoutSeconds = timeoutSeconds;
    return config;
}

/// A shop: one warehouse with `onHand` pieces of one product (9.99 EUR) and one customer.
struct Shop {
    explicit Shop(TestServer& s, int onHand = 10)
        : server(s)
    {
        std::tie(warehouse, shelf) = server.makeWarehouse("MAIN");
        product = server.makeProduct("TEA-1");
        if (onHand > 0) {
            server.receive(product, shelf, onHand);
        }
        const auto created
            = server.post("/api/v1/customers", { { "name", "Ada Lovelace" }, { "email", "ada@example.com" } });
        EXPECT_EQ(created.status, 201) << created.body;
        customer = created.json()["id"].get<std::int64_t>();
        // Orders price lines from their own copy of the catalog, filled from Stock's events.
        EXPECT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    }

    json draft(int quantity, int taxRate = 1900, const std::map<std::string, std::string>& headers = {})
    {
        const auto reply = server.post("/api/v1/orders",
            { { "customer_id", customer }, { "warehouse_id", warehouse }, { "tax_rate", taxRate },
                { "lines", { { { "product_id", product }, { "quantity", quantity } } } } },
            headers);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return reply.json();
    }

    json place(std::int64_t order)
    {
        const auto reply = server.post("/api/v1/orders/" + std::to_string(order) + "/place", json::object());
        EXPECT_EQ(reply.status, 200) << reply.body;
        return reply.json();
    }

    /// The order once the saga has run as far as it can.
    json settled(std::int64_t order)
    {
        EXPECT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(20)));
        return server.get("/api/v1/orders/" + std::to_string(order)).json();
    }

    json level() { return server.get("/api/v1/stock/levels?product_id=" + std::to_string(product)).json()["items"][0]; }

    json paymentOf(std::int64_t order)
    {
        const auto items = server.get("/api/v1/payments?order_id=" + std::to_string(order)).json()["items"];
        return items.empty() ? json()
                             : server.get("/api/v1/payments/" + std::to_string(items[0]["id"].get<int>())).json();
    }

    TestServer& server;
    std::int64_t warehouse = 0;
    std::int64_t shelf = 0;
    std::int64_t product = 0;
    std::int64_t customer = 0;
};

TEST(Orders, APlacedOrderIsReservedPaidAndShippedThroughTheSaga)
{
    TestServer server;
    Shop shop(server);
    const auto draft = shop.draft(2);
    EXPECT_EQ(draft["state"], "draft");
    EXPECT_EQ(draft["lines"][0]["unit_price"], (json { { "amount", "9.99" }, { "currency", "EUR" } }));
    EXPECT_EQ(draft["totals"]["net"]["amount"], "19.98");
    EXPECT_EQ(draft["totals"]["taxes"][0]["tax"]["amount"], "3.80"); // 3.7962
    EXPECT_EQ(draft["totals"]["gross"]["amount"], "23.78");
    const auto id = draft["id"].get<std::int64_t>();
    EXPECT_EQ(shop.place(id)["state"], "placed");

    const auto paid = shop.settled(id);
    EXPECT_EQ(paid["state"], "paid") << paid;
    EXPECT_EQ(shop.level()["reserved"], 2);
    EXPECT_EQ(shop.level()["available"], 8);
    const auto payment = shop.paymentOf(id);
    EXPECT_EQ(payment["state"], "captured");
    EXPECT_EQ(payment["captured"]["amount"], "23.78");
    ASSERT_EQ(payment["ledger"].size(), 1u);
    EXPECT_EQ(payment["ledger"][0],
        (json { { "kind", "capture" }, { "debit", "provider" }, { "credit", "sales" },
            { "amount", { { "amount", "23.78" }, { "currency", "EUR" } } } }));

    const auto shipped = server.post("/api/v1/orders/" + std::to_string(id) + "/ship", json::object());
    ASSERT_EQ(shipped.status, 200) << shipped.body;
    EXPECT_EQ(shop.settled(id)["state"], "shipped");
    EXPECT_EQ(shop.level()["on_hand"], 8);
    EXPECT_EQ(shop.level()["reserved"], 0);
    const auto movements = server.get("/api/v1/stock/movements?product_id=" + std::to_string(shop.product)).json();
    EXPECT_EQ(movements["items"].back()["kind"], "shipment");
    EXPECT_EQ(movements["items"].back()["reference"], "order-" + std::to_string(id));

    // The audit trail of each domain tells the story in order.
    std::vector<std::string> told;
    for (const auto* domain : { "orders" }) {
        const auto events
            = server.get(std::string("/api/v1/events?domain=") + domain + "&stream_id=order-" + std::to_string(id))
                  .json()["items"];
        for (const auto& event : events) {
            told.push_back(event["type"]);
        }
    }
    EXPECT_EQ(told,
        (std::vector<std::string> { "OrderCreated", "OrderPlaced", "OrderReserved", "OrderPaid", "OrderShipped" }));
}

TEST(Orders, NotEnoughStockRejectsTheOrderWithAReasonAndReservesNothing)
{
    TestServer server;
    Shop shop(server, 3);
    const auto id = shop.draft(5)["id"].get<std::int64_t>();
    shop.place(id);
    const auto rejected = shop.settled(id);
    EXPECT_EQ(rejected["state"], "rejected");
    EXPECT_EQ(rejected["reason"], "Not enough stock of TEA-1 (Product TEA-1) in MAIN: 3 available, 5 ordered.");
    EXPECT_EQ(shop.level()["reserved"], 0);
    EXPECT_TRUE(shop.paymentOf(id).is_null());
}

TEST(Orders, ADeclinedPaymentCancelsTheOrderAndReleasesTheStock)
{
    Simulator provider({ "--decline-rate", "1" });
    TestServer server(withProvider(provider.url()));
    Shop shop(server);
    const auto id = shop.draft(4)["id"].get<std::int64_t>();
    shop.place(id);
    const auto cancelled = shop.settled(id);
    EXPECT_EQ(cancelled["state"], "cancelled");
    EXPECT_EQ(cancelled["reason"], "Payment failed: Card declined (simulated).");
    EXPECT_EQ(shop.level()["reserved"], 0);
    EXPECT_EQ(shop.level()["available"], 10);
    const auto payment = shop.paymentOf(id);
    EXPECT_EQ(payment["state"], "failed");
    EXPECT_EQ(payment["failure"], "Card declined (simulated).");
    EXPECT_TRUE(payment["ledger"].empty());
}

TEST(Orders, AProviderThatStaysDownTimesOutIntoACancelledOrder)
{
    Simulator provider({ "--error-rate", "1" });
    TestServer server(withProvider(provider.url(), 1));
    Shop shop(server);
    const auto id = shop.draft(1)["id"].get<std::int64_t>();
    shop.place(id);
    Reply order;
    for (int i = 0; i < 200; ++i) {
        order = server.get("/api/v1/orders/" + std::to_string(id));
        if (order.json()["state"] == "cancelled") {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_EQ(order.json()["state"], "cancelled") << order.body;
    EXPECT_NE(order.json()["reason"].get<std::string>().find("did not answer"), std::string::npos) << order.body;
    const auto metrics = server.get("/metrics").body;
    EXPECT_NE(metrics.find("tosserp_circuit_state{dependency=\"payment_provider\"}"), std::string::npos);
    EXPECT_NE(metrics.find("tosserp_payment_provider_calls_total{outcome=\"unavailable\"}"), std::string::npos);
    EXPECT_EQ(shop.settled(id)["state"], "cancelled");
    EXPECT_EQ(shop.level()["reserved"], 0);
}

TEST(Orders, CancellingWhilePaymentIsUnderWayRefundsItAndReleasesTheStock)
{
    Simulator provider({ "--latency-ms", "700" });
    TestServer server(withProvider(provider.url()));
    Shop shop(server);
    const auto id = shop.draft(3)["id"].get<std::int64_t>();
    shop.place(id);
    auto order = server.get("/api/v1/orders/" + std::to_string(id));
    for (int i = 0; i < 100 && order.json()["state"] != "reserved"; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        order = server.get("/api/v1/orders/" + std::to_string(id));
    }
    ASSERT_EQ(order.json()["state"], "reserved") << order.body;
    const auto cancelled
        = server.post("/api/v1/orders/" + std::to_string(id) + "/cancel", { { "reason", "Customer called" } });
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    const auto settled = shop.settled(id);
    EXPECT_EQ(settled["state"], "cancelled");
    EXPECT_EQ(settled["reason"], "Customer called");
    EXPECT_EQ(shop.level()["reserved"], 0);
    const auto payment = shop.paymentOf(id);
    EXPECT_EQ(payment["state"], "refunded") << payment;
    ASSERT_EQ(payment["ledger"].size(), 2u);
    EXPECT_EQ(payment["ledger"][1]["kind"], "refund");
    EXPECT_EQ(payment["refundable"]["amount"], "0.00");
}

TEST(Orders, RefundsArePartialAtMostWhatWasCapturedAndOnlyForFinance)
{
    TestServer server;
    Shop shop(server);
    const auto id = shop.draft(1, 0)["id"].get<std::int64_t>(); // 9.99 without tax
    shop.place(id);
    ASSERT_EQ(shop.settled(id)["state"], "paid");
    const auto payment = shop.paymentOf(id)["id"].get<std::int64_t>();
    const auto refund = "/api/v1/payments/" + std::to_string(payment) + "/refund";
    const auto sales = server.actingAs("seller", { "sales" });
    EXPECT_EQ(server.post(refund, { { "amount", "1.00" } }, sales).status, 403);
    const auto finance = server.actingAs("accounts", { "finance" });
    auto key = finance;
    key["Idempotency-Key"] = "refund-1";
    const auto first = server.post(refund, { { "amount", "2.50" } }, key);
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json()["state"], "partially_refunded");
    EXPECT_EQ(first.json()["refundable"]["amount"], "7.49");
    const auto again = server.post(refund, { { "amount", "2.50" } }, key); // a retry after a lost answer
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.json()["refunded"]["amount"], "2.50");
    EXPECT_EQ(server.post(refund, { { "amount", "3.00" } }, key).code(), "idempotency_key_reused");
    const auto tooMuch = server.post(refund, { { "amount", "7.50" } }, finance);
    EXPECT_EQ(tooMuch.status, 422);
    EXPECT_EQ(tooMuch.code(), "refund_exceeds_captured");
    const auto negative = server.post(refund, { { "amount", "-1" } }, finance);
    EXPECT_EQ(negative.status, 422) << negative.body;
    EXPECT_EQ(negative.code(), "invalid_amount");
    EXPECT_EQ(server.post(refund, { { "amount", "1.001" } }, finance).code(), "invalid_amount_precision");
    EXPECT_EQ(server.post(refund, { { "amount", 1 } }, finance).status, 200); // a number is read exactly too
    EXPECT_EQ(server.post(refund, { { "amount", "1.00" }, { "note", "x" } }, finance).status, 400);
    const auto rest = server.post(refund, { { "amount", "6.49" } }, finance);
    ASSERT_EQ(rest.status, 200) << rest.body;
    EXPECT_EQ(rest.json()["state"], "refunded");
    // The ledger balances, and the provider owes captured − refunded = 0.
    std::map<std::string, std::int64_t> balances;
    for (const auto& entry : rest.json()["ledger"]) {
        const auto cents = std::llround(std::stod(entry["amount"]["amount"].get<std::string>()) * 100);
        balances[entry["debit"]] += cents;
        balances[entry["credit"]] -= cents;
    }
    EXPECT_EQ(balances["provider"] + balances["sales"], 0);
    EXPECT_EQ(balances["provider"], 0);
    EXPECT_EQ(balances.size(), 2u);
    EXPECT_EQ(rest.json()["ledger"].size(), 4u);
}

TEST(Orders, BadOrdersAreRefusedByFieldAndCreateNothing)
{
    TestServer server;
    Shop shop(server);
    const auto post = [&](const std::string& body) { return server.request("POST", "/api/v1/orders", body); };
    const auto line = [&](const json& quantity) {
        return json { { "customer_id", shop.customer }, { "warehouse_id", shop.warehouse },
            { "lines", { { { "product_id", shop.product }, { "quantity", quantity } } } } };
    };
    EXPECT_EQ(post("{\"customer_id\": ").code(), "malformed_json");
    EXPECT_EQ(post("[]").status, 400);
    auto unknown = line(1);
    unknown["discount"] = 5;
    EXPECT_EQ(post(unknown.dump()).json()["errors"][0]["field"], "discount");
    EXPECT_EQ(post(line("two").dump()).json()["errors"][0]["field"], "lines[0].quantity");
    EXPECT_EQ(post(line(0).dump()).code(), "invalid_quantity");
    EXPECT_EQ(post(line(1.5).dump()).json()["errors"][0]["field"], "lines[0].quantity"); // pieces are whole
    auto noLines = line(1);
    noLines["lines"] = json::array();
    EXPECT_EQ(post(noLines.dump()).code(), "invalid_lines");
    auto stranger = line(1);
    stranger["customer_id"] = 999;
    EXPECT_EQ(post(stranger.dump()).code(), "customer_not_found");
    auto ghost = line(1);
    ghost["lines"][0]["product_id"] = 999;
    const auto ghostReply = post(ghost.dump());
    EXPECT_EQ(ghostReply.code(), "product_not_found");
    EXPECT_EQ(ghostReply.json()["errors"][0]["field"], "lines[0].product_id");
    auto twice = line(1);
    twice["lines"].push_back({ { "product_id", shop.product }, { "quantity", 2 } });
    EXPECT_EQ(post(twice.dump()).code(), "duplicate_product");
    auto taxed = line(1);
    taxed["tax_rate"] = 20000;
    EXPECT_EQ(post(taxed.dump()).json()["errors"][0]["field"], "tax_rate");
    EXPECT_EQ(
        server.request("POST", "/api/v1/orders", line(1).dump(), { { "Authorization", "Bearer forged" } }).status, 401);
    EXPECT_EQ(server.post("/api/v1/orders", line(1), server.actingAs("auditor1", { "auditor" })).status, 403);
    EXPECT_TRUE(server.get("/api/v1/orders").json()["items"].empty());
    EXPECT_EQ(server.post("/api/v1/orders/999/place", json::object()).status, 404);
    EXPECT_EQ(server.get("/api/v1/orders?state=lost").status, 400);
}

TEST(Orders, ARetriedCreateWithTheSameKeyMakesOneOrder)
{
    TestServer server;
    Shop shop(server);
    const std::map<std::string, std::string> key { { "Idempotency-Key", "basket-42" } };
    const auto first = shop.draft(1, 0, key);
    const auto second = shop.draft(1, 0, key);
    EXPECT_EQ(first["id"], second["id"]);
    EXPECT_EQ(server.get("/api/v1/orders").json()["items"].size(), 1u);
    const auto other = server.post("/api/v1/orders",
        { { "customer_id", shop.customer }, { "warehouse_id", shop.warehouse },
            { "lines", { { { "product_id", shop.product }, { "quantity", 3 } } } } },
        key);
    EXPECT_EQ(other.code(), "idempotency_key_reused");
}

TEST(Orders, PlacingTwiceOrShippingUnpaidIsAConflict)
{
    TestServer server;
    Shop shop(server, 0);
    const auto id = shop.draft(1)["id"].get<std::int64_t>();
    EXPECT_EQ(
        server.post("/api/v1/orders/" + std::to_string(id) + "/ship", json::object()).code(), "invalid_order_state");
    shop.place(id);
    const auto twice = server.post("/api/v1/orders/" + std::to_string(id) + "/place", json::object());
    EXPECT_EQ(twice.status, 409) << twice.body;
    EXPECT_EQ(twice.code(), "invalid_order_state");
    EXPECT_EQ(shop.settled(id)["state"], "rejected"); // nothing in stock
    EXPECT_EQ(server.post("/api/v1/orders/" + std::to_string(id) + "/cancel", { { "reason", "Too late" } }).code(),
        "invalid_order_state"); // a rejected order is final
    const auto open = shop.draft(1)["id"].get<std::int64_t>();
    EXPECT_EQ(
        server.post("/api/v1/orders/" + std::to_string(open) + "/cancel", { { "reason", " " } }).code(), "required");
    EXPECT_EQ(server.post("/api/v1/orders/" + std::to_string(open) + "/cancel", json::object()).status, 400);
    EXPECT_EQ(shop.settled(open)["state"], "draft");
}

TEST(Orders, StaffSeeAndShipOnlyTheOrdersOfTheirWarehouses)
{
    TestServer server;
    Shop shop(server);
    const auto [other, otherShelf] = server.makeWarehouse("NORTH");
    (void)otherShelf;
    const auto id = shop.draft(1)["id"].get<std::int64_t>();
    shop.place(id);
    ASSERT_EQ(shop.settled(id)["state"], "paid");
    const auto north = server.actingAs("north-picker", { "warehouse_staff" }, { other });
    EXPECT_EQ(
        server.request("GET", "/api/v1/orders/" + std::to_string(id), "", north).code(), "warehouse_out_of_scope");
    EXPECT_TRUE(server.request("GET", "/api/v1/orders", "", north).json()["items"].empty());
    EXPECT_EQ(server.post("/api/v1/orders/" + std::to_string(id) + "/ship", json::object(), north).status, 403);
    const auto main = server.actingAs("main-picker", { "warehouse_staff" }, { shop.warehouse });
    EXPECT_EQ(server.request("GET", "/api/v1/orders", "", main).json()["items"].size(), 1u);
    EXPECT_EQ(server.post("/api/v1/orders/" + std::to_string(id) + "/ship", json::object(), main).status, 200);
    EXPECT_EQ(server.post("/api/v1/orders/" + std::to_string(id) + "/cancel", { { "reason", "x" } }, main).status, 403);
}

} // namespace

namespace {

TEST(Orders, AFreeOrderIsPaidWithoutCallingTheProvider)
{
    TestServer server;
    Shop shop(server);
    ASSERT_EQ(server
                  .patch("/api/v1/products/" + std::to_string(shop.product),
                      { { "price", { { "amount", "0" }, { "currency", "EUR" } } } })
                  .status,
        200);
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    const auto id = shop.draft(1)["id"].get<std::int64_t>();
    EXPECT_EQ(shop.place(id)["totals"]["gross"]["amount"], "0.00");
    EXPECT_EQ(shop.settled(id)["state"], "paid");
    EXPECT_TRUE(shop.paymentOf(id).is_null());
    // The consumer went on: the next order is paid through the provider as usual.
    ASSERT_EQ(server
                  .patch("/api/v1/products/" + std::to_string(shop.product),
                      { { "price", { { "amount", "1.20" }, { "currency", "EUR" } } } })
                  .status,
        200);
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    const auto next = shop.draft(1, 0)["id"].get<std::int64_t>();
    shop.place(next);
    EXPECT_EQ(shop.settled(next)["state"], "paid");
    EXPECT_EQ(shop.paymentOf(next)["captured"]["amount"], "1.20");
}

TEST(Orders, OrderReservationsAndKeysCannotBeBorrowed)
{
    TestServer server;
    Shop shop(server);
    const auto manual = server.post("/api/v1/stock/reservations",
        { { "product_id", shop.product }, { "warehouse_id", shop.warehouse }, { "quantity", 1 },
            { "reference", "order-1" } });
    EXPECT_EQ(manual.code(), "reserved_reference");
    // A refund key used for one payment is not a replay for another.
    std::vector<std::int64_t> payments;
    for (int i = 0; i < 2; ++i) {
        const auto id = shop.draft(1, 0)["id"].get<std::int64_t>();
        shop.place(id);
        ASSERT_EQ(shop.settled(id)["state"], "paid");
        payments.push_back(shop.paymentOf(id)["id"].get<std::int64_t>());
    }
    const std::map<std::string, std::string> key { { "Idempotency-Key", "refund-A" } };
    EXPECT_EQ(
        server.post("/api/v1/payments/" + std::to_string(payments[0]) + "/refund", { { "amount", "1" } }, key).status,
        200);
    const auto other
        = server.post("/api/v1/payments/" + std::to_string(payments[1]) + "/refund", { { "amount", "1" } }, key);
    EXPECT_EQ(other.code(), "idempotency_key_reused");
    EXPECT_EQ(server.get("/api/v1/payments/" + std::to_string(payments[1])).json()["refunded"]["amount"], "0.00");
    // A warehouse-scoped caller orders only for its own warehouses.
    const auto [north, shelf] = server.makeWarehouse("NORTH");
    (void)shelf;
    const auto scoped = server.actingAs("north-picker", { "warehouse_staff" }, { north });
    EXPECT_EQ(server
                  .post("/api/v1/orders",
                      { { "customer_id", shop.customer }, { "warehouse_id", shop.warehouse },
                          { "lines", { { { "product_id", shop.product }, { "quantity", 1 } } } } },
                      scoped)
                  .status,
        403);
}

} // namespace

namespace {

TEST(Orders, ReplayFindsAndFixesACorruptedProjectionInEveryDomain)
{
    TestServer server;
    Shop shop(server);
    for (int i = 0; i < 3; ++i) {
        const auto id = shop.draft(1 + i)["id"].get<std::int64_t>();
        shop.place(id);
        ASSERT_EQ(shop.settled(id)["state"], "paid");
    }
    const auto dir = server.dataDir().string();
    const auto clean = tosserp::test::runServerCommand({ "replay", "--data-dir", dir }, server.commandEnvironment());
    EXPECT_EQ(clean.first, 0) << clean.second;
    EXPECT_NE(clean.second.find("stock / stock_levels:"), std::string::npos) << clean.second;
    EXPECT_NE(clean.second.find("0 differences"), std::string::npos) << clean.second;

    // Corrupt one projection of each domain behind the services' backs.
    auto exec = [](tosserp::db::Database& database, const std::string& sql) {
        database.write([&](tosserp::db::Connection& c) { c.execScript(sql); });
    };
    exec(server.runtime().stockDatabase(), "UPDATE stock_levels SET quantity_milli = quantity_milli + 7000");
    exec(server.runtime().ordersDatabase(), "UPDATE catalog SET price_minor = 1; UPDATE orders SET state = 'draft'");
    exec(server.runtime().paymentsDatabase(), "UPDATE payments SET captured_minor = 5 WHERE id = 2");
    EXPECT_EQ(shop.level()["on_hand"], 17);

    const auto dry
        = tosserp::test::runServerCommand({ "replay", "--data-dir", dir, "--dry-run" }, server.commandEnvironment());
    EXPECT_EQ(dry.first, 1) << dry.second;
    EXPECT_NE(dry.second.find("not fixed"), std::string::npos) << dry.second;
    EXPECT_EQ(shop.level()["on_hand"], 17); // a dry run changes nothing

    const auto fixed = tosserp::test::runServerCommand({ "replay", "--data-dir", dir }, server.commandEnvironment());
    EXPECT_EQ(fixed.first, 1) << fixed.second;
    for (const auto* line :
        { "stock / stock_levels:", "orders / catalog:", "orders / order states:", "payments / payment amounts:" }) {
        const auto at = fixed.second.find(line);
        ASSERT_NE(at, std::string::npos) << fixed.second;
        const auto end = fixed.second.find('\n', at);
        EXPECT_NE(fixed.second.substr(at, end - at).find("(fixed)"), std::string::npos)
            << fixed.second.substr(at, end - at);
    }
    EXPECT_NE(fixed.second.find("order 1 is draft, its events say paid"), std::string::npos) << fixed.second;
    EXPECT_EQ(shop.level()["on_hand"], 10);
    EXPECT_EQ(server.get("/api/v1/orders/1").json()["state"], "paid");
    EXPECT_EQ(server.get("/api/v1/payments/2").json()["captured"]["amount"], "23.78");
    EXPECT_EQ(shop.draft(1)["lines"][0]["unit_price"]["amount"], "9.99");

    const auto again = tosserp::test::runServerCommand(
        { "replay", "--data-dir", dir, "--domain", "all" }, server.commandEnvironment());
    EXPECT_EQ(again.first, 0) << again.second;
    const auto wrong = tosserp::test::runServerCommand({ "replay", "--data-dir", dir, "--domain", "sales" });
    EXPECT_EQ(wrong.first, 64) << wrong.second; // EX_USAGE, as for every usage error
    EXPECT_NE(wrong.second.find("--domain is stock, orders, payments or all"), std::string::npos);
}

} // namespace

TEST(Orders, TheDaysFiguresCountMovementsByKindAndOrdersByStateInTheCallersWarehouses)
{
    TestServer server;
    Shop shop(server); // receives 10 at the shelf
    const auto since = tosserp::isoTime(tosserp::nowMs() - 60'000);
    const auto paid = shop.draft(1)["id"].get<std::int64_t>();
    shop.place(paid);
    ASSERT_EQ(shop.settled(paid)["state"], "paid");
    ASSERT_EQ(server.post("/api/v1/orders/" + std::to_string(paid) + "/ship", json::object()).status, 200);
    const auto cancelled = shop.draft(1)["id"].get<std::int64_t>();
    ASSERT_EQ(
        server.post("/api/v1/orders/" + std::to_string(cancelled) + "/cancel", { { "reason", "test" } }).status, 200);
    shop.draft(1); // stays a draft
    // Stock ships the order when it hears of it: wait for every consumer.
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));

    const auto orders = server.get("/api/v1/orders/summary?since=" + since).json();
    EXPECT_EQ(orders["total"], 3);
    EXPECT_EQ(orders["by_state"], (json { { "shipped", 1 }, { "cancelled", 1 }, { "draft", 1 } }));
    const auto movements = server.get("/api/v1/stock/movements/summary?since=" + since).json();
    EXPECT_EQ(movements["by_kind"]["receipt"], 1);
    EXPECT_EQ(movements["by_kind"]["shipment"], 1);
    EXPECT_EQ(movements["total"], 2);
    // Nothing happened after now.
    const auto later = tosserp::isoTime(tosserp::nowMs() + 60'000);
    EXPECT_EQ(server.get("/api/v1/orders/summary?since=" + later).json()["total"], 0);
    EXPECT_EQ(server.get("/api/v1/stock/movements/summary?since=" + later).json()["by_kind"], json::object());

    // Staff of another warehouse count nothing of this one.
    const auto other = server.makeWarehouse("OTHER").first;
    const auto staff = server.actingAs("other-staff", { "warehouse_staff" }, { other });
    EXPECT_EQ(server.request("GET", "/api/v1/orders/summary?since=" + since, {}, staff).json()["total"], 0);
    EXPECT_EQ(server.request("GET", "/api/v1/stock/movements/summary?since=" + since, {}, staff).json()["total"], 0);

    // The time is required and must be one.
    for (const auto* bad : { "", "?since=yesterday", "?since=2026-13-01T00:00:00Z", "?since=" }) {
        for (const auto* path : { "/api/v1/orders/summary", "/api/v1/stock/movements/summary" }) {
            const auto reply = server.get(std::string(path) + bad);
            EXPECT_EQ(reply.status, 400) << path << bad;
            EXPECT_EQ(reply.json()["errors"][0]["field"], "since") << path << bad;
        }
    }
}

TEST(Orders, TheCallersTraceTravelsWithTheSagaThroughEveryDomain)
{
    TestServer server;
    Shop shop(server);
    const std::string trace = "0af7651916cd43dd8448eb211c80319c";
    const auto id = shop.draft(1)["id"].get<std::int64_t>();
    const auto placed = server.post("/api/v1/orders/" + std::to_string(id) + "/place", json::object(),
        { { "traceparent", "00-" + trace + "-b7ad6b7169203331-01" } });
    ASSERT_EQ(placed.status, 200) << placed.body;
    ASSERT_EQ(shop.settled(id)["state"], "paid");
    // The order's placing and everything it caused in Stock and Payments carry the trace.
    std::map<std::string, int> traced;
    for (const auto* domain : { "orders", "stock", "payments" }) {
        const auto events = server.get(std::string("/api/v1/events?limit=1000&domain=") + domain).json()["items"];
        for (const auto& event : events) {
            if (event["correlation_id"] == trace) {
                ++traced[domain];
            }
        }
    }
    EXPECT_GE(traced["orders"], 3) << "OrderPlaced, OrderReserved, OrderPaid";
    EXPECT_GE(traced["stock"], 1) << "the reservation";
    EXPECT_GE(traced["payments"], 1) << "the payment";
}
