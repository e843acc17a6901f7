// The database layer on a real PostgreSQL server (the cluster ./scripts/test starts).

#include "server/core/idempotency.h"
#include "server/db/database.h"
#include "server/events/dispatcher.h"
#include "server/events/event_store.h"
#include "server/payments/payments_schema.h"
#include "test_server.h"

#include <gtest/gtest.h>

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
            c.prepare("INSERT INTO payments (order_id, state, amount_minor, currency, created_at, updated_at) VALUES "
                      "(?, 'pending', ?, 'EUR', 0, 0)")
                .bindAll({ std::int64_t { order }, std::int64_t { 1000 * order } })
                .run();
            made.push_back(c.lastInsertId());
        }
        return made;
    });
    EXPECT_EQ(ids, (std::vector<std::int64_t> { 1, 2 }));
    // Numbered placeholders, NULL parameters, and reads of every type.
    const auto total = database.read([](Connection& c) {
        auto& q = c.prepare("SELECT COALESCE(SUM(amount_minor), 0), COUNT(*) FROM payments WHERE id > ?1 AND (?2 IS "
                            "NULL OR order_id = ?2)");
        q.bindAll({ std::int64_t { 0 }, nullptr });
        q.step();
        const auto sum = q.integer(0) + q.integer(1);
        q.reset();
        return sum;
    });
    EXPECT_EQ(total, 3002);
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
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM payments"), 0);
    // The server ends every session of the database (as a restart or a failover would).
    EXPECT_EQ(scalar(database, "SELECT COUNT(*) FROM consumer_checkpoints"), 0); // a reader is open too
    PgDatabase::admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + pg.name() + "'");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    bool transient = false;
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            database.write([](Connection& c) {
                c.prepare("INSERT INTO consumer_checkpoints (consumer, position) VALUES ('after-restart', 1)").run();
            });
            break;
        } catch (const DbError& e) {
            // The statement that finds the connection gone fails as worth retrying.
            EXPECT_TRUE(e.isTransient()) << e.what();
            transient = true;
        }
    }
    EXPECT_TRUE(transient) << "the dropped connection went unnoticed";
    // The reader fails once as well, then answers again.
    std::int64_t count = -1;
    int failures = 0;
    for (int attempt = 0; attempt < 2 && count < 0; ++attempt) {
        try {
            count = scalar(database, "SELECT COUNT(*) FROM consumer_checkpoints WHERE consumer = 'after-restart'");
        } catch (const DbError& e) {
            EXPECT_TRUE(e.isTransient()) << e.what();
            ++failures;
        }
    }
    EXPECT_EQ(count, 1);
    EXPECT_LE(failures, 1);
}

} // namespace
