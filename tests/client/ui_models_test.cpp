// The desktop client's models over a real replica synced from a real server: search as you
// type, a scanner's code, queued work showing as pending, conflicts resolved from the inbox.
#include "client/src/replica.h"
#include "client/src/sync_engine.h"
#include "client/src/ui/app_state.h"
#include "client/src/ui/audit_model.h"
#include "client/src/ui/dashboard.h"
#include "client/src/ui/order_model.h"
#include "client/src/ui/product_model.h"
#include "client/src/ui/replica_models.h"
#include "server/app/runtime.h"
#include "test_server.h"
#include "wait.h"

#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <set>

using namespace tosserp;
using tosserp::test::TempDir;
using tosserp::test::TestServer;
using tosserp::test::waitFor;

namespace {

/// One server and one replica for the whole program: AppState is a process-wide singleton.
struct World {
    TestServer server;
    TempDir dir;
    QString replicaPath = QString::fromStdString((dir.path() / "ui.replica").string());
    std::int64_t stock = 0;

    World()
    {
        stock = server.makeWarehouse("MAIN").second;
        server.makeProduct("TEA-1", "pcs", { "4006381333931" });
        server.makeProduct("COF-1");
        {
            client::Replica replica(replicaPath);
            client::ApiClient api(QString("http://127.0.0.1:%1").arg(server.port()));
            api.login("admin", TestServer::kAdminPassword);
            client::SyncEngine engine(replica, api);
            engine.syncOnce();
            // The window's worker signs in from what the replica remembers.
            replica.setMeta("server_url", api.baseUrl().toStdString());
            replica.setMeta("access_token", api.accessToken());
            replica.setMeta("refresh_token", api.refreshToken());
        }
        client::AppState::configure(replicaPath, {});
    }
};

World& world()
{
    static World instance;
    return instance;
}

} // namespace

namespace {

/// The server's on-hand figure for `sku` at one location (0 when it holds none).
double serverOnHand(TestServer& server, const std::string& sku, std::int64_t location)
{
    const auto levels = server.get("/api/v1/stock/levels?location_id=" + std::to_string(location)).json();
    for (const auto& item : levels["items"]) {
        if (item["sku"] == sku && item["location_id"] == location) {
            return item["on_hand"].get<double>();
        }
    }
    return 0;
}

/// Syncs on the worker thread like the window does and waits for the outcome.
void syncAndWait(client::AppState* state)
{
    state->syncNow();
    for (int i = 0; i < 50 && state->busy(); ++i) {
        QSignalSpy(state, &client::AppState::changed).wait(200);
    }
    ASSERT_FALSE(state->busy()) << state->message().toStdString();
}

} // namespace

TEST(UiModels, SearchAsYouTypeNarrowsTheList)
{
    world();
    client::ProductModel model;
    EXPECT_EQ(model.count(), 0) << "the list fills from the reader thread, never while the window waits";
    ASSERT_TRUE(waitFor([&] { return model.count() == 2; }));
    QSignalSpy countChanged(&model, &client::ProductModel::countChanged);
    QSignalSpy queryChanged(&model, &client::ProductModel::queryChanged);
    QSignalSpy loaded(&model, &client::ProductModel::loaded);
    model.setQuery("TEA");
    EXPECT_EQ(queryChanged.count(), 1);
    ASSERT_TRUE(loaded.wait(5000));
    EXPECT_GE(countChanged.count(), 1);
    ASSERT_EQ(model.count(), 1);
    EXPECT_EQ(model.data(model.index(0), client::ProductModel::SkuRole).toString(), "TEA-1");
    EXPECT_EQ(model.data(model.index(0), client::ProductModel::BarcodeRole).toString(), "4006381333931");
    model.setQuery("TEA"); // the same text again changes nothing
    EXPECT_EQ(queryChanged.count(), 1);
    model.setQuery("");
    EXPECT_TRUE(waitFor([&] { return model.count() == 2; }));
    // Under three characters a prefix of the name or the SKU, in any case.
    model.setQuery("te");
    ASSERT_TRUE(waitFor([&] { return model.count() == 1; }));
    EXPECT_EQ(model.data(model.index(0), client::ProductModel::SkuRole).toString(), "TEA-1");
    // Keys typed faster than the replica answers: only the last query's list is shown.
    loaded.clear();
    model.setQuery("C");
    model.setQuery("CO");
    model.setQuery("COF");
    ASSERT_TRUE(waitFor([&] { return loaded.count() >= 1; }));
    QTest::qWait(100);
    EXPECT_EQ(loaded.count(), 1);
    ASSERT_EQ(model.count(), 1);
    EXPECT_EQ(model.data(model.index(0), client::ProductModel::SkuRole).toString(), "COF-1");
}

