// The desktop client's real window, rendered offscreen and driven with keys and clicks against
// a real server: sign in, search as you type, a scanner's code, a product form saved with
// Ctrl+S, the pending count going up and down around a sync, a new product with its field
// errors, a CSV import with its refused rows, and a user created on the Users page.
// Screenshots of the driven pages land in screenshots-ui/ beside the build for review.
#include "client/src/replica.h"
#include "client/src/ui/app_state.h"
#include "client/src/ui/catalog_actions.h"
#include "client/src/ui/dashboard.h"
#include "quick_items.h"
#include "test_server.h"
#include "wait.h"

#include <QApplication>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <gtest/gtest.h>

#include <fstream>
#include <memory>

Q_IMPORT_QML_PLUGIN(TossErpPlugin)

using namespace tosserp;
using tosserp::test::TempDir;
using tosserp::test::TestServer;
using tosserp::test::waitFor;

namespace {

/// One server, one replica and one window for the program (AppState is process-wide).
struct World {
    TestServer server;
    TempDir dir;
    QString replicaPath = QString::fromStdString((dir.path() / "window.replica").string());
    std::int64_t warehouse = 0;
    std::int64_t stock = 0;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    QStringList qmlWarnings;

    World()
    {
        std::tie(warehouse, stock) = server.makeWarehouse("MAIN");
        server.makeProduct("TEA-1", "pcs", { "4006381333931" });
        server.makeProduct("COF-1");
        client::AppState::configure(replicaPath, QString("http://127.0.0.1:%1").arg(server.port()));
        QObject::connect(&engine, &QQmlEngine::warnings, [this](const QList<QQmlError>& list) {
            for (const auto& error : list) {
                qmlWarnings << error.toString();
            }
        });
        engine.load(QUrl(QStringLiteral("qrc:/TossErp/qml/Main.qml")));
        window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    }
};

/// Made on first use, destroyed by main() while the application still exists.
std::unique_ptr<World> g_world;

World& world()
{
    if (!g_world) {
        g_world = std::make_unique<World>();
    }
    return *g_world;
}

QQuickItem* item(const std::string& name)
{
    return tosserp::test::findItem(world().window->contentItem(), QString::fromStdString(name));
}

QObject* object(const char* name)
{
    return world().window->findChild<QObject*>(name);
}

/// Types `text` into the focused item as key presses and releases, one character at a time.
void typeText(const QString& text)
{
    for (const QChar ch : text) {
        const auto key = ch.isLetterOrNumber() ? Qt::Key(ch.toUpper().unicode()) : Qt::Key(ch.unicode());
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(ch));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(ch));
        QGuiApplication::sendEvent(world().window, &press);
        QGuiApplication::sendEvent(world().window, &release);
    }
}

/// Gives `target` the keyboard focus and types `text` as key presses.
void typeInto(QQuickItem* target, const QString& text)
{
    ASSERT_NE(target, nullptr);
    target->forceActiveFocus();
    ASSERT_TRUE(waitFor([&] { return target->hasActiveFocus(); }, 1000));
    typeText(text);
}

/// A left click in the middle of `target`.
void click(QQuickItem* target)
{
    ASSERT_NE(target, nullptr);
    const auto centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint();
    QTest::mouseClick(world().window, Qt::LeftButton, Qt::NoModifier, centre);
}

void showPage(int index)
{
    world().window->setProperty("currentPage", index);
    QTest::qWait(50);
}

void screenshot(const QString& name)
{
    const QString dir = QStringLiteral(TOSSERP_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    EXPECT_TRUE(world().window->grabWindow().save(dir + "/" + name + ".png"));
}

bool synced()
{
    auto* state = client::AppState::instance();
    return !state->busy();
}

} // namespace

TEST(UiWindow, SignsInWithTheKeyboardAndPullsTheCatalog)
{
    auto& w = world();
    ASSERT_NE(w.window, nullptr) << w.qmlWarnings.join("\n").toStdString();
    auto* state = client::AppState::instance();
    EXPECT_FALSE(state->signedIn());
    EXPECT_EQ(item("signInServer")->property("text").toString(), state->serverUrl());
    typeInto(item("signInUser"), "admin");
    QTest::keyClick(w.window, Qt::Key_Tab);
    typeText(TestServer::kAdminPassword);
    QTest::keyClick(w.window, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return state->signedIn() && state->productCount() == 2 && synced(); }))
        << state->message().toStdString();
    EXPECT_TRUE(state->can("users.manage"));
    // Settings → About names the server's version and protocol, as it said at the sync.
    EXPECT_EQ(state->serverVersion(), TOSSERP_VERSION);
    EXPECT_EQ(state->serverProtocol(), state->protocolVersion());
    EXPECT_TRUE(item("serverVersion")->property("text").toString().contains(TOSSERP_VERSION));
}

