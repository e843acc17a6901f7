// The database layer on a real PostgreSQL server (the cluster ./scripts/test starts).

#include "server/core/idempotency.h"
#include "server/db/database.h"
#include "server/events/dispatcher.h"
#include "server/events/event_store.h"
#include "server/payments/payments_schema.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace {

using tosserp::db::Connection;
using tosserp::db::Database;
using tosserp::db::DbError;
using tosserp::db::Dialect;
using tosserp::test::PgDatabase;
using tosserp::test::scalar;

TEST(Postgres, MigrationsRunOnceAndTheSchemaTakesTheDomainsRows)
{
    PgDatabase pg;
    Database database(pg.conninfo());
    EXPECT_EQ(database.dialect(), Dialect::Postgres);
    const auto& migrations = tosserp::payments::paymentsMigrations();
    EXPECT_EQ(database.migrate(migrations), static_cast<int>(migrations.size()));
    EXPECT_EQ(database.migrate(migrations), 0);
    // Opened again (a restart), nothing runs twice.
    Database again(pg.conninfo());
    EXPECT_EQ(again.migrate(migrations), 0);
    EXPECT_EQ(scalar(again, "SELECT COUNT(*) FROM schema_migrations"), static_cast<std::int64_t>(migrations.size()));

    // Keys come from identities, as SQLite's integer keys do.
    const auto ids = database.write([](Connection& c) {
        std::vector<std::int64_t> made;
        for (int order = 1; order <= 2; ++order) {
            made.push_back(c.prepare("INSERT INTO payments (order_id, state, amount_minor, currency, created_at, "
                                     "updated_at) VALUES (?, 'pending', ?, 'EUR', 0, 0) RETURNING id")
                               .bindAll({ std::int64_t { order }, std::int64_t { 1000 * order } })
                               .insertedKey());
        }
        return made;
    });
    EXPECT_EQ(ids, (std::vector<std::int64_t> { 1, 2 }));
    // Numbered placeholders, NULL parameters, and reads of every type.
    const auto [sum, count] = database.read([](Connection& c) {
        auto& q = c.prepare("SELECT COALESCE(SUM(amount_minor), 0), COUNT(*) FROM payments WHERE id > ?1 AND (?2 IS "
                            "NULL OR order_id = ?2)");
        q.bindAll({ std::int64_t { 0 }, nullptr });
        q.step();
        const auto figures = std::pair { q.integer(0), q.integer(1) };
        q.reset();
        return figures;
    });
    EXPECT_EQ(sum, 3000);
    EXPECT_EQ(count, 2);
}

TEST(Postgres, ABrokenConstraintIsAConstraintErrorAndRollsBackTheWholeTransaction)
{
    PgDatabase pg;
    Database database(pg.conninfo());
    database.migrate(tosserp::payments::paymentsMigrations());
    const auto insert = [](Connection& c, std::int64_t order) {
        c.prepare("INSERT INTO payments (order_id, state, amount_minor, currency, created_at, updated_at) VALUES "
                  "(?, 'pending', 100, 'EUR', 0, 0)")
            .bind(1, order)
            .run();
    };
    database.write([&](Connection& c) { insert(c, 7); });
    try {
        database.write([&](Connection& c) {
            insert(c, 8);
            insert(c, 7); // one payment per order
        });
        FAIL() << "a second payment for order 7 was taken";
    } catch (const DbError& e) {
        EXPECT_TRUE(e.isConstraint()) << e.what();
        EXPECT_FALSE(e.isTransient());
    }
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM payments"), 1);
    // The writer goes on after the failure.
    database.write([&](Connection& c) { insert(c, 9); });
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM payments"), 2);
    // A reader cannot write.
    EXPECT_THROW(database.read([&](Connection& c) { insert(c, 10); }), DbError);
}