TEST(UiModels, TheCatalogSortsAndFiltersByCategory)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    client::ProductModel model;
    const auto first = [&] { return model.data(model.index(0), client::ProductModel::SkuRole).toString(); };
    ASSERT_TRUE(waitFor([&] { return model.count() == 2; }));
    EXPECT_EQ(first(), "TEA-1"); // the order they were created
    model.setSort("sku");
    EXPECT_TRUE(waitFor([&] { return first() == "COF-1"; }));
    model.setSort("name"); // "Product COF-1" before "Product TEA-1"
    EXPECT_TRUE(waitFor([&] { return first() == "COF-1"; }));
    model.setSort("");
    EXPECT_TRUE(waitFor([&] { return first() == "TEA-1"; }));
    EXPECT_EQ(model.limit(), 200);

    // A category on the server, given to one product, synced: the filter shows that one.
    const auto category = w.server.post("/api/v1/categories", { { "name", "Coffee" } }).json()["id"].get<qint64>();
    const auto coffee = w.server.get("/api/v1/products?q=COF-1").json()["items"][0]["id"].get<std::int64_t>();
    ASSERT_EQ(
        w.server.patch("/api/v1/products/" + std::to_string(coffee), { { "category_id", category } }).status, 200);
    syncAndWait(state);
    model.setCategoryId(category);
    ASSERT_TRUE(waitFor([&] { return model.count() == 1; }));
    EXPECT_EQ(first(), "COF-1");
    model.setQuery("TEA"); // a search inside the category finds nothing else
    EXPECT_TRUE(waitFor([&] { return model.count() == 0; }));
    model.setCategoryId(0);
    EXPECT_TRUE(waitFor([&] { return model.count() == 1 && first() == "TEA-1"; }));
}

TEST(UiModels, AScannersCodeFindsTheProduct)
{
    world();
    const auto* state = client::AppState::instance();
    EXPECT_EQ(state->skuForCode("4006381333931"), "TEA-1");
    EXPECT_EQ(state->skuForCode(" COF-1 "), "COF-1");
    EXPECT_EQ(state->skuForCode("999"), "");
}

TEST(UiModels, QueuedWorkShowsAsPendingUntilSynced)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    client::LevelModel levels;
    QSignalSpy stateChanged(state, &client::AppState::changed);
    QSignalSpy levelsChanged(&levels, &client::LevelModel::countChanged);
    const auto before = state->pendingCount();
    EXPECT_EQ(state->recordMovement("receive", "4006381333931", "0", QString::number(w.stock), {}, {}).isEmpty(),
        false); // not positive
    EXPECT_EQ(state->recordMovement("receive", "NOPE", "1", QString::number(w.stock), {}, {}).isEmpty(), false);
    EXPECT_TRUE(state->recordMovement("receive", "4006381333931", "4", QString::number(w.stock), {}, {}).isEmpty());
    EXPECT_EQ(state->pendingCount(), before + 1);
    EXPECT_GE(stateChanged.count(), 1);
    ASSERT_TRUE(waitFor([&] { return levels.count() == 1; }));
    EXPECT_GE(levelsChanged.count(), 1);
    EXPECT_EQ(levels.data(levels.index(0), client::LevelModel::PendingRole).toString(), "4");
    EXPECT_EQ(levels.data(levels.index(0), client::LevelModel::OnHandRole).toString(), "4");

    // Sync runs on the worker thread; the window only hears the outcome.
    syncAndWait(state);
    EXPECT_EQ(state->pendingCount(), 0) << state->message().toStdString();
    EXPECT_TRUE(
        waitFor([&] { return levels.data(levels.index(0), client::LevelModel::PendingRole).toString() == ""; }));
    EXPECT_EQ(levels.data(levels.index(0), client::LevelModel::OnHandRole).toString(), "4");
    EXPECT_EQ(w.server.get("/api/v1/stock/levels").json()["items"][0]["on_hand"], 4);
}