TEST(UiWindow, SearchAsYouTypeNarrowsTheList)
{
    showPage(1);
    auto* list = item("catalogList");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(list->property("count").toInt(), 2);
    typeInto(item("catalogSearch"), "COF");
    EXPECT_TRUE(waitFor([&] { return list->property("count").toInt() == 1; }));
    QTest::keyClick(world().window, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(world().window, Qt::Key_Backspace);
    EXPECT_TRUE(waitFor([&] { return list->property("count").toInt() == 2; }));
}

TEST(UiWindow, AFormSavedWithCtrlSQueuesTheEdit)
{
    auto* state = client::AppState::instance();
    const auto before = state->pendingCount();
    auto* form = object("productForm");
    ASSERT_NE(form, nullptr);
    form->setProperty("visible", true);
    QMetaObject::invokeMethod(form, "load", Q_ARG(QVariant, QVariant("TEA-1")));
    auto* name = item("productName");
    name->forceActiveFocus();
    QTest::keyClick(world().window, Qt::Key_A, Qt::ControlModifier);
    typeText("Green tea, loose");
    QTest::keyClick(world().window, Qt::Key_S, Qt::ControlModifier);
    EXPECT_TRUE(waitFor([&] { return state->pendingCount() == before + 1; }));
    EXPECT_EQ(state->productDetails("TEA-1")["name"].toString(), "Green tea, loose");
}

TEST(UiWindow, AScannedCodeFindsTheProductAndTheMovementQueues)
{
    auto* state = client::AppState::instance();
    showPage(2);
    const auto before = state->pendingCount();
    // A scanner types the code and Enter; the quantity field takes the focus.
    typeInto(item("movementCode"), "4006381333931");
    QTest::keyClick(world().window, Qt::Key_Return);
    EXPECT_EQ(item("movementFound")->property("text").toString(), "Found TEA-1");
    EXPECT_TRUE(waitFor([&] { return item("movementQuantity")->hasActiveFocus(); }, 1000));
    typeText("5");
    click(item("recordMovement"));
    EXPECT_TRUE(waitFor([&] { return state->pendingCount() == before + 1; }))
        << item("movementResult")->property("text").toString().toStdString();
    screenshot("stock");
}

TEST(UiWindow, CtrlRSyncsAndThePendingCountFallsToZero)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    ASSERT_EQ(state->pendingCount(), 2);
    QTest::keyClick(w.window, Qt::Key_R, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return synced() && state->pendingCount() == 0; })) << state->message().toStdString();
    const auto product = w.server.get("/api/v1/products?q=TEA-1").json()["items"][0];
    EXPECT_EQ(product["name"], "Green tea, loose");
    const auto levels = w.server.get("/api/v1/stock/levels?location_id=" + std::to_string(w.stock)).json();
    ASSERT_EQ(levels["items"].size(), 1u);
    EXPECT_EQ(levels["items"][0]["on_hand"], 5);
    // The dashboard counts today's work as the server has it: the one receipt, no orders.
    auto* dashboard = w.window->findChild<client::Dashboard*>();
    ASSERT_NE(dashboard, nullptr);
    EXPECT_TRUE(waitFor([&] { return dashboard->movementsToday() == "1" && dashboard->ordersToday() == "0"; }))
        << dashboard->movementsToday().toStdString() << " " << dashboard->ordersToday().toStdString();
    EXPECT_TRUE(waitFor([&] { return dashboard->stockValue() == "49.95 EUR"; }))
        << dashboard->stockValue().toStdString();
    showPage(0);
    screenshot("dashboard");
}

