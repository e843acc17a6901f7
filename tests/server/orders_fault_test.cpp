// The order saga survives kill -9: a real tosserp-server is killed at random moments while
// orders are placed (with a payment provider that declines and fails some calls), restarted,
// and at the end every placed order is final, reservations and payments match the orders,
// the payments ledger balances, and no saga step was applied twice.
// TOSSERP_FAULT_TRIALS sets the number of kills (the slow run uses many more).
#include "process.h"
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

json get(const ServerProcess& server, const std::string& path)
{
    const auto reply = server.request("GET", path);
    EXPECT_EQ(reply.status, 200) << path << " " << reply.body;
    return json::parse(reply.body, nullptr, false);
}

/// Every item of a paginated list.
std::vector<json> all(const ServerProcess& server, const std::string& path)
{
    std::vector<json> items;
    std::string cursor;
    do {
        const auto separator = path.find('?') == std::string::npos ? "?" : "&";
        const auto page = get(server, path + separator + "limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor));
        for (const auto& item : page["items"]) {
            items.push_back(item);
        }
        cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    } while (!cursor.empty());
    return items;
}

std::int64_t cents(const json& money)
{
    return std::llround(std::stod(money["amount"].get<std::string>()) * 100);
}

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
        const auto stockLocation = all(server, "/api/v1/locations?warehouse_id=1").front()["id"].get<int>();
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
    // The saga finishes by itself after the restart.
    std::map<std::int64_t, json> orders;
    // However far behind the consumers were left by the kills (a consumer's unacknowledged
    // events come back only after the broker's wait; a provider failing now and then pauses
    // Payments for up to 30 s each time), within five minutes.
    const auto restarted = std::chrono::steady_clock::now();
    for (int wait = 0; wait < 3000; ++wait) {
        orders.clear();
        bool settled = true;
        for (const auto& order : all(server, "/api/v1/orders")) {
            orders[order["id"].get<std::int64_t>()] = order;
            const auto state = order["state"].get<std::string>();
            settled = settled && state != "placed" && state != "reserved";
        }
        if (settled) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::map<std::int64_t, json> payments;
    for (const auto& payment : all(server, "/api/v1/payments")) {
        payments[payment["order_id"].get<std::int64_t>()] = payment;
    }
    for (const auto id : placed) {
        ASSERT_TRUE(orders.count(id)) << "placed order " << id << " was lost";
        EXPECT_NE(orders[id]["state"], "draft") << "placed order " << id << " went back to draft";
    }
    // Every order the server holds, acknowledged or not (a kill can land between the commit and
    // the answer), is final or still the draft nobody placed.
    std::int64_t reservedForPaid = 0;
    std::map<std::string, int> outcomes;
    for (const auto& [id, order] : orders) {
        const auto state = order["state"].get<std::string>();
        ++outcomes[state];
        if (state == "draft") {
            EXPECT_FALSE(placed.count(id));
            continue;
        }
        EXPECT_TRUE(state == "paid" || state == "cancelled" || state == "rejected")
            << "order " << id << " stuck in " << state;
        const auto payment = payments.count(id) ? payments[id] : json();
        if (state == "paid") {
            reservedForPaid += order["lines"][0]["quantity"].get<std::int64_t>();
            ASSERT_FALSE(payment.is_null()) << "paid order " << id << " has no payment";
            EXPECT_EQ(payment["state"], "captured");
            EXPECT_EQ(cents(payment["captured"]), cents(order["totals"]["gross"]));
        } else if (state == "cancelled") {
            EXPECT_TRUE(payment.is_null() || payment["state"] == "failed" || payment["state"] == "refunded")
                << "cancelled order " << id << " kept the money: " << payment;
        } else if (state == "rejected") {
            EXPECT_TRUE(payment.is_null());
        }
        // Each saga step happened once for this order, in every domain that took part.
        std::map<std::string, int> steps;
        for (const auto* domain : { "orders", "stock" }) {
            for (const auto& event : all(server,
                     std::string("/api/v1/events?domain=") + domain + "&stream_id=order-" + std::to_string(id))) {
                ++steps[event["type"].get<std::string>()];
            }
        }
        for (const auto& [type, count] : steps) {
            EXPECT_EQ(count, 1) << "order " << id << ": " << type << " recorded " << count << " times";
        }
    }
    for (const auto& [order, payment] : payments) {
        const auto detail = get(server, "/api/v1/payments/" + std::to_string(payment["id"].get<int>()));
        std::int64_t provider = 0;
        std::int64_t sales = 0;
        for (const auto& entry : detail["ledger"]) {
            const auto amount = cents(entry["amount"]);
            (entry["debit"] == "provider" ? provider : sales) += amount;
            (entry["credit"] == "provider" ? provider : sales) -= amount;
        }
        EXPECT_EQ(provider + sales, 0) << "payment of order " << order;
        EXPECT_EQ(provider, cents(detail["captured"]) - cents(detail["refunded"])) << "payment of order " << order;
    }
    const auto level = get(server, "/api/v1/stock/levels?product_id=1")["items"][0];
    EXPECT_EQ(level["on_hand"], stocked); // nothing shipped
    EXPECT_EQ(level["reserved"].get<std::int64_t>(), reservedForPaid);
    if (nats != nullptr) {
        // Every committed event is in its domain's stream exactly once.
        tosserp::events::JetStream stream(nats->url());
        for (const auto* domain : { "stock", "orders", "payments" }) {
            const auto committed = all(server, std::string("/api/v1/events?domain=") + domain).size();
            for (int wait = 0; wait < 100 && stream.storedEvents(domain) != static_cast<std::int64_t>(committed);
                 ++wait) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            EXPECT_EQ(stream.storedEvents(domain), static_cast<std::int64_t>(committed)) << domain;
        }
        std::cout << "nats-server kills: " << brokerKills << "\n";
    }
    std::cout
        << "settled "
        << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - restarted).count()
        << " ms after the last restart\n";
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
