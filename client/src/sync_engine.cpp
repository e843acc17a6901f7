#include "client/src/sync_engine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <random>

namespace tosserp::client {

namespace {

constexpr int kPushBatch = 1000; // the most a push may carry

} // namespace

SyncEngine::SyncEngine(Replica& replica, ApiClient& api)
    : m_replica(replica)
    , m_api(api)
{ }

bool SyncEngine::fail(SyncReport& report, const HttpReply& reply, const std::string& what)
{
    if (reply.status == 0) {
        report.error = what + ": the server cannot be reached (" + reply.networkError + ")";
        report.action = sync::ClientAction::Retry;
        return false;
    }
    const auto body = reply.json();
    const auto detail = body.is_object() ? body.value("detail", std::string()) : std::string();
    report.error = what + ": " + (detail.empty() ? "HTTP " + std::to_string(reply.status) : detail);
    if (body.is_object() && body.contains("action") && body["action"].is_string()) {
        report.action = sync::parseAction(body["action"].get<std::string>()).value_or(sync::ClientAction::Retry);
    } else {
        report.action = sync::actionForStatus(reply.status, reply.code());
    }
    return false;
}

SyncReport SyncEngine::push()
{
    SyncReport report;
    while (true) {
        const auto pending = m_replica.outbox({ "pending" }, kPushBatch);
        if (pending.empty()) {
            report.complete = true;
            return report;
        }
        nlohmann::json commands = nlohmann::json::array();
        std::vector<std::string> ids;
        for (const auto& entry : pending) {
            commands.push_back({ { "id", entry.id }, { "type", entry.type }, { "payload", entry.payload } });
            ids.push_back(entry.id);
        }
        const auto reply
            = m_api.post("/api/v1/sync/push", { { "protocol", sync::kProtocolVersion }, { "commands", commands } });
        if (!reply.ok()) {
            m_replica.markAttempt(ids, reply.status == 0 ? reply.networkError : "HTTP " + std::to_string(reply.status));
            fail(report, reply, "push");
            return report;
        }
        auto response = sync::pushResponseFromJson(reply.json());
        if (!response) {
            report.error = "push: the server's answer is not understood (" + response.error().message + ")";
            report.action = sync::ClientAction::Retry;
            return report;
        }
        m_replica.recordResults(response.value().results);
        for (const auto& result : response.value().results) {
            ++report.pushed;
            switch (result.status) {
            case sync::CommandStatus::Applied:
                ++report.applied;
                break;
            case sync::CommandStatus::Rejected:
                ++report.rejected;
                break;
            case sync::CommandStatus::Conflict:
                ++report.conflicts;
                break;
            }
        }
    }
}

SyncReport SyncEngine::pull(const PullProgress& progress, int pageSize)
{
    SyncReport report;
    const auto pathAfter = [pageSize](const std::string& cursor) {
        QString path = QString("/api/v1/sync/changes?limit=%1").arg(pageSize);
        if (!cursor.empty()) {
            path += "&cursor=" + QString::fromStdString(cursor);
        }
        return path;
    };
    for (int restarts = 0; restarts < 2;) {
        const auto path = pathAfter(m_replica.meta("cursor"));
        const auto reply = m_api.get(path);
        if (!reply.ok()) {
            fail(report, reply, "pull");
            if (report.action == sync::ClientAction::Resync) {
                // The server cannot continue from here: start over from a snapshot; the outbox stays.
                m_replica.resetSyncedData();
                report.resynced = true;
                report.error.clear();
                ++restarts;
                continue;
            }
            return report;
        }
        auto page = sync::ChangePage::fromJson(reply.json());
        if (!page) {
            // A corrupted or truncated page changes nothing; the next round asks again.
            report.error = "pull: the server's page is not understood (" + page.error().message + ")";
            report.action = sync::ClientAction::Retry;
            return report;
        }
        const bool last = !page.value().hasMore;
        if (!last) {
            // The server prepares the next page while this one is applied.
            m_api.prefetch(pathAfter(page.value().nextCursor));
        }
        m_replica.applyPage(page.value(), last);
        report.pulledChanges += static_cast<int>(page.value().changes.size());
        ++report.pages;
        if (progress) {
            progress(report.pulledChanges, std::string(sync::phaseName(page.value().phase)));
        }
        if (last) {
            report.complete = true;
            return report;
        }
    }
    report.error = "pull: the server kept refusing this replica's position";
    report.action = sync::ClientAction::GiveUp;
    return report;
}

SyncReport SyncEngine::syncOnce(const PullProgress& progress)
{
    auto pushed = push();
    if (!pushed.error.empty() && pushed.action != sync::ClientAction::GiveUp) {
        return pushed;
    }
    auto pulled = pull(progress);
    pulled.pushed = pushed.pushed;
    pulled.applied = pushed.applied;
    pulled.rejected = pushed.rejected;
    pulled.conflicts = pushed.conflicts;
    if (pulled.error.empty() && !pushed.error.empty()) {
        pulled.error = pushed.error;
        pulled.action = pushed.action;
    }
    return pulled;
}

bool SyncEngine::verify(SyncReport& report)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto reply = m_api.get("/api/v1/sync/checksum");
        if (!reply.ok()) {
            return fail(report, reply, "checksum");
        }
        const auto server = reply.json();
        const auto mine = m_replica.checksum();
        if (server.value("position", std::int64_t { -1 }) != mine.value("position", std::int64_t { -2 })) {
            // Changes landed meanwhile: catch up first, then compare.
            report = syncOnce();
            continue;
        }
        if (server["tables"] == mine["tables"]) {
            return true;
        }
        m_replica.resetSyncedData();
        report = pull();
        report.resynced = true;
    }
    return false;
}