TEST(UiWindow, ANewProductShowsFieldErrorsThenIsCreatedAndPulled)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    showPage(1);
    QTest::keyClick(w.window, Qt::Key_N, Qt::ControlModifier);
    auto* form = object("newProductForm");
    ASSERT_TRUE(form->property("visible").toBool());
    // The SKU field has the focus; Tab walks the form in order.
    EXPECT_TRUE(waitFor([&] { return item("newSku")->hasActiveFocus(); }, 1000));
    typeText("JAM 1");
    QTest::keyClick(w.window, Qt::Key_Tab);
    typeText("Strawberry jam");
    QTest::keyClick(w.window, Qt::Key_Tab);
    typeText("-3");
    QTest::keyClick(w.window, Qt::Key_S, Qt::ControlModifier);
    const auto errors = form->property("errors").toMap();
    EXPECT_TRUE(errors.contains("sku"));
    EXPECT_TRUE(errors.contains("price"));
    EXPECT_FALSE(errors.contains("name"));
    EXPECT_EQ(w.server.get("/api/v1/products?q=JAM").json()["items"].size(), 0u);
    screenshot("new-product-errors");

    item("newSku")->setProperty("text", "JAM-1");
    item("newPrice")->setProperty("text", "3.20");
    QTest::keyClick(w.window, Qt::Key_S, Qt::ControlModifier);
    EXPECT_TRUE(form->property("errors").toMap().isEmpty());
    ASSERT_TRUE(waitFor([&] { return state->productCount() == 3 && synced(); })) << state->message().toStdString();
    EXPECT_EQ(state->productDetails("JAM-1")["price"].toString(), "3.20");
    // The same SKU again: the server refuses, the form says why at the field.
    QTest::keyClick(w.window, Qt::Key_S, Qt::ControlModifier);
    auto* actions = object("catalogActions");
    ASSERT_TRUE(waitFor([&] { return !actions->property("working").toBool(); }));
    EXPECT_TRUE(actions->property("failed").toBool());
    EXPECT_TRUE(actions->property("fieldErrors").toMap().contains("sku"))
        << actions->property("message").toString().toStdString();
    form->setProperty("visible", false);
}

TEST(UiWindow, ACsvImportReportsProgressAndEveryRefusedRow)
{
    auto& w = world();
    auto* state = client::AppState::instance();
    const auto path = w.dir.path() / "import.csv";
    {
        std::ofstream csv(path);
        csv << "sku,name,price,barcodes\n"
               "OAT-1,\"Oats, rolled\",2.10,\n"
               "OAT-2,Oat milk,1.80,4006381333948\n"
               "BAD-1,No price,abc,\n"
               "TEA-1,Duplicate of an existing SKU,1.00,\n";
    }
    auto* actions = object("catalogActions");
    auto* catalog = qobject_cast<client::CatalogActions*>(actions);
    ASSERT_NE(catalog, nullptr);
    // Every progress report the window heard, as "done/total".
    QStringList progress;
    const auto listening = QObject::connect(catalog, &client::CatalogActions::stateChanged, [&] {
        if (catalog->working() && catalog->progressTotal() > 0) {
            progress << QString("%1/%2").arg(catalog->progressDone()).arg(catalog->progressTotal());
        }
    });
    QMetaObject::invokeMethod(actions, "importCsv", Q_ARG(QString, QString::fromStdString(path.string())));
    EXPECT_TRUE(actions->property("working").toBool());
    ASSERT_TRUE(waitFor([&] { return !actions->property("working").toBool(); }));
    QObject::disconnect(listening);
    EXPECT_EQ(progress, QStringList({ "1/4", "2/4", "3/4", "4/4" }));
    const auto rejected = actions->property("rejected").toStringList();
    ASSERT_EQ(rejected.size(), 2) << actions->property("message").toString().toStdString();
    EXPECT_TRUE(rejected[0].startsWith("line 4: ")) << rejected[0].toStdString();
    EXPECT_TRUE(rejected[1].startsWith("line 5: ")) << rejected[1].toStdString();
    EXPECT_TRUE(actions->property("failed").toBool());
    // The import syncs afterwards: the two good rows are in the replica.
    ASSERT_TRUE(waitFor([&] { return state->productCount() == 5; })) << state->message().toStdString();
    EXPECT_EQ(state->productDetails("OAT-1")["name"].toString(), "Oats, rolled");
    screenshot("catalog-import");

    // Export writes what the replica holds, a header and one line per product.
    const auto out = w.dir.path() / "export.csv";
    QMetaObject::invokeMethod(
        actions, "exportCsv", Q_ARG(QString, QUrl::fromLocalFile(QString::fromStdString(out.string())).toString()));
    ASSERT_TRUE(waitFor([&] { return !actions->property("working").toBool(); }));
    EXPECT_FALSE(actions->property("failed").toBool()) << actions->property("message").toString().toStdString();
    std::ifstream exported(out);
    int lines = 0;
    for (std::string line; std::getline(exported, line);) {
        ++lines;
    }
    EXPECT_EQ(lines, 1 + 5);
}

