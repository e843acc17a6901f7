// E-mail notifications against a real SMTP conversation: a small sink this test starts on a
// loopback port receives what the server sends.
#include "smtp_sink.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

using nlohmann::json;
using tosserp::test::SmtpSink;
using tosserp::test::TempDir;
using tosserp::test::TestServer;

namespace {

tosserp::ServerConfig mailing(const SmtpSink& sink)
{
    tosserp::ServerConfig config;
    config.smtpHost = "127.0.0.1";
    config.smtpPort = sink.port();
    config.smtpFrom = "shop@example.com";
    config.notifyStaff = { "stock@example.com", "boss@example.com" };
    return config;
}

TEST(Notifications, APaidOrderIsConfirmedToTheCustomer)
{
    SmtpSink sink;
    TestServer server(mailing(sink));
    const auto [warehouse, shelf] = server.makeWarehouse("MAIN");
    const auto product = server.makeProduct("TEA-1");
    server.receive(product, shelf, 10);
    const auto customer
        = server.post("/api/v1/customers", { { "name", "Ada Lovelace" }, { "email", "ada@example.com" } }).json()["id"];
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    const auto order = server.post("/api/v1/orders",
        { { "customer_id", customer }, { "warehouse_id", warehouse },
            { "lines", { { { "product_id", product }, { "quantity", 2 } } } } });
    ASSERT_EQ(order.status, 201) << order.body;
    const auto id = order.json()["id"].get<int>();
    ASSERT_EQ(server.post("/api/v1/orders/" + std::to_string(id) + "/place", json::object()).status, 200);
    const auto mails = sink.waitFor(1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_EQ(mails[0].recipient, "ada@example.com");
    EXPECT_NE(mails[0].data.find("Your order " + std::to_string(id) + " is confirmed"), std::string::npos)
        << mails[0].data;
    EXPECT_NE(mails[0].data.find("19.98 EUR"), std::string::npos) << mails[0].data;
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    EXPECT_EQ(sink.mails().size(), 1u); // once, however often the events are read
}

TEST(Notifications, StockBelowItsReorderPointAlertsTheStaffOnceUntilRestocked)
{
    SmtpSink sink;
    TestServer server(mailing(sink));
    const auto [warehouse, shelf] = server.makeWarehouse("MAIN");
    const auto product = server.makeProduct("TEA-1");
    server.receive(product, shelf, 10);
    ASSERT_EQ(server
                  .put("/api/v1/stock/reorder-points",
                      { { "product_id", product }, { "warehouse_id", warehouse }, { "min_quantity", 5 },
                          { "reorder_quantity", 20 } })
                  .status,
        200);
    const auto ship = [&](int quantity) {
        const auto reply = server.post("/api/v1/stock/movements",
            { { "kind", "shipment" }, { "product_id", product }, { "quantity", quantity },
                { "from_location_id", shelf } });
        ASSERT_EQ(reply.status, 201) << reply.body;
    };
    ship(3); // 7 left: above
    ship(3); // 4 left: below, alert
    // The alert says the stock as the notifier finds it, so it is read before the next shipment.
    auto mails = sink.waitFor(2);
    ASSERT_EQ(mails.size(), 2u); // one per staff address
    EXPECT_EQ(mails[0].recipient, "stock@example.com");
    EXPECT_EQ(mails[1].recipient, "boss@example.com");
    EXPECT_NE(mails[0].data.find("TEA-1 is below its reorder point"), std::string::npos) << mails[0].data;
    EXPECT_NE(mails[0].data.find("4 pcs available"), std::string::npos) << mails[0].data;
    ship(1); // 3 left: still below, no new alert
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    EXPECT_EQ(sink.mails().size(), 2u);
    server.receive(product, shelf, 10); // 13: above again
    // The notifier compares the stock as it finds it: it sees the restock before the next sale.
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    ship(10); // 3: below again, a new alert
    mails = sink.waitFor(4);
    EXPECT_EQ(mails.size(), 4u);
}

TEST(Notifications, AFailedSendIsRetriedAndCustomTemplatesAreUsed)
{
    SmtpSink sink(2);
    TempDir templates;
    std::ofstream(templates.path() / "payment_failed.txt")
        << "Order {order_id}: payment refused\nReason given: {reason}\n";
    auto config = mailing(sink);
    config.notifyStaff = { "accounts@example.com" };
    config.notifyTemplates = templates.path().string();
    config.paymentTimeoutSeconds = 600;
    TestServer server(config);
    // A payment failure without a provider declining: an order for a product nobody can
    // pay for is hard to make, so the failure comes through the Payments events directly.
    server.runtime().paymentsDatabase().write([](tosserp::db::Connection& c) {
        tosserp::events::EventStore::append(c, "payment-99", "PaymentFailed",
            { { "payment_id", 99 }, { "order_id", 7 }, { "reason", "Card declined (simulated)." } }, {});
    });
    server.runtime().dispatcher().notify();
    const auto mails = sink.waitFor(1);
    ASSERT_EQ(mails.size(), 1u);
    EXPECT_GE(sink.refused(), 2);
    EXPECT_EQ(mails[0].recipient, "accounts@example.com");
    EXPECT_NE(mails[0].data.find("Order 7: payment refused"), std::string::npos) << mails[0].data;
    EXPECT_NE(mails[0].data.find("Reason given: Card declined (simulated)."), std::string::npos) << mails[0].data;
    const auto metrics = server.get("/metrics").body;
    EXPECT_NE(metrics.find("tosserp_notifications_total{outcome=\"retried\"}"), std::string::npos);
    EXPECT_NE(metrics.find("tosserp_notifications_total{outcome=\"sent\"}"), std::string::npos);
}

} // namespace
