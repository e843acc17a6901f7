// tosserp-bench-client: the desktop client's window on a large replica. Starts the window
// RUNS times as a fresh process and reports, per start, the time to the first frame and to a
// dashboard with its figures; in the first start it also types into the catalog search like a
// person (one key at a time, then erasing) and reports keystroke → list on screen p50/p99,
// and the process's peak memory. The replica is only read (its session points at a server
// that need not run).
#include "client/src/ui/app_state.h"
#include "client/src/ui/dashboard.h"
#include "client/src/ui/product_model.h"
#include "tests/client/quick_items.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

Q_IMPORT_QML_PLUGIN(TossErpPlugin)

namespace {

long peakRssKb()
{
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const auto& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    return 0;
}

/// Waits for the window's next frame on screen.
void nextFrame(QQuickWindow* window)
{
    QEventLoop loop;
    const auto done = QObject::connect(window, &QQuickWindow::frameSwapped, &loop, &QEventLoop::quit);
    window->update();
    loop.exec();
    QObject::disconnect(done);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

/// The child: one cold start of the window, printing "first-frame MS", "dashboard MS" (from
/// the start of main) and, with `type`, the keystroke figures and peak memory.
int child(const QString& replica, bool type, QElapsedTimer& sinceStart)
{
    tosserp::client::AppState::configure(replica, {});
    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/TossErp/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    nextFrame(window);
    std::printf("first-frame %lld\n", static_cast<long long>(sinceStart.elapsed()));
    std::fflush(stdout);
    // Usable: the dashboard shows figures (those kept from the last run, or fresh ones).
    const auto waitUntil = [&](auto done) {
        while (!done()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
    };
    auto* dashboard = window->findChild<tosserp::client::Dashboard*>();
    waitUntil([&] { return dashboard->productCount() > 0; });
    nextFrame(window);
    std::printf("dashboard %lld (%s figures)\n", static_cast<long long>(sinceStart.elapsed()),
        dashboard->ready() ? "fresh" : "kept");
    std::fflush(stdout);
    waitUntil([&] { return dashboard->ready(); });
    nextFrame(window);
    std::printf(
        "fresh-figures %lld products %d\n", static_cast<long long>(sinceStart.elapsed()), dashboard->productCount());
    std::fflush(stdout);
    if (!type) {
        return 0;
    }
    window->setProperty("currentPage", 1);
    nextFrame(window);
    auto* search = tosserp::test::findItem(window->contentItem(), "catalogSearch");
    auto* list = tosserp::test::findItem(window->contentItem(), "catalogList");
    search->forceActiveFocus();
    std::vector<double> latencies;
    QElapsedTimer clock;
    // From the key press to the frame that shows the list of its search (which runs on the
    // reader thread).
    auto* products = window->findChild<tosserp::client::ProductModel*>();
    const auto key = [&](Qt::Key code, const QString& text) {
        bool loaded = false;
        const auto listening
            = QObject::connect(products, &tosserp::client::ProductModel::loaded, [&] { loaded = true; });
        QKeyEvent press(QEvent::KeyPress, code, Qt::NoModifier, text);
        QKeyEvent release(QEvent::KeyRelease, code, Qt::NoModifier, text);
        clock.start();
        QGuiApplication::sendEvent(window, &press);
        QGuiApplication::sendEvent(window, &release);
        waitUntil([&] { return loaded; });
        const double listed = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        nextFrame(window);
        latencies.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        QObject::disconnect(listening);
        if (latencies.back() > 20 && qEnvironmentVariableIsSet("TOSSERP_BENCH_VERBOSE")) {
            std::fprintf(stderr, "slow: \"%s\" %.1f ms (list filled at %.1f ms)\n",
                qPrintable(search->property("text").toString()), latencies.back(), listed);
        }
    };
    // What people type: a name, a SKU, a barcode, a word that matches nothing; each typed
    // one key at a time and erased again.
    const QStringList typed = { "Product 4711", "SKU-0123456", "2100000777", "benchmark", "zebra" };
    int shown = 0;
    for (const auto& text : typed) {
        for (const QChar ch : text) {
            key(ch.isLetterOrNumber() ? Qt::Key(ch.toUpper().unicode()) : Qt::Key(ch.unicode()), QString(ch));
        }
        shown += list->property("count").toInt();
        for (qsizetype i = 0; i < text.size(); ++i) {
            key(Qt::Key_Backspace, {});
        }
    }
    std::printf("keystrokes %zu p50 %.1f p99 %.1f max %.1f (rows shown at the end of each word: %d)\n",
        latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.99),
        *std::max_element(latencies.begin(), latencies.end()), shown);
    std::printf("peak-rss-kb %ld\n", peakRssKb());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "--help" || argc < 2) {
        std::cout << "Usage: tosserp-bench-client REPLICA [RUNS]\n"
                     "Starts the desktop window on REPLICA RUNS times (default 5) as a fresh process, offscreen,\n"
                     "and prints time to first frame and to a filled dashboard, keystroke latency in the\n"
                     "catalog search (p50/p99) and peak memory.\n";
        return argc < 2 ? 64 : 0;
    }
    if (mode == "--child" || mode == "--child-type") {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return child(QString::fromLocal8Bit(argv[2]), mode == "--child-type", sinceStart);
    }
    QCoreApplication app(argc, argv);
    const QString replica = QString::fromLocal8Bit(argv[1]);
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer wall;
        wall.start();
        process.start(QCoreApplication::applicationFilePath(), { run == 0 ? "--child-type" : "--child", replica });
        // The times as the launcher sees them: from starting the program (loading libraries
        // included) to each line.
        std::string lines;
        while (process.state() != QProcess::NotRunning || process.bytesAvailable() > 0) {
            if (!process.canReadLine() && !process.waitForReadyRead(600000) && process.state() == QProcess::NotRunning
                && !process.canReadLine()) {
                break;
            }
            while (process.canReadLine()) {
                const auto line = QString::fromLocal8Bit(process.readLine()).trimmed().toStdString();
                lines += "  " + line + "   [" + std::to_string(wall.elapsed()) + " ms after launch]\n";
            }
        }
        process.waitForFinished(600000);
        std::cout << "run " << run + 1 << ":\n" << lines;
    }
    return 0;
}
