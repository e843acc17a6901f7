// The database layer on a real PostgreSQL server (the cluster ./scripts/test starts).

#include "server/core/idempotency.h"
#include "server/db/database.h"
#include "server/db/dialect.h"
#include "server/events/dispatcher.h"
#include "server/events/event_store.h"
#include "server/payments/payments_schema.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace {

using tosserp::db::Connection;
using tosserp::db::Database;
using tosserp::db::DbError;
using tosserp::db::Dialect;
using tosserp::test::OwnCluster;
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

TEST(Postgres, KeysOfDeletedRowsAreNotGivenAgainWhenIdentitiesCatchUp)
{
    PgDatabase pg;
    Database database(pg.conninfo());
    database.migrate(tosserp::payments::paymentsMigrations());
    std::int64_t order = 0;
    const auto insert = [&] {
        return database.write([&](Connection& c) {
            return c
                .prepare("INSERT INTO payments (order_id, state, amount_minor, currency, created_at, updated_at) "
                         "VALUES (?, 'pending', 1, 'EUR', 0, 0) RETURNING id")
                .bind(1, ++order)
                .insertedKey();
        });
    };
    for (int i = 0; i < 3; ++i) {
        insert();
    }
    // The two newest rows go, then identities catch up (as after a migration that inserts keys).
    database.write([](Connection& c) {
        c.prepare("DELETE FROM payments WHERE id > 1").run();
        c.execScript(tosserp::db::identitiesCatchUp(Dialect::Postgres));
    });
    EXPECT_EQ(insert(), 4);
    // Keys a migration wrote itself are passed too.
    database.write([](Connection& c) {
        c.prepare("INSERT INTO payments (id, order_id, state, amount_minor, currency, created_at, updated_at) VALUES "
                  "(10, 100, 'pending', 1, 'EUR', 0, 0)")
            .run();
        c.execScript(tosserp::db::identitiesCatchUp(Dialect::Postgres));
    });
    EXPECT_EQ(insert(), 11);
}

