// tosserp: the desktop client. --self-test loads every page offscreen against a demo replica
// and exits non-zero on any QML warning; --screenshots DIR also saves one PNG per page.
#include "client/src/replica.h"
#include "client/src/ui/app_state.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <string_view>

#include <iostream>

Q_IMPORT_QML_PLUGIN(TossErpPlugin)

namespace {

/// A small replica for the self-test: a warehouse, its location, a few products and levels.
void seedDemoReplica(const QString& path)
{
    using nlohmann::json;
    tosserp::client::Replica replica(path);
    json changes = json::array();
    changes.push_back({ { "table", "warehouses" }, { "op", "upsert" }, { "key", "1" },
        { "row",
            { { "id", 1 }, { "code", "MAIN" }, { "name", "Main warehouse" }, { "active", true },
                { "version", 1 } } } });
    changes.push_back({ { "table", "locations" }, { "op", "upsert" }, { "key", "5" },
        { "row",
            { { "id", 5 }, { "warehouse_id", 1 }, { "code", "STOCK" }, { "name", "Stock" }, { "kind", "internal" },
                { "active", true } } } });
    const char* names[] = { "Sparkling water, 0.33 l can", "Green tea, 100 g", "Rolled oats, 1 kg", "Gel pen, blue",
        "Dish soap, refill" };
    for (int i = 1; i <= 5; ++i) {
        changes.push_back({ { "table", "products" }, { "op", "upsert" }, { "key", std::to_string(i) },
            { "row",
                { { "id", i }, { "sku", "DEMO-000" + std::to_string(i) }, { "name", names[i - 1] },
                    { "description", "" }, { "category_id", nullptr }, { "unit", "pcs" },
                    { "price", { { "amount", std::to_string(i) + ".49" }, { "currency", "EUR" } } },
                    { "barcodes", { { { "code", "200004200001" + std::to_string(i) }, { "symbology", "internal" } } } },
                    { "active", true }, { "version", 1 } } } });
        changes.push_back({ { "table", "stock_levels" }, { "op", "upsert" }, { "key", std::to_string(i) + ":5" },
            { "row",
                { { "product_id", i }, { "location_id", 5 }, { "warehouse_id", 1 }, { "quantity", 10 * i },
                    { "unit", "pcs" } } } });
    }
    const json page = { { "protocol", 1 }, { "server_id", "demo" }, { "changes", changes },
        { "next_cursor", tosserp::sync::Cursor::tail("demo", 1).encode() }, { "has_more", false }, { "phase", "tail" },
        { "position", 1 } };
    replica.applyPage(tosserp::sync::ChangePage::fromJson(page).value(), true);
    replica.setMeta("user", "demo");
    // One open conflict, so the inbox has something to show.
    QSqlQuery(replica.database())
        .exec("INSERT INTO conflicts (command_id, product_id, field, base, mine, theirs, created_at) VALUES "
              "('demo', 2, 'name', '\"Green tea, 100 g\"', '\"Green tea, loose, 100 g\"', "
              "'\"Organic green tea, 100 g\"', 0)");
}

} // namespace

int main(int argc, char* argv[])
{
    // --help, --version and --self-test need no screen: without a display they render offscreen.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg(argv[i]);
            if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v" || arg == "--self-test") {
                qputenv("QT_QPA_PLATFORM", "offscreen");
            }
        }
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName("TossErp");
    QApplication::setApplicationName("TossErp");
    QApplication::setApplicationVersion(TOSSERP_VERSION);
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "TossErp desktop client"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption replicaOption("replica", QApplication::translate("main", "Replica file."), "FILE");
    QCommandLineOption serverOption("server", QApplication::translate("main", "Server address."), "URL");
    QCommandLineOption selfTest("self-test",
        QApplication::translate("main", "Load every page offscreen and quit; non-zero on any QML warning."));
    QCommandLineOption screenshots(
        "screenshots", QApplication::translate("main", "With --self-test: save a PNG per page here."), "DIR");
    QCommandLineOption languageOption(
        "language", QApplication::translate("main", "Interface language for this run (en, de, fr, es)."), "CODE");
    parser.addOptions({ replicaOption, serverOption, selfTest, screenshots, languageOption });
    parser.process(app);

    QTemporaryDir demoDir;
    QString replicaPath = parser.value(replicaOption);
    if (parser.isSet(selfTest)) {
        replicaPath = demoDir.filePath("demo.replica");
        seedDemoReplica(replicaPath);
    } else if (replicaPath.isEmpty()) {
        const auto dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        replicaPath = dir + "/replica.db";
    }
    // The preset server: the command line, else the system-wide defaults IT deployed
    // (/etc/xdg/TossErp/TossErp.conf on Linux, HKLM on Windows), else the last session's.
    QString server = parser.value(serverOption);
    if (server.isEmpty()) {
        server = QSettings().value("ServerUrl").toString();
    }
    tosserp::client::AppState::configure(replicaPath, server);

    // The interface speaks the chosen language (Settings), else the system's.
    QTranslator translator;
    auto loadLanguage = [&](const QString& code) {
        QApplication::removeTranslator(&translator);
        const QString language = code.isEmpty() ? QLocale::system().name().section('_', 0, 0) : code;
        if (language != "en" && translator.load(":/i18n/tosserp_" + language + ".qm")) {
            QApplication::installTranslator(&translator);
        }
    };
    auto* state = tosserp::client::AppState::instance();
    loadLanguage(parser.isSet(languageOption) ? parser.value(languageOption) : state->language());

    QQmlApplicationEngine engine;
    QObject::connect(state, &tosserp::client::AppState::languageChangeRequested, &engine, [&](const QString& code) {
        loadLanguage(code);
        engine.retranslate();
    });
    int warnings = 0;
    QObject::connect(&engine, &QQmlEngine::warnings, [&](const QList<QQmlError>& list) {
        for (const auto& error : list) {
            std::cerr << "QML: " << error.toString().toStdString() << "\n";
            ++warnings;
        }
    });
    engine.load(QUrl(QStringLiteral("qrc:/TossErp/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    if (!parser.isSet(selfTest)) {
        return app.exec();
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    tosserp::client::AppState::instance()->workOffline();
    const QString shots = parser.value(screenshots);
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
    }
    const QStringList pages = { "dashboard", "catalog", "stock", "orders", "users", "audit", "sync", "settings" };
    // The product form on the catalog page, open on a product with a refused price, so the
    // screenshot shows validation at the field.
    if (auto* form = window->findChild<QObject*>("productForm")) {
        form->setProperty("visible", true);
        QMetaObject::invokeMethod(form, "load", Q_ARG(QVariant, QVariant("DEMO-0002")));
        form->setProperty("errors", state->saveProduct("DEMO-0002", "Green tea, 100 g", "2.499", true));
    }
    for (int i = 0; i < pages.size(); ++i) {
        window->setProperty("currentPage", i);
        QEventLoop settle;
        QTimer::singleShot(150, &settle, &QEventLoop::quit);
        settle.exec();
        if (!shots.isEmpty() && !window->grabWindow().save(shots + "/" + pages[i] + ".png")) {
            std::cerr << "cannot save the screenshot of " << pages[i].toStdString() << "\n";
            return 1;
        }
    }
    // One string of the status bar, as the loaded translation renders it.
    std::cout << "status bar: " << QCoreApplication::translate("Main", "All work synced").toStdString() << "\n";
    std::cout << "self-test: " << pages.size() << " pages loaded, " << warnings << " QML warnings; server "
              << (server.isEmpty() ? std::string("(none preset)") : server.toStdString()) << "\n";
    return warnings == 0 ? 0 : 1;
}
