// tosserp-bench-orders: orders through the whole saga on a running server. Sets up a
// warehouse, a product with stock and a customer, then CLIENTS threads each draft and place
// orders (two HTTP calls per order) until N are placed; waits until every one is paid, and
// reads place → paid times from the orders' audit trail (OrderPlaced and OrderPaid times).
// Prints one JSON line.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

using nlohmann::json;

namespace {

class Client {
public:
    Client(const Poco::URI& uri, std::string token)
        : m_session(uri.getHost(), uri.getPort())
        , m_token(std::move(token))
    {
        m_session.setKeepAlive(true);
    }

    std::pair<int, json> call(const std::string& method, const std::string& path, const json& body = nullptr)
    {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!m_token.empty()) {
            request.set("Authorization", "Bearer " + m_token);
        }
        const auto text = body.is_null() ? std::string() : body.dump();
        if (!text.empty()) {
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(text.size()));
        }
        m_session.sendRequest(request) << text;
        Poco::Net::HTTPResponse response;
        auto& in = m_session.receiveResponse(response);
        std::string received;
        Poco::StreamCopier::copyToString(in, received);
        return { static_cast<int>(response.getStatus()), json::parse(received, nullptr, false) };
    }

private:
    Poco::Net::HTTPClientSession m_session;
    std::string m_token;
};

/// "2026-11-25T20:11:26.921Z" in milliseconds since 1970.
std::int64_t isoMs(const std::string& text)
{
    std::tm time {};
    int ms = 0;
    std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &time.tm_year, &time.tm_mon, &time.tm_mday, &time.tm_hour,
        &time.tm_min, &time.tm_sec, &ms);
    time.tm_year -= 1900;
    time.tm_mon -= 1;
    return static_cast<std::int64_t>(timegm(&time)) * 1000 + ms;
}

