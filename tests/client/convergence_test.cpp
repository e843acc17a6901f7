// One server and several replicas over real HTTP doing seeded random work: offline periods,
// answers lost on the way back, pushes sent twice, edits of the same product on several
// replicas. At the end every replica equals the server (checksums), and the server holds
// exactly one movement per applied command: none lost, none doubled.
#include "client_fixture.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

using nlohmann::json;
using namespace tosserp;
using tosserp::test::TempDir;
using tosserp::test::TestClient;
using tosserp::test::TestServer;

#ifndef TOSSERP_CONVERGENCE_SEEDS
#define TOSSERP_CONVERGENCE_SEEDS 3
#endif

namespace {

std::size_t serverMovementCount(TestServer& server)
{
    std::size_t total = 0;
    std::string cursor;
    do {
        const auto page
            = server.get("/api/v1/stock/movements?limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor)).json();
        total += page["items"].size();
        cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    } while (!cursor.empty());
    return total;
}

void converge(unsigned seed)
{
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    TestServer server;
    const auto [main, mainStock] = server.makeWarehouse("MAIN");
    const auto [east, eastStock] = server.makeWarehouse("EAST");
    (void)main;
    (void)east;
    std::vector<std::int64_t> products;
    for (int i = 0; i < 5; ++i) {
        products.push_back(server.makeProduct("P-" + std::to_string(i)));
        server.receive(products.back(), mainStock, 20);
    }
    const std::size_t initialMovements = products.size();
    const std::vector<std::int64_t> shelves { mainStock, eastStock };

    TempDir dir;
    std::vector<std::unique_ptr<TestClient>> clients;
    for (int c = 0; c < 3; ++c) {
        const auto name = "clerk" + std::to_string(c);
        server.makeUser(name, { "warehouse_staff", "catalog_manager" }, { main, east });
        clients.push_back(std::make_unique<TestClient>(server, dir, name, TestServer::kUserPassword));
        ASSERT_TRUE(clients.back()->engine.syncOnce().error.empty());
    }
    std::vector<bool> online(clients.size(), true);
    std::set<std::string> enqueued; // every stock command any replica queued
    auto queue = [&](TestClient& client, sync::CommandType type, const json& payload) {
        enqueued.insert(client.replica.enqueue(type, payload));
    };

    for (int step = 0; step < 120; ++step) {
        const auto c = rng() % clients.size();
        auto& client = *clients[c];
        const auto product = products[rng() % products.size()];
        switch (rng() % 8) {
        case 0:
        case 1:
            client.replica.enqueue(sync::CommandType::ReceiveStock,
                { { "product_id", product }, { "quantity", std::to_string(1 + rng() % 4) },
                    { "location_id", shelves[rng() % 2] } });
            break;
        case 2:
            client.replica.enqueue(sync::CommandType::ShipStock,
                { { "product_id", product }, { "quantity", std::to_string(1 + rng() % 3) },
                    { "location_id", shelves[rng() % 2] } });
            break;
        case 3:
            client.replica.enqueue(sync::CommandType::MoveStock,
                { { "product_id", product }, { "quantity", "1" }, { "from_location_id", mainStock },
                    { "to_location_id", eastStock } });
            break;
        case 4: {
            const auto row = client.replica.product(product);
            if (row) {
                const std::string field = rng() % 2 ? "name" : "description";
                client.replica.enqueue(sync::CommandType::UpdateProduct,
                    { { "product_id", product }, { "base", { { field, (*row)[field] } } },
                        { "changes",
                            { { field, field + " by " + std::to_string(c) + "/" + std::to_string(step) } } } });
            }
            break;
        }
        case 5:
            online[c] = !online[c]; // goes offline (or comes back)
            break;
        case 6: {
            // The answer is lost: the server applies the push, the replica never hears of it.
            const auto pending = client.replica.outbox({ "pending" });
            if (online[c] && !pending.empty()) {
                json commands = json::array();
                for (const auto& entry : pending) {
                    commands.push_back({ { "id", entry.id }, { "type", entry.type }, { "payload", entry.payload } });
                }
                client.api.post("/api/v1/sync/push", { { "protocol", 1 }, { "commands", commands } });
            }
            break;
        }
        default:
            if (online[c]) {
                const auto report = client.engine.syncOnce();
                ASSERT_TRUE(report.error.empty()) << report.error;
            }
        }
        if (online[c] && rng() % 3 == 0) {
            client.engine.push(); // a second push of the same commands changes nothing
        }
    }

    // Everyone comes back online; conflicts are resolved by keeping the server's value.
    for (int round = 0; round < 3; ++round) {
        for (auto& client : clients) {
            ASSERT_TRUE(client->engine.syncOnce().error.empty());
            for (const auto& conflict : client->replica.conflicts()) {
                client->replica.resolveConflict(conflict.id, false);
            }
        }
    }
    const auto serverSums = server.get("/api/v1/sync/checksum").json();
    for (std::size_t c = 0; c < clients.size(); ++c) {
        auto& client = *clients[c];
        EXPECT_TRUE(client.replica.outbox({ "pending", "acked" }).empty()) << "client " << c;
        EXPECT_EQ(client.replica.checksum()["tables"], serverSums["tables"]) << "client " << c;
        EXPECT_EQ(client.replica.integrityCheck(), "ok");
        for (const auto& level : client.replica.levels()) {
            EXPECT_EQ(level.pendingMilli, 0);
        }
    }
    // Every queued stock command was applied exactly once or refused with a reason; the
    // server holds one movement per applied command.
    const auto applied = server.runtime().stockDatabase().read([](db::Connection& c) {
        std::set<std::string> ids;
        auto& q = c.prepare("SELECT key FROM idempotency_keys WHERE key LIKE '%:sync:%'");
        while (q.step()) {
            const auto key = q.text(0);
            ids.insert(key.substr(key.rfind(':') + 1));
        }
        q.reset();
        return ids;
    });
    std::set<std::string> refused;
    for (auto& client : clients) {
        for (const auto& entry : client->replica.outbox({ "rejected" })) {
            refused.insert(entry.id);
        }
    }
    for (const auto& id : enqueued) {
        EXPECT_TRUE(applied.count(id) + refused.count(id) == 1)
            << "command " << id << " lost or both applied and refused";
    }
    EXPECT_EQ(serverMovementCount(server), initialMovements + applied.size());
    EXPECT_GT(applied.size(), 10u);
}

} // namespace

TEST(Convergence, EveryReplicaEndsEqualToTheServer)
{
    for (unsigned seed = 1; seed <= TOSSERP_CONVERGENCE_SEEDS; ++seed) {
        converge(seed);
        if (HasFatalFailure()) {
            return;
        }
    }
}