TEST(Postgres, EventsCheckpointsAndIdempotencyKeysWorkAsOnSqlite)
{
    PgDatabase pg;
    Database database(pg.conninfo());
    database.migrate(tosserp::payments::paymentsMigrations());
    tosserp::events::EventContext context;
    context.actor = "user:1";
    context.correlationId = "c-1";
    database.write([&](Connection& c) {
        for (int i = 0; i < 5; ++i) {
            tosserp::events::EventStore::append(c, "payment-1", "PaymentCaptured", { { "n", i } }, context);
        }
    });
    EXPECT_EQ(database.read([](Connection& c) { return tosserp::events::EventStore::lastPosition(c); }), 5);
    tosserp::events::EventFilter filter;
    filter.afterPosition = 2;
    filter.type = "PaymentCaptured";
    filter.limit = 10;
    const auto later = database.read([&](Connection& c) { return tosserp::events::EventStore::list(c, filter); });
    ASSERT_EQ(later.size(), 3u);
    EXPECT_EQ(later[0].position, 3);
    EXPECT_EQ(later[0].streamVersion, 3);
    EXPECT_EQ(later[2].payload["n"], 4);
    // A checkpoint only moves forward (max() is GREATEST on PostgreSQL).
    database.write([](Connection& c) { tosserp::events::Checkpoints::advance(c, "orders.payments", 9); });
    database.write([](Connection& c) { tosserp::events::Checkpoints::advance(c, "orders.payments", 4); });
    EXPECT_EQ(database.read([](Connection& c) { return tosserp::events::Checkpoints::get(c, "orders.payments"); }), 9);
    // An idempotency key recalls its first answer.
    const tosserp::IdempotencyKey key { "user:1:refund-1", "hash-a" };
    database.write([&](Connection& c) { tosserp::rememberIdempotent(c, key, { { "id", 1 } }); });
    const auto recalled = database.read([&](Connection& c) { return tosserp::recallIdempotent(c, key); });
    ASSERT_TRUE(recalled.ok());
    ASSERT_TRUE(recalled.value().has_value());
    EXPECT_EQ((*recalled.value())["id"], 1);
}

TEST(Postgres, AConnectionTheServerDroppedIsOpenedAgainOnItsNextUse)
{
    PgDatabase pg;
    Database database(pg.conninfo());
    database.migrate(tosserp::payments::paymentsMigrations());
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM consumer_checkpoints"), 0); // a reader is open too
    const auto dropAll = [&] {
        return PgDatabase::admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + pg.name() + "'");
    };
    // Dropped while idle: the next transaction and the next read open their connection again
    // before sending anything, and nobody sees a failure.
    EXPECT_GE(dropAll(), 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    database.write([](Connection& c) {
        c.prepare("INSERT INTO consumer_checkpoints (consumer, position) VALUES ('after-restart', 1)").run();
    });
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM consumer_checkpoints"), 1);
    // Dropped in the middle of a transaction: that transaction fails as worth retrying, and
    // the next one goes through.
    try {
        database.write([&](Connection& c) {
            c.prepare("INSERT INTO consumer_checkpoints (consumer, position) VALUES ('lost', 1)").run();
            dropAll();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            c.prepare("INSERT INTO consumer_checkpoints (consumer, position) VALUES ('lost-too', 1)").run();
        });
        FAIL() << "a transaction outlived its connection";
    } catch (const DbError& e) {
        EXPECT_TRUE(e.isTransient()) << e.what();
    }
    database.write([](Connection& c) {
        c.prepare("INSERT INTO consumer_checkpoints (consumer, position) VALUES ('after-failure', 1)").run();
    });
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM consumer_checkpoints"), 2);
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM consumer_checkpoints WHERE consumer LIKE 'lost%'"), 0);
}

} // namespace