json must(std::pair<int, json> reply, const char* what)
{
    if (reply.first >= 300) {
        std::cerr << what << " failed: HTTP " << reply.first << " " << reply.second.dump() << "\n";
        std::exit(1);
    }
    return reply.second;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 5 || std::string(argv[1]) == "--help") {
        std::cerr << "usage: tosserp-bench-orders SERVER_URL ADMIN_PASSWORD ORDERS CLIENTS\n";
        return argc == 2 ? 0 : 2;
    }
    const Poco::URI uri(argv[1]);
    const int orders = std::atoi(argv[3]);
    const int clients = std::max(1, std::atoi(argv[4]));
    Client anonymous(uri, "");
    const auto token
        = must(anonymous.call("POST", "/api/v1/auth/login", { { "username", "admin" }, { "password", argv[2] } }),
            "sign-in")["access_token"]
              .get<std::string>();
    Client admin(uri, token);
    const auto warehouse
        = must(admin.call("POST", "/api/v1/warehouses",
                   { { "code", "BENCH" + std::to_string(std::time(nullptr) % 100000) }, { "name", "Bench" } }),
            "warehouse")["id"]
              .get<std::int64_t>();
    const auto shelf = must(
        admin.call("GET", "/api/v1/locations?warehouse_id=" + std::to_string(warehouse)), "locations")["items"][0]["id"]
                           .get<std::int64_t>();
    const auto product = must(admin.call("POST", "/api/v1/products",
                                  { { "sku", "BENCH-" + std::to_string(std::time(nullptr)) }, { "name", "Bench tea" },
                                      { "price", { { "amount", "3.20" }, { "currency", "EUR" } } } }),
        "product")["id"]
                             .get<std::int64_t>();
    must(admin.call("POST", "/api/v1/stock/movements",
             { { "kind", "receipt" }, { "product_id", product }, { "quantity", orders * 2 },
                 { "to_location_id", shelf } }),
        "receipt");
    const auto customer
        = must(admin.call("POST", "/api/v1/customers", { { "name", "Bench customer" } }), "customer")["id"]
              .get<std::int64_t>();
    // The orders' catalog copy follows Stock's events.
    for (int i = 0; i < 100; ++i) {
        const auto draft = admin.call("POST", "/api/v1/orders",
            { { "customer_id", customer }, { "warehouse_id", warehouse },
                { "lines", { { { "product_id", product }, { "quantity", 1 } } } } });
        if (draft.first == 201) {
            admin.call("POST", "/api/v1/orders/" + std::to_string(draft.second["id"].get<std::int64_t>()) + "/cancel",
                { { "reason", "warm-up" } });
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    std::atomic<int> next { 0 };
    std::vector<std::vector<std::int64_t>> placed(static_cast<std::size_t>(clients));
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < clients; ++t) {
        threads.emplace_back([&, t] {
            Client client(uri, token);
            while (next++ < orders) {
                const auto draft
                    = must(client.call("POST", "/api/v1/orders",
                               { { "customer_id", customer }, { "warehouse_id", warehouse }, { "tax_rate", 1900 },
                                   { "lines", { { { "product_id", product }, { "quantity", 1 } } } } }),
                        "draft");
                const auto id = draft["id"].get<std::int64_t>();
                must(client.call("POST", "/api/v1/orders/" + std::to_string(id) + "/place", json::object()), "place");
                placed[static_cast<std::size_t>(t)].push_back(id);
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    const auto placedAll = std::chrono::steady_clock::now();
    std::vector<std::int64_t> ids;
    for (const auto& list : placed) {
        ids.insert(ids.end(), list.begin(), list.end());
    }
    std::sort(ids.begin(), ids.end());
    // Until the last order is paid.
    for (;;) {
        const auto order = must(admin.call("GET", "/api/v1/orders/" + std::to_string(ids.back())), "order");
        const auto pending = must(admin.call("GET", "/api/v1/orders?state=reserved&limit=1"), "list")["items"].size()
            + must(admin.call("GET", "/api/v1/orders?state=placed&limit=1"), "list")["items"].size();
        if (order["state"] != "placed" && order["state"] != "reserved" && pending == 0) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto finished = std::chrono::steady_clock::now();

    std::map<std::int64_t, std::int64_t> placedAt;
    std::map<std::int64_t, std::int64_t> paidAt;
    for (const auto* type : { "OrderPlaced", "OrderPaid" }) {
        std::string cursor;
        do {
            const auto page = must(admin.call("GET",
                                       std::string("/api/v1/events?domain=orders&limit=1000&type=") + type
                                           + (cursor.empty() ? "" : "&cursor=" + cursor)),
                "events");
            for (const auto& event : page["items"]) {
                const auto id = event["payload"]["order_id"].get<std::int64_t>();
                (std::string(type) == "OrderPlaced" ? placedAt : paidAt)[id]
                    = isoMs(event["occurred_at"].get<std::string>());
            }
            cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
        } while (!cursor.empty());
    }
    std::vector<double> latencies;
    int paid = 0;
    for (const auto id : ids) {
        if (paidAt.count(id) && placedAt.count(id)) {
            latencies.push_back(static_cast<double>(paidAt[id] - placedAt[id]));
            ++paid;
        }
    }
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies.empty() ? 0.0
                                 : latencies[static_cast<std::size_t>(q * static_cast<double>(latencies.size() - 1))];
    };
    const auto seconds = std::chrono::duration<double>(finished - started).count();
    std::printf("{\"orders\":%zu,\"paid\":%d,\"clients\":%d,\"seconds\":%.2f,\"orders_per_s\":%.0f,"
                "\"placing_seconds\":%.2f,\"place_to_paid_p50_ms\":%.0f,\"place_to_paid_p99_ms\":%.0f,"
                "\"place_to_paid_max_ms\":%.0f}\n",
        ids.size(), paid, clients, seconds, static_cast<double>(paid) / seconds,
        std::chrono::duration<double>(placedAll - started).count(), at(0.5), at(0.99), at(1.0));
    return 0;
}