TEST(UiModels, TheConflictsInboxKeepsTheChosenValue)
{
    auto& w = world();
    {
        client::Replica replica(w.replicaPath);
        const auto tea = replica.productBySku("TEA-1").value();
        replica.enqueue(sync::CommandType::UpdateProduct,
            { { "product_id", tea["id"] }, { "base", { { "name", tea["name"] } } },
                { "changes", { { "name", "Mine" } } } });
        w.server.patch("/api/v1/products/" + std::to_string(tea["id"].get<int>()), { { "name", "Theirs" } });
        client::ApiClient api(QString("http://127.0.0.1:%1").arg(w.server.port()));
        api.login("admin", TestServer::kAdminPassword);
        client::SyncEngine engine(replica, api);
        engine.syncOnce();
    }
    client::AppState::instance()->notifyReplicaChanged();
    client::ConflictModel conflicts;
    ASSERT_EQ(conflicts.count(), 1);
    EXPECT_EQ(conflicts.data(conflicts.index(0), client::ConflictModel::MineRole).toString(), "Mine");
    EXPECT_EQ(conflicts.data(conflicts.index(0), client::ConflictModel::TheirsRole).toString(), "Theirs");
    QSignalSpy countChanged(&conflicts, &client::ConflictModel::countChanged);
    const auto id = conflicts.data(conflicts.index(0), client::ConflictModel::IdRole).toLongLong();
    EXPECT_TRUE(conflicts.resolve(id, false));
    EXPECT_EQ(conflicts.count(), 0);
    EXPECT_GE(countChanged.count(), 1);
    EXPECT_FALSE(conflicts.resolve(id, true));
}

TEST(UiModels, TheProductFormValidatesAtTheFieldAndQueuesTheEdit)
{
    world();
    auto* state = client::AppState::instance();
    ASSERT_FALSE(state->productDetails("COF-1").isEmpty());
    EXPECT_TRUE(state->productDetails("NOPE").isEmpty());
    const auto empty = state->saveProduct("COF-1", "  ", "9.99", true);
    EXPECT_TRUE(empty.contains("name"));
    EXPECT_FALSE(empty.contains("price"));
    const auto tooPrecise = state->saveProduct("COF-1", "Coffee", "9.999", true);
    EXPECT_TRUE(tooPrecise.contains("price"));
    EXPECT_TRUE(state->saveProduct("COF-1", "Coffee", "-1", true).contains("price"));
    const auto before = state->pendingCount();
    EXPECT_TRUE(state->saveProduct("COF-1", "Coffee beans", "12.90", false).isEmpty());
    EXPECT_EQ(state->pendingCount(), before + 1);
    const auto shown = state->productDetails("COF-1");
    EXPECT_EQ(shown["name"].toString(), "Coffee beans");
    EXPECT_EQ(shown["price"].toString(), "12.90");
    EXPECT_FALSE(shown["active"].toBool());
    EXPECT_TRUE(shown["pending"].toBool());
    // Saving the same values again queues nothing.
    EXPECT_TRUE(state->saveProduct("COF-1", "Coffee beans", "12.90", false).isEmpty());
    EXPECT_EQ(state->pendingCount(), before + 1);
}

