// The order saga survives kill -9: a real tosserp-server is killed at random moments while
// orders are placed (with a payment provider that declines and fails some calls), restarted,
// and at the end every placed order is final, reservations and payments match the orders,
// the payments ledger balances, and no saga step was applied twice.
// TOSSERP_FAULT_TRIALS sets the number of kills (the slow run uses many more).
#include "process.h"
#include "saga_check.h"
#include "server/events/jetstream.h"

#include <gtest/gtest.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using nlohmann::json;
using tosserp::test::Reply;
using tosserp::test::ServerProcess;
using tosserp::test::TempDir;
using tosserp::test::TestServer;

namespace {

int trials(int fallback)
{
    const char* text = std::getenv("TOSSERP_FAULT_TRIALS");
    return text ? std::max(1, std::atoi(text)) : fallback;
}

using tosserp::test::allItems;

/// The saga under kill -9: of the server, and with `nats` (events through JetStream) also of
/// nats-server in every other trial, restarted while the server goes on.
void sagaUnderFaults(int kills, tosserp::test::NatsServerProcess* nats)
{
    std::mt19937_64 random(20261125);
    // The payment provider outlives the server's kills, as a real one would.
    tosserp::test::PaymentSimulatorProcess provider(
        { "--decline-rate", "0.25", "--error-rate", "0.2", "--seed", "42" });
    TempDir dir;
    const std::vector<std::string> args = { "--listen", "127.0.0.1:0", "--data-dir", dir.path().string() };
    std::vector<std::string> env = { "TOSSERP_PAYMENT_PROVIDER=" + provider.url(), "TOSSERP_ACCESS_LOG=false" };
    if (nats != nullptr) {
        env.push_back("TOSSERP_NATS_URL=" + nats->url());
    }
    int brokerKills = 0;
    const int stocked = 100000;
    {
        ServerProcess server(args, env);
        ASSERT_NE(server.waitUntilListening(), 0) << server.err();
        server.login("admin", TestServer::kAdminPassword);
        ASSERT_EQ(server.request("POST", "/api/v1/warehouses", R"({"code":"MAIN","name":"Main"})").status, 201);
        ASSERT_EQ(server
                      .request("POST", "/api/v1/products",
                          R"({"sku":"TEA-1","name":"Tea","price":{"amount":"2.50","currency":"EUR"}})")
                      .status,
            201);
        const auto stockLocation = allItems(server, "/api/v1/locations?warehouse_id=1").front()["id"].get<int>();
        ASSERT_EQ(server
                      .request("POST", "/api/v1/stock/movements",
                          json { { "kind", "receipt" }, { "product_id", 1 }, { "quantity", stocked },
                              { "to_location_id", stockLocation } }
                              .dump())
                      .status,
            201);
        ASSERT_EQ(server.request("POST", "/api/v1/customers", R"({"name":"Ada"})").status, 201);
        server.signal(SIGTERM);
        server.wait();
    }

    std::set<std::int64_t> placed; // acknowledged: place answered 200
    for (int trial = 0; trial < kills; ++trial) {
        ServerProcess server(args, env);
        ASSERT_NE(server.waitUntilListening(), 0) << server.err();
        server.login("admin", TestServer::kAdminPassword);
        std::atomic<bool> stop { false };
        std::mutex mutex;
        std::thread shop([&, seed = random()] {
            std::mt19937_64 pick(seed);
            while (!stop) {
                try {
                    const auto quantity = 1 + static_cast<int>(pick() % 3);
                    const auto created = server.request("POST", "/api/v1/orders",
                        json { { "customer_id", 1 }, { "warehouse_id", 1 }, { "tax_rate", 1900 },
                            { "lines", { { { "product_id", 1 }, { "quantity", quantity } } } } }
                            .dump());
                    if (created.status != 201) {
                        continue;
                    }
                    const auto id = json::parse(created.body)["id"].get<std::int64_t>();
                    if (server.request("POST", "/api/v1/orders/" + std::to_string(id) + "/place", "{}").status == 200) {
                        std::lock_guard lock(mutex);
                        placed.insert(id);
                    }
                } catch (const std::exception&) {
                    // The server died under the request: whatever it did not answer is not counted.
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(3)); // a shop, not a flood
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(150 + random() % 500));
        if (nats != nullptr && trial % 2 == 1) {
            nats->kill(); // the broker dies; the shop and the server go on without it
            ++brokerKills;
            std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 400));
            nats->start();
            std::this_thread::sleep_for(std::chrono::milliseconds(random() % 300));
        }
        server.signal(SIGKILL);
        stop = true;
        shop.join();
        EXPECT_EQ(server.wait(), 128 + SIGKILL);
    }
    ASSERT_GT(placed.size(), 5u) << "too few orders placed to prove anything";

    ServerProcess server(args, env);
    ASSERT_NE(server.waitUntilListening(), 0) << server.err();
    server.login("admin", TestServer::kAdminPassword);
    // The saga finishes by itself after the restart, and nothing was lost or doubled.
    auto outcomes = tosserp::test::checkSagaSettled(server, placed, stocked, nats != nullptr ? nats->url() : "");
    if (nats != nullptr) {
        std::cout << "nats-server kills: " << brokerKills << "\n";
    }
    std::cout << "server kills: " << kills << ", orders placed (acknowledged): " << placed.size()
              << ", paid: " << outcomes["paid"] << ", cancelled: " << outcomes["cancelled"]
              << ", rejected: " << outcomes["rejected"] << ", drafts never placed: " << outcomes["draft"] << "\n";
}

} // namespace

TEST(OrderFaults, KilledAtRandomTheSagaLosesNothingAndDoublesNothing)
{
    sagaUnderFaults(trials(4), nullptr);
}

TEST(OrderFaults, ThroughJetStreamKillingTheServerOrNatsServerLosesNothingAndDoublesNothing)
{
    tosserp::test::NatsServerProcess nats;
    sagaUnderFaults(trials(4), &nats);
}