TEST(UiWindow, AnAdministratorCreatesAUserWithARoleAndAWarehouse)
{
    auto& w = world();
    showPage(4);
    auto* users = object("userModel");
    // Showing the page reads the accounts.
    ASSERT_TRUE(waitFor([&] { return !users->property("loading").toBool() && users->property("count").toInt() >= 1; }));
    typeInto(item("newUsername"), "picker");
    QTest::keyClick(w.window, Qt::Key_Tab);
    typeText("Pat Picker");
    QTest::keyClick(w.window, Qt::Key_Tab);
    typeText("long enough secret");
    // The page's heading and its buttons are laid out once the permissions arrived.
    ASSERT_NE(item("usersTitle"), nullptr);
    EXPECT_GT(item("newUserButton")->x(), item("usersTitle")->x() + item("usersTitle")->implicitWidth());
    click(item("role_warehouse_staff"));
    ASSERT_TRUE(item("role_warehouse_staff")->property("checked").toBool());
    click(item("warehouse_" + std::to_string(w.warehouse)));
    click(item("saveUser"));
    ASSERT_TRUE(waitFor([&] { return users->property("message").toString() == "User picker created."; }))
        << users->property("message").toString().toStdString();
    ASSERT_TRUE(waitFor([&] { return !users->property("loading").toBool(); }));
    EXPECT_EQ(item("newUsername")->property("text").toString(), "") << "the form is ready for the next account";
    const auto list = w.server.get("/api/v1/users?limit=500").json()["items"];
    const auto picker = std::find_if(list.begin(), list.end(), [](const auto& u) { return u["username"] == "picker"; });
    ASSERT_NE(picker, list.end());
    EXPECT_EQ((*picker)["roles"], nlohmann::json({ "warehouse_staff" }));
    EXPECT_EQ((*picker)["warehouses"].size(), 1u);
    EXPECT_EQ((*picker)["display_name"], "Pat Picker");
    // The new account signs in with the password typed into the form.
    EXPECT_FALSE(w.server.login("picker", "long enough secret").empty());

    // Choosing the account and disabling it: the server refuses its sign-in, the page says so.
    ASSERT_TRUE(waitFor([&] { return item("user_picker") != nullptr; }));
    click(item("user_picker"));
    ASSERT_TRUE(waitFor([&] { return item("toggleActive")->isVisible(); }));
    EXPECT_EQ(item("toggleActive")->property("text").toString(), "Disable");
    click(item("toggleActive"));
    ASSERT_TRUE(waitFor([&] { return item("toggleActive")->property("text").toString() == "Enable"; }))
        << users->property("message").toString().toStdString();
    EXPECT_EQ(
        w.server.post("/api/v1/auth/login", { { "username", "picker" }, { "password", "long enough secret" } }).status,
        403);
    click(item("toggleActive"));
    ASSERT_TRUE(waitFor([&] { return item("toggleActive")->property("text").toString() == "Disable"; }));

    // A too short password is refused before anything is sent.
    QMetaObject::invokeMethod(users, "createUser", Q_ARG(QString, "short"), Q_ARG(QString, ""), Q_ARG(QString, "1234"),
        Q_ARG(QStringList, {}), Q_ARG(QVariantList, {}));
    EXPECT_TRUE(users->property("failed").toBool());

    // An API key: shown once, accepted by the server, refused once revoked.
    QMetaObject::invokeMethod(
        users, "createApiKey", Q_ARG(QString, "scanner"), Q_ARG(QStringList, QStringList { "warehouse_staff" }));
    ASSERT_TRUE(waitFor([&] { return !users->property("newKey").toString().isEmpty(); }))
        << users->property("message").toString().toStdString();
    const auto key = users->property("newKey").toString().toStdString();
    EXPECT_EQ(w.server.request("GET", "/api/v1/products", {}, { { "Authorization", "ApiKey " + key } }).status, 200);
    ASSERT_TRUE(waitFor([&] { return users->property("apiKeys").toList().size() == 1; }));
    screenshot("users");
    const auto id = users->property("apiKeys").toList()[0].toMap()["id"].toLongLong();
    QMetaObject::invokeMethod(users, "revokeApiKey", Q_ARG(qint64, id));
    ASSERT_TRUE(
        waitFor([&] { return !users->property("apiKeys").toList()[0].toMap()["revoked"].toString().isEmpty(); }));
    EXPECT_EQ(w.server.request("GET", "/api/v1/products", {}, { { "Authorization", "ApiKey " + key } }).status, 401);
    EXPECT_TRUE(w.qmlWarnings.isEmpty()) << w.qmlWarnings.join("\n").toStdString();
}

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    ::testing::InitGoogleTest(&argc, argv);
    const int failed = RUN_ALL_TESTS();
    g_world.reset();
    return failed;
}
