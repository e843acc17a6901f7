#include "saga_check.h"

#include "server/events/jetstream.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <thread>

namespace tosserp::test {

using nlohmann::json;

namespace {

std::int64_t cents(const nlohmann::json& money)
{
    return std::llround(std::stod(money["amount"].get<std::string>()) * 100);
}

} // namespace

nlohmann::json getJson(const ServerProcess& server, const std::string& path)
{
    const auto reply = server.request("GET", path);
    EXPECT_EQ(reply.status, 200) << path << " " << reply.body;
    return nlohmann::json::parse(reply.body, nullptr, false);
}

std::vector<nlohmann::json> allItems(const ServerProcess& server, const std::string& path)
{
    std::vector<nlohmann::json> items;
    std::string cursor;
    do {
        const auto separator = path.find('?') == std::string::npos ? "?" : "&";
        const auto page
            = getJson(server, path + separator + "limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor));
        for (const auto& item : page["items"]) {
            items.push_back(item);
        }
        cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    } while (!cursor.empty());
    return items;
}

std::map<std::string, int> checkSagaSettled(
    const ServerProcess& server, const std::set<std::int64_t>& placed, std::int64_t stocked, const std::string& natsUrl)
{
    std::map<std::int64_t, json> orders;
    // However far behind the consumers were left by the kills (a consumer's unacknowledged
    // events come back only after the broker's wait; a provider failing now and then pauses
    // Payments for up to 30 s each time), within five minutes.
    const auto restarted = std::chrono::steady_clock::now();
    for (int wait = 0; wait < 3000; ++wait) {
        orders.clear();
        bool settled = true;
        for (const auto& order : allItems(server, "/api/v1/orders")) {
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
    for (const auto& payment : allItems(server, "/api/v1/payments")) {
        payments[payment["order_id"].get<std::int64_t>()] = payment;
    }
    for (const auto id : placed) {
        EXPECT_TRUE(orders.count(id)) << "placed order " << id << " was lost";
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
            EXPECT_FALSE(payment.is_null()) << "paid order " << id << " has no payment";
            if (payment.is_null()) {
                continue;
            }
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
            for (const auto& event : allItems(server,
                     std::string("/api/v1/events?domain=") + domain + "&stream_id=order-" + std::to_string(id))) {
                ++steps[event["type"].get<std::string>()];
            }
        }
        for (const auto& [type, count] : steps) {
            EXPECT_EQ(count, 1) << "order " << id << ": " << type << " recorded " << count << " times";
        }
    }
    for (const auto& [order, payment] : payments) {
        const auto detail = getJson(server, "/api/v1/payments/" + std::to_string(payment["id"].get<int>()));
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
    const auto level = getJson(server, "/api/v1/stock/levels?product_id=1")["items"][0];
    EXPECT_EQ(level["on_hand"], stocked); // nothing shipped
    EXPECT_EQ(level["reserved"].get<std::int64_t>(), reservedForPaid);
    if (!natsUrl.empty()) {
        // Every committed event is in its domain's stream exactly once.
        tosserp::events::JetStream stream(natsUrl);
        for (const auto* domain : { "stock", "orders", "payments" }) {
            const auto committed = allItems(server, std::string("/api/v1/events?domain=") + domain).size();
            for (int wait = 0; wait < 100 && stream.storedEvents(domain) != static_cast<std::int64_t>(committed);
                 ++wait) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            EXPECT_EQ(stream.storedEvents(domain), static_cast<std::int64_t>(committed)) << domain;
        }
    }
    std::cout
        << "settled "
        << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - restarted).count()
        << " ms after the last restart\n";
    return outcomes;
}

} // namespace tosserp::test