TEST(Postgres, AStatementSentWithTooFewParametersFailsAsAMistakeNotAsAnOutage)
{
    PgDatabase pg;
    Database database(pg.conninfo());
    try {
        database.read([](Connection& c) {
            auto& q = c.prepare("SELECT CAST(? AS BIGINT) + CAST(? AS BIGINT)");
            q.bind(1, std::int64_t { 1 });
            return q.step();
        });
        FAIL() << "a statement missing a parameter ran";
    } catch (const DbError& e) {
        EXPECT_FALSE(e.isTransient()) << e.what();
    }
    EXPECT_EQ(scalar(database, "SELECT 1 + 1"), 2); // the connection is fine
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

using tosserp::test::TempDir;
using tosserp::test::TestServer;

/// A clerk receiving one unit at a time through the API, each receipt with a key of its own,
/// who sends a refused receipt again (same key) until it is acknowledged. Any answer but 201,
/// 503 `database_busy` with `Retry-After: 1`, or 500 `outcome_unknown` (the database went
/// away during COMMIT: the same key tells) is wrong.
class Clerk {
public:
    Clerk(TestServer& server, std::int64_t product, std::int64_t shelf, const std::string& keys)
        : m_thread([this, &server, product, shelf, keys] {
            for (int n = 0; !m_stop; ++n) {
                const auto key = keys + std::to_string(n);
                const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
                while (true) {
                    const auto reply = server.post("/api/v1/stock/movements",
                        { { "kind", "receipt" }, { "product_id", product }, { "quantity", 1 },
                            { "to_location_id", shelf } },
                        { { "Idempotency-Key", key } });
                    if (reply.status == 201) {
                        ++acknowledged;
                        break;
                    }
                    const bool busy
                        = reply.status == 503 && reply.header("retry-after") == "1" && reply.code() == "database_busy";
                    const bool unknown = reply.status == 500 && reply.code() == "outcome_unknown";
                    if ((!busy && !unknown) || std::chrono::steady_clock::now() > giveUp) {
                        std::lock_guard lock(m_mutex);
                        m_wrongAnswer = std::to_string(reply.status) + " " + reply.body;
                        return;
                    }
                    ++refused;
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            }
        })
    { }
    ~Clerk() { finish(); }
    Clerk(const Clerk&) = delete;
    Clerk& operator=(const Clerk&) = delete;

    /// Waits until `count` receipts in all were acknowledged (false after 30 s).
    bool waitFor(int count)
    {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (acknowledged < count && std::chrono::steady_clock::now() < until && wrongAnswer().empty()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return acknowledged >= count;
    }
    /// Lets the receipt under way finish, then stops.
    void finish()
    {
        m_stop = true;
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }
    std::string wrongAnswer()
    {
        std::lock_guard lock(m_mutex);
        return m_wrongAnswer;
    }

    std::atomic<int> acknowledged { 0 };
    std::atomic<int> refused { 0 };

private:
    std::atomic<bool> m_stop { false };
    std::mutex m_mutex;
    std::string m_wrongAnswer;
    std::thread m_thread;
};

/// What the clerk's receipts must have left: every acknowledged one there once (the refused
/// ones sent again not doubled), and signing in works at once (the Users database, idle since
/// the outage: connections found dropped are opened again before anything is sent on them).
void expectNothingLostOrDoubled(TestServer& server, Clerk& clerk, std::int64_t product)
{
    EXPECT_TRUE(clerk.wrongAnswer().empty()) << clerk.wrongAnswer();
    EXPECT_GT(clerk.refused.load(), 0) << "no request met the outages";
    const auto level = server.get("/api/v1/stock/levels?product_id=" + std::to_string(product));
    ASSERT_EQ(level.status, 200) << level.body;
    EXPECT_EQ(level.json()["items"][0]["on_hand"], clerk.acknowledged.load()) << level.body;
    const auto signIn = server.post("/api/v1/auth/login",
        { { "username", "admin" }, { "password", TestServer::kAdminPassword } }, { { TestServer::kNoAuth, "" } });
    EXPECT_EQ(signIn.status, 200) << signIn.body;
}

/// A server with each domain on a fresh database of the shared test cluster, a warehouse and
/// a product.
struct OnPostgres {
    explicit OnPostgres(const std::string& sku)
    {
        tosserp::ServerConfig config;
        config.stockDatabase = databases[0].conninfo();
        config.usersDatabase = databases[1].conninfo();
        config.ordersDatabase = databases[2].conninfo();
        config.paymentsDatabase = databases[3].conninfo();
        server = std::make_unique<TestServer>(config);
        shelf = server->makeWarehouse("PG").second;
        product = server->makeProduct(sku);
    }
    std::array<PgDatabase, 4> databases; ///< Stock, Users, Orders, Payments
    std::unique_ptr<TestServer> server;
    std::int64_t shelf = 0;
    std::int64_t product = 0;
};

TEST(Postgres, WhilePostgresDropsEveryConnectionTheApiAnswers503AndLosesNothingAcknowledged)
{
    OnPostgres pg("PG-1");
    auto& server = *pg.server;
    const auto& [stock, users, orders, payments] = pg.databases;
    const auto shelf = pg.shelf;
    const auto product = pg.product;
    Clerk clerk(server, product, shelf, "pg-outage-");
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
    clerk.finish();
    EXPECT_GT(clerk.acknowledged.load(), 3);
    expectNothingLostOrDoubled(server, clerk, product);
}

TEST(Postgres, AConnectionLostDuringCommitIsAnsweredOutcomeUnknownAndTheSameKeyThenAppliesItOnce)
{
    OnPostgres pg("PG-3");
    auto& server = *pg.server;
    const auto& stock = pg.databases[0];
    // A check deferred to COMMIT that takes its time: the connection is cut while it runs.
    tosserp::db::openConnection(stock.conninfo(), false)
        ->execScript("CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN PERFORM "
                     "pg_sleep(2); RETURN NULL; END'; CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON "
                     "stock_movements DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()");
    const nlohmann::json receipt
        = { { "kind", "receipt" }, { "product_id", pg.product }, { "quantity", 1 }, { "to_location_id", pg.shelf } };
    int ended = 0;
    std::thread cut([&] {
        for (int i = 0; i < 100 && ended == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            ended = PgDatabase::admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + stock.name() + "' AND query = 'COMMIT' AND state = 'active'");
        }
    });
    const auto first = server.post("/api/v1/stock/movements", receipt, { { "Idempotency-Key", "commit-lost-1" } });
    cut.join();
    ASSERT_EQ(ended, 1) << "the COMMIT was not cut";
    EXPECT_EQ(first.status, 500) << first.body;
    EXPECT_EQ(first.code(), "outcome_unknown") << first.body;
    EXPECT_TRUE(first.header("retry-after").empty());

    // Sent again with the same key (the check gone), it is applied once, however often it is sent.
    tosserp::db::openConnection(stock.conninfo(), false)->execScript("DROP TRIGGER slow_commit ON stock_movements");
    for (int again = 0; again < 2; ++again) {
        const auto reply = server.post("/api/v1/stock/movements", receipt, { { "Idempotency-Key", "commit-lost-1" } });
        EXPECT_LT(reply.status, 300) << reply.body;
    }
    const auto level = server.get("/api/v1/stock/levels?product_id=" + std::to_string(pg.product));
    ASSERT_EQ(level.status, 200) << level.body;
    EXPECT_EQ(level.json()["items"][0]["on_hand"], 1) << level.body;
}

TEST(Postgres, WhilePostgresIsStoppedTheApiAnswers503AndAfterwardsRecoversByItselfLosingNothing)
{
    OwnCluster cluster;
    tosserp::ServerConfig config;
    for (const auto& [domain, location] : config.databases()) {
        cluster.createDatabase("tosserp_" + domain);
        *location = cluster.conninfo("tosserp_" + domain);
    }
    TestServer server(config);
    const auto shelf = server.makeWarehouse("PG").second;
    const auto product = server.makeProduct("PG-2");
    Clerk clerk(server, product, shelf, "pg-stop-");
    ASSERT_TRUE(clerk.waitFor(5)) << clerk.wrongAnswer();

    // Stopped at once, as a crash would stop it, for three seconds.
    cluster.stop("immediate");
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const auto read = server.get("/api/v1/products");
    EXPECT_EQ(read.status, 503) << read.body;
    EXPECT_EQ(read.code(), "database_busy") << read.body;
    EXPECT_EQ(server.get("/health/ready").status, 503);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const auto during = clerk.acknowledged.load();
    cluster.start();

    // Nothing is restarted on the server's side: its next requests find PostgreSQL back.
    ASSERT_TRUE(clerk.waitFor(during + 10)) << clerk.wrongAnswer();
    clerk.finish();
    EXPECT_EQ(server.get("/health/ready").status, 200);
    expectNothingLostOrDoubled(server, clerk, product);
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