TEST(UiModels, TheDashboardSumsStockValueExactly)
{
    auto& w = world();
    client::Dashboard dashboard;
    QSignalSpy changed(&dashboard, &client::Dashboard::changed);
    EXPECT_FALSE(dashboard.ready()) << "the sums run on the reader thread";
    ASSERT_TRUE(waitFor([&] { return dashboard.ready(); }));
    EXPECT_TRUE(dashboard.asOf().isEmpty());
    // TEA-1 holds 4 (received earlier in this program) at 9.99: 39.96 EUR.
    EXPECT_EQ(dashboard.stockValue(), "39.96 EUR");
    EXPECT_EQ(dashboard.productCount(), 2);
    ASSERT_EQ(dashboard.warehouseNames(), QStringList { "MAIN" });
    EXPECT_NEAR(dashboard.warehouseValues().front().toDouble(), 39.96, 0.001);
    EXPECT_EQ(dashboard.topProducts().size(), 1);
    EXPECT_EQ(dashboard.belowReorder(), 0);
    // Work not yet synced counts: 2 more received are worth 19.98 more.
    auto* state = client::AppState::instance();
    changed.clear();
    ASSERT_TRUE(state->recordMovement("receive", "TEA-1", "2", QString::number(w.stock), {}, {}).isEmpty());
    ASSERT_TRUE(waitFor([&] { return dashboard.stockValue() == "59.94 EUR"; })) << dashboard.stockValue().toStdString();
    // So does a price edited here: 6 at 10.49 instead of 9.99 is 62.94.
    ASSERT_TRUE(
        state->saveProduct("TEA-1", state->productDetails("TEA-1")["name"].toString(), "10.49", true).isEmpty());
    ASSERT_TRUE(waitFor([&] { return dashboard.stockValue() == "62.94 EUR"; })) << dashboard.stockValue().toStdString();

    // A dashboard opened later shows the figures kept from the last sum at once, marked with
    // their time, until its own sum is in (held back here by a long read on the same lane, as
    // a million products would).
    bool released = false;
    state->read(
        &dashboard,
        [](client::Replica&) {
            QThread::msleep(500);
            return 0;
        },
        [&](int) { released = true; }, client::AppState::Lane::Background);
    client::Dashboard later;
    ASSERT_TRUE(waitFor([&] { return later.productCount() == 2; }));
    EXPECT_FALSE(later.ready());
    EXPECT_FALSE(later.asOf().isEmpty());
    EXPECT_EQ(later.stockValue(), "62.94 EUR");
    ASSERT_TRUE(waitFor([&] { return later.ready(); }));
    EXPECT_TRUE(released);
    EXPECT_TRUE(later.asOf().isEmpty());
    syncAndWait(state);
    EXPECT_EQ(state->pendingCount(), 0);
}

TEST(UiModels, TheStockFormsMoveAdjustAndCountOffline)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    const auto east = w.server.makeWarehouse("EAST").second;
    syncAndWait(state);
    std::vector<qlonglong> offered;
    for (const auto& place : state->stockLocations()) {
        offered.push_back(place.toMap()["id"].toLongLong());
        EXPECT_FALSE(place.toMap()["label"].toString().isEmpty());
    }
    // Only the two stock locations: suppliers, customers and adjustment places are not offered.
    EXPECT_EQ(offered, (std::vector<qlonglong> { w.stock, east }));

    const auto main = QString::number(w.stock);
    const auto other = QString::number(east);
    const auto mainBefore = serverOnHand(w.server, "TEA-1", w.stock);
    const auto eastBefore = serverOnHand(w.server, "TEA-1", east);
    const auto before = state->pendingCount();

    // Refused before anything is queued, each with its own message.
    const std::vector<QString> refusals {
        state->recordMovement("move", "TEA-1", "1", main, main, ""), // nowhere to go
        state->recordMovement("move", "TEA-1", "1", main, "999999", ""), // no such place
        state->recordMovement("move", "TEA-1", "-1", main, other, ""), // negative move
        state->recordMovement("adjust", "TEA-1", "-1", main, "", " "), // no reason
        state->recordMovement("adjust", "TEA-1", "0", main, "", "damaged"), // no change
        state->recordMovement("count", "TEA-1", "-2", main, "", ""), // negative count
        state->recordMovement("count", "TEA-1", "1.5", main, "", ""), // pieces are whole
        state->recordMovement("count", "TEA-1", "two", main, "", ""), // not a number
        state->recordMovement("ship", "TEA-1", "1", main, "", ""), // unknown kind
        state->recordMovement("receive", "NOPE", "1", main, "", ""), // unknown product
    };
    for (const auto& refusal : refusals) {
        EXPECT_FALSE(refusal.isEmpty());
    }
    EXPECT_EQ(QSet<QString>(refusals.begin(), refusals.end()).size(), 9); // the two moves to bad places share one
    EXPECT_EQ(state->pendingCount(), before);

    // One of each, by barcode and by SKU; the count is against what this replica showed.
    EXPECT_EQ(state->recordMovement("move", "4006381333931", "1", main, other, "").toStdString(), "");
    EXPECT_EQ(state->recordMovement("adjust", "TEA-1", "-1", main, "", "damaged").toStdString(), "");
    EXPECT_EQ(state->recordMovement("count", "TEA-1", "3", other, "", "").toStdString(), "");
    EXPECT_EQ(state->pendingCount(), before + 3);

    syncAndWait(state);
    EXPECT_EQ(state->pendingCount(), 0) << state->message().toStdString();
    EXPECT_DOUBLE_EQ(serverOnHand(w.server, "TEA-1", w.stock), mainBefore - 2);
    EXPECT_DOUBLE_EQ(serverOnHand(w.server, "TEA-1", east), 3);
    EXPECT_DOUBLE_EQ(eastBefore, 0);
}

