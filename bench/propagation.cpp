// tosserp-bench-propagation: how long a change pushed by one client takes to be visible in
// the replicas of other connected clients. CLIENTS replicas each follow the live channel on
// their own thread (SyncEngine::watch); a writer renames a product SAMPLES times, each time
// through a push, while a background writer records stock receipts; every replica notes when
// it first holds each new name. Prints p50/p99 over all (sample, client) pairs.
// Usage: tosserp-bench-propagation SERVER_URL PASSWORD CLIENTS SAMPLES
#include "client/src/api_client.h"
#include "client/src/replica.h"
#include "client/src/sync_engine.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

using namespace tosserp;
using Clock = std::chrono::steady_clock;

namespace {

std::mutex g_mutex;
std::map<std::string, Clock::time_point> g_written; // name → when the push was acknowledged
std::vector<double> g_latencies;
std::atomic<bool> g_stop { false };

void follower(QString url, std::string access, std::string refresh, QString path, std::atomic<int>& ready)
{
    client::Replica replica(path);
    client::ApiClient api(url);
    api.setTokens(access, refresh);
    client::SyncEngine engine(replica, api);
    std::set<std::string> seen;
    bool counted = false;
    engine.watch([] { return !g_stop.load(); },
        [&](const client::SyncReport&) {
            if (!counted) {
                counted = true;
                ++ready;
            }
            const auto product = replica.product(1);
            if (!product) {
                return;
            }
            const auto name = product->value("name", "");
            std::lock_guard lock(g_mutex);
            const auto it = g_written.find(name);
            if (it != g_written.end() && seen.insert(name).second) {
                g_latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - it->second).count());
            }
        },
        1);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        std::cout << "usage: tosserp-bench-propagation SERVER_URL PASSWORD CLIENTS SAMPLES\n";
        return 2;
    }
    const QString url = argv[1];
    const int clients = std::atoi(argv[3]);
    const int samples = std::atoi(argv[4]);
    client::ApiClient admin(url);
    if (!admin.login("admin", argv[2]).ok()) {
        std::cerr << "cannot sign in\n";
        return 1;
    }
    QTemporaryDir dir;
    std::atomic<int> ready { 0 };
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back(follower, url, admin.accessToken(), admin.refreshToken(),
            dir.filePath(QString("replica-%1.db").arg(c)), std::ref(ready));
    }
    while (ready < clients) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::this_thread::sleep_for(std::chrono::seconds(1)); // every live channel open
    // Background writes: stock receipts of another product, about 20 a second.
    std::thread background([&] {
        client::ApiClient writer(url);
        writer.setTokens(admin.accessToken(), admin.refreshToken());
        while (!g_stop) {
            writer.post("/api/v1/stock/movements",
                { { "kind", "receipt" }, { "product_id", 2 }, { "quantity", 1 }, { "to_location_id", 7 } });
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    for (int s = 0; s < samples; ++s) {
        const std::string name = "Propagation sample " + std::to_string(s);
        const auto read = admin.get("/api/v1/products/1");
        if (!read.ok()) {
            std::cerr << "reading product 1 failed (HTTP " << read.status << " " << read.networkError << ")\n";
            g_stop = true;
            background.join();
            for (auto& t : threads) {
                t.join();
            }
            return 1;
        }
        const auto current = read.json();
        const auto reply = admin.post("/api/v1/sync/push",
            { { "protocol", 1 },
                { "commands",
                    { { { "id", QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString() },
                        { "type", "UpdateProduct" },
                        { "payload",
                            { { "product_id", 1 }, { "base", { { "name", current["name"] } } },
                                { "changes", { { "name", name } } } } } } } } });
        {
            std::lock_guard lock(g_mutex);
            g_written[name] = Clock::now();
        }
        if (!reply.ok()) {
            std::cerr << "push failed\n";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    std::this_thread::sleep_for(std::chrono::seconds(2));
    g_stop = true;
    background.join();
    for (auto& t : threads) {
        t.join();
    }
    std::sort(g_latencies.begin(), g_latencies.end());
    const auto at = [](double q) {
        return g_latencies.empty() ? 0.0 : g_latencies[static_cast<std::size_t>(q * (g_latencies.size() - 1))];
    };
    std::printf("{\"clients\":%d,\"samples\":%d,\"observations\":%zu,\"expected\":%d,\"p50_ms\":%.1f,\"p99_ms\":%.1f,"
                "\"max_ms\":%.1f}\n",
        clients, samples, g_latencies.size(), clients * samples, at(0.5), at(0.99), at(1.0));
    return 0;
}