void SyncEngine::watch(
    const std::function<bool()>& keepGoing, const std::function<void(const SyncReport&)>& onRound, int fallbackSeconds)
{
    std::mt19937 rng { std::random_device {}() };
    int failures = 0;
    QWebSocket socket;
    bool changes = true;
    QObject::connect(&socket, &QWebSocket::textMessageReceived, [&](const QString&) { changes = true; });
    auto connectLive = [&] {
        QUrl url(m_api.baseUrl() + "/api/v1/sync/live");
        url.setScheme(url.scheme() == "https" ? "wss" : "ws");
        QUrlQuery query;
        query.addQueryItem("access_token", QString::fromStdString(m_api.accessToken()));
        url.setQuery(query);
        socket.open(url);
    };
    auto lastRound = std::chrono::steady_clock::now() - std::chrono::hours(1);
    while (keepGoing()) {
        const bool due
            = changes || std::chrono::steady_clock::now() - lastRound > std::chrono::seconds(fallbackSeconds);
        if (due) {
            changes = false;
            lastRound = std::chrono::steady_clock::now();
            const auto report = syncOnce();
            onRound(report);
            if (report.error.empty()) {
                failures = 0;
                if (socket.state() == QAbstractSocket::UnconnectedState) {
                    connectLive();
                }
            } else {
                if (report.action == sync::ClientAction::SignIn || report.action == sync::ClientAction::Upgrade) {
                    return;
                }
                // Exponential backoff with full jitter: 1, 2, 4 … 60 s.
                ++failures;
                const int ceiling = std::min(60'000, 1000 << std::min(failures, 6));
                const int wait = std::uniform_int_distribution<int>(ceiling / 2, ceiling)(rng);
                QEventLoop pause;
                QTimer::singleShot(wait, &pause, &QEventLoop::quit);
                pause.exec();
                changes = true;
                continue;
            }
        }
        // Wait for the live channel (or a short tick, to notice keepGoing turning false).
        QEventLoop tick;
        const auto wake = QObject::connect(&socket, &QWebSocket::textMessageReceived, &tick, &QEventLoop::quit);
        QTimer::singleShot(200, &tick, &QEventLoop::quit);
        if (!changes) {
            tick.exec();
        }
        QObject::disconnect(wake);
    }
    socket.close();
}

} // namespace tosserp::client