TEST(UiModels, TheOrdersPagePlacesAnOrderThatTheSagaPaysAndRefundsPartOfIt)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    w.server.receive(w.server.makeProduct("ORD-1"), w.stock, 5);
    const auto customer = w.server.post("/api/v1/customers", { { "name", "Grace Hopper" } }).json()["id"].get<qint64>();
    syncAndWait(state);
    ASSERT_TRUE(w.server.runtime().dispatcher().drain(std::chrono::seconds(10)));

    // What the signed-in role may do decides what the page offers.
    EXPECT_TRUE(state->can("orders.write"));
    EXPECT_TRUE(state->can("payments.refund"));
    EXPECT_FALSE(state->can("made.up"));

    client::OrderModel orders;
    QSignalSpy stateChanged(&orders, &client::OrderModel::stateChanged);
    const auto settle = [&] {
        for (int i = 0; i < 50 && (stateChanged.isEmpty() || orders.loading()); ++i) {
            stateChanged.wait(200);
        }
        stateChanged.clear();
    };
    orders.refresh();
    settle();
    ASSERT_FALSE(orders.failed()) << orders.message().toStdString();
    ASSERT_FALSE(orders.customers().isEmpty());
    EXPECT_EQ(orders.customers().back().toMap()["label"].toString(), "Grace Hopper");

    // Refused in the window before anything is sent.
    orders.createAndPlace(customer, 0, "NOPE", "1");
    EXPECT_TRUE(orders.failed());
    EXPECT_TRUE(orders.message().contains("NOPE"));
    const auto warehouse = state->warehouses().front().toMap()["id"].toLongLong();
    orders.createAndPlace(customer, warehouse, "ORD-1", "2");
    settle(); // the action's answer, then the reload
    EXPECT_FALSE(orders.failed()) << orders.message().toStdString();
    ASSERT_EQ(orders.count(), 1);
    const auto id = orders.data(orders.index(0), client::OrderModel::IdRole).toLongLong();
    EXPECT_EQ(orders.data(orders.index(0), client::OrderModel::SummaryRole).toString(), "2 × ORD-1");

    // The saga runs on the server; a refresh shows it paid.
    ASSERT_TRUE(w.server.runtime().dispatcher().drain(std::chrono::seconds(20)));
    orders.refresh();
    settle();
    EXPECT_EQ(orders.data(orders.index(0), client::OrderModel::StateRole).toString(), "paid");
    EXPECT_EQ(orders.data(orders.index(0), client::OrderModel::GrossRole).toString(), "19.98 EUR");
    EXPECT_EQ(orders.data(orders.index(0), client::OrderModel::PaymentStateRole).toString(), "captured");
    const auto payment = orders.data(orders.index(0), client::OrderModel::PaymentIdRole).toLongLong();

    orders.refund(payment, "25.00"); // more than was captured: the server's reason is shown
    settle();
    EXPECT_TRUE(orders.failed());
    EXPECT_TRUE(orders.message().contains("19.98")) << orders.message().toStdString();
    orders.refund(payment, "4.98");
    settle();
    EXPECT_FALSE(orders.failed()) << orders.message().toStdString();
    EXPECT_EQ(orders.data(orders.index(0), client::OrderModel::RefundableRole).toString(), "15.00");
    EXPECT_EQ(w.server.get("/api/v1/orders/" + std::to_string(id)).json()["state"], "paid");

    // The order's audit trail joins the Orders and Stock logs in time order, readable.
    client::AuditModel trail;
    QSignalSpy trailChanged(&trail, &client::AuditModel::stateChanged);
    const auto wait = [&] {
        for (int i = 0; i < 50 && (trailChanged.isEmpty() || trail.loading()); ++i) {
            trailChanged.wait(200);
        }
        trailChanged.clear();
    };
    trail.show("order", QString::number(id));
    wait();
    QStringList types;
    for (int row = 0; row < trail.count(); ++row) {
        types << trail.data(trail.index(row), client::AuditModel::TypeRole).toString();
    }
    // Times have millisecond resolution: steps of two logs within one millisecond may swap.
    ASSERT_EQ(types.size(), 5) << types.join(", ").toStdString();
    EXPECT_EQ(types.mid(0, 2), (QStringList { "OrderCreated", "OrderPlaced" }));
    EXPECT_EQ(
        QSet<QString>(types.begin() + 2, types.begin() + 4), (QSet<QString> { "OrderStockReserved", "OrderReserved" }));
    EXPECT_EQ(types.back(), "OrderPaid");
    const auto placed = types.indexOf("OrderPlaced");
    EXPECT_EQ(trail.data(trail.index(placed), client::AuditModel::DomainRole).toString(), "orders");
    EXPECT_TRUE(trail.data(trail.index(placed), client::AuditModel::DetailRole).toString().contains("gross: 19.98 EUR"))
        << trail.data(trail.index(placed), client::AuditModel::DetailRole).toString().toStdString();
    trail.show("product", "ORD-1");
    wait();
    ASSERT_GT(trail.count(), 0);
    EXPECT_EQ(trail.data(trail.index(0), client::AuditModel::TypeRole).toString(), "ProductCreated");
    trail.show("product", "NOPE");
    EXPECT_EQ(trail.count(), 0);
    EXPECT_TRUE(trail.message().contains("NOPE"));
    trail.show("order", "abc");
    EXPECT_FALSE(trail.message().isEmpty());
}