namespace {

using tosserp::test::TestServer;

TEST(Postgres, WhilePostgresDropsEveryConnectionTheApiAnswers503AndLosesNothingAcknowledged)
{
    PgDatabase stock, users, orders, payments;
    tosserp::ServerConfig config;
    config.stockDatabase = stock.conninfo();
    config.usersDatabase = users.conninfo();
    config.ordersDatabase = orders.conninfo();
    config.paymentsDatabase = payments.conninfo();
    TestServer server(config);
    const auto shelf = server.makeWarehouse("PG").second;
    const auto product = server.makeProduct("PG-1");

    // A clerk receives one unit at a time, each with a key of its own, and sends a refused
    // receipt again (same key) until it is acknowledged.
    std::atomic<bool> stop { false };
    std::atomic<int> refused { 0 };
    std::atomic<int> acknowledged { 0 };
    std::string wrongAnswer;
    std::thread clerk([&] {
        for (int n = 0; !stop; ++n) {
            const auto key = "pg-outage-" + std::to_string(n);
            for (int attempt = 0; attempt < 100; ++attempt) {
                const auto reply = server.post("/api/v1/stock/movements",
                    { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 },
                        { "to_location_id", shelf } },
                    { { "Idempotency-Key", key } });
                if (reply.status == 201) {
                    ++acknowledged;
                    break;
                }
                if (reply.status != 503 || reply.header("retry-after") != "1" || reply.code() != "database_busy") {
                    wrongAnswer = std::to_string(reply.status) + " " + reply.body;
                    return;
                }
                ++refused;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
    });
    // Twice, the four databases go away for a second: PostgreSQL ends every connection and
    // takes no new ones, as while it restarts or fails over.
    const std::vector<std::string> names = { stock.name(), users.name(), orders.name(), payments.name() };
    int ended = 0;
    for (int outage = 0; outage < 2; ++outage) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        for (const auto& name : names) {
            PgDatabase::admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            ended += PgDatabase::admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        }
        std::this_thread::sleep_for(std::chrono::seconds(1));
        const auto readDuringOutage = server.get("/api/v1/products");
        EXPECT_EQ(readDuringOutage.status, 503) << readDuringOutage.body;
        for (const auto& name : names) {
            PgDatabase::admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }
    }
    EXPECT_GE(ended, 4) << "the outages ended no connection";
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
    clerk.join();
    EXPECT_TRUE(wrongAnswer.empty()) << wrongAnswer;
    EXPECT_GT(refused.load(), 0) << "no request met the outages";
    EXPECT_GT(acknowledged.load(), 3);
    // Every acknowledged receipt is there once, and the refused ones sent again were not doubled.
    const auto level = server.get("/api/v1/stock/levels?product_id=" + std::to_string(product));
    ASSERT_EQ(level.status, 200) << level.body;
    EXPECT_EQ(level.json()["items"][0]["on_hand"], acknowledged.load()) << level.body;
    // Signing in (the Users database, idle since the outage) works at once: connections found
    // dropped are opened again before anything was sent on them.
    const auto signIn = server.post("/api/v1/auth/login",
        { { "username", "admin" }, { "password", TestServer::kAdminPassword } }, { { TestServer::kNoAuth, "" } });
    EXPECT_EQ(signIn.status, 200) << signIn.body;
}

TEST(Postgres, ProductSearchIgnoresCaseAsOnSqlite)
{
    PgDatabase stock;
    tosserp::ServerConfig config;
    config.stockDatabase = stock.conninfo();
    TestServer server(config);
    const auto id = server.makeProduct("Tea-Green-1");
    for (const auto* query : { "tea-green", "TEA-GREEN", "product tea" }) {
        const auto found = server.get(std::string("/api/v1/products?q=") + query);
        ASSERT_EQ(found.status, 200) << found.body;
        ASSERT_EQ(found.json()["items"].size(), 1u) << query << ": " << found.body;
        EXPECT_EQ(found.json()["items"][0]["id"], id);
    }
}

TEST(Postgres, ManyReadersShareABoundedPoolOfConnections)
{
    PgDatabase pg;
    Database database(pg.conninfo());
    database.migrate(tosserp::payments::paymentsMigrations());
    std::vector<std::thread> readers;
    std::atomic<int> done { 0 };
    for (int i = 0; i < 40; ++i) {
        readers.emplace_back([&] {
            database.read([](Connection& c) {
                auto& q = c.prepare("SELECT pg_sleep(0.2)");
                q.step();
                q.reset();
            });
            ++done;
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    const int open = PgDatabase::admin("SELECT pid FROM pg_stat_activity WHERE datname = '" + pg.name() + "'");
    for (auto& reader : readers) {
        reader.join();
    }
    EXPECT_EQ(done.load(), 40); // every read was served, some after waiting for a connection
    EXPECT_LE(open, 17) << "16 readers and the writer at most";
    EXPECT_GE(open, 2);
}

} // namespace