TEST(UiModels, SignInNamesACertificateThisComputerDoesNotTrust)
{
    world();
    // A server with a self-signed certificate: a TLS listener, nothing else.
    TempDir dir;
    const auto cert = (dir.path() / "cert.pem").string();
    const auto key = (dir.path() / "key.pem").string();
    ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext "
                           "subjectAltName=IP:127.0.0.1 -keyout "
                  + key + " -out " + cert + " 2>/dev/null")
                              .c_str()),
        0);
    ServerConfig config;
    config.host = "127.0.0.1";
    config.port = 0;
    config.dataDir = (dir.path() / "data").string();
    config.accessLog = false;
    config.adminPassword = TestServer::kAdminPassword;
    config.paymentSimulator = TOSSERP_PAYMENT_SIM_BIN;
    config.tlsCert = cert;
    config.tlsKey = key;
    Runtime runtime(config);
    runtime.start();

    auto* state = client::AppState::instance();
    QSignalSpy changed(state, &client::AppState::changed);
    state->signIn(QString("https://127.0.0.1:%1").arg(runtime.port()), "admin", TestServer::kAdminPassword);
    ASSERT_TRUE(waitFor([&] { return !state->busy(); }));
    EXPECT_FALSE(state->signedIn());
    EXPECT_TRUE(state->message().contains("certificate is not trusted")) << state->message().toStdString();
    // An address where nothing listens says so instead.
    state->signIn("http://127.0.0.1:9", "admin", "x");
    ASSERT_TRUE(waitFor([&] { return !state->busy(); }));
    EXPECT_TRUE(state->message().startsWith("The server cannot be reached")) << state->message().toStdString();
}

TEST(UiModels, GetAllFollowsEveryPageOfAList)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    const auto total = w.server.get("/api/v1/products?limit=500").json()["items"].size();
    ASSERT_GE(total, 2u);
    // One item a page: the models' lists (orders, payments, users, audit trails) come whole.
    QObject owner;
    std::optional<std::vector<std::string>> skus;
    state->getAll(&owner, "/api/v1/products?limit=1", [&](bool ok, nlohmann::json items, const QString& why) {
        EXPECT_TRUE(ok) << why.toStdString();
        skus.emplace();
        for (const auto& item : items) {
            skus->push_back(item["sku"]);
        }
    });
    ASSERT_TRUE(waitFor([&] { return skus.has_value(); }));
    EXPECT_EQ(skus->size(), total);
    EXPECT_EQ(std::set<std::string>(skus->begin(), skus->end()).size(), total) << "no page read twice";
    // A refusal ends the walk with the server's reason.
    std::optional<QString> refused;
    state->getAll(&owner, "/api/v1/products?limit=0", [&](bool ok, nlohmann::json, const QString& why) {
        EXPECT_FALSE(ok);
        refused = why;
    });
    ASSERT_TRUE(waitFor([&] { return refused.has_value(); }));
    EXPECT_FALSE(refused->isEmpty());
}
