#include "client/src/ui/sync_worker.h"

#include "client/src/api_client.h"
#include "client/src/catalog_csv.h"
#include "client/src/replica.h"
#include "client/src/sync_engine.h"

namespace tosserp::client {

SyncWorker::SyncWorker(QString replicaPath)
    : m_replicaPath(std::move(replicaPath))
{ }

SyncWorker::~SyncWorker() = default;

Replica& SyncWorker::replica()
{
    // Opened once, on the worker's thread, and kept: every call needs the session it holds.
    if (!m_replica) {
        m_replica = std::make_unique<Replica>(m_replicaPath);
    }
    return *m_replica;
}

void SyncWorker::signIn(const QString& serverUrl, const QString& user, const QString& password)
{
    try {
        auto& replica = this->replica();
        ApiClient api(serverUrl);
        const auto reply = api.login(user.toStdString(), password.toStdString());
        if (!reply.ok()) {
            QString why;
            const auto code = reply.code();
            if (reply.tlsFailed) {
                why = tr("The server's certificate is not trusted on this computer (%1). Check the address, or ask "
                         "IT to install the company's certificate authority.")
                          .arg(QString::fromStdString(reply.networkError));
            } else if (reply.status == 0) {
                why = tr("The server cannot be reached (%1).").arg(QString::fromStdString(reply.networkError));
            } else if (code == "invalid_credentials") {
                why = tr("The username or password is not right.");
            } else if (code == "account_locked") {
                why = tr("This account is locked after too many attempts; try again later.");
            } else if (code == "account_disabled") {
                why = tr("This account is disabled; ask an administrator.");
            } else {
                why = tr("Sign-in refused (%1).")
                          .arg(QString::fromStdString(code.empty() ? std::to_string(reply.status) : code));
            }
            emit signedIn(false, user, why);
            return;
        }
        replica.setMeta("server_url", serverUrl.toStdString());
        replica.setMeta("user", user.toStdString());
        replica.setMeta("access_token", api.accessToken());
        replica.setMeta("refresh_token", api.refreshToken());
        emit signedIn(true, user, tr("Signed in."));
    } catch (const std::exception& e) {
        emit signedIn(false, user, QString::fromStdString(e.what()));
    }
}

namespace {

/// An API client with the replica's session, storing refreshed tokens back in the replica.
std::unique_ptr<ApiClient> sessionClient(Replica& replica)
{
    auto api = std::make_unique<ApiClient>(QString::fromStdString(replica.meta("server_url")));
    api->setTokens(replica.meta("access_token"), replica.meta("refresh_token"));
    api->onTokens([&replica](const std::string& access, const std::string& refresh) {
        replica.setMeta("access_token", access);
        replica.setMeta("refresh_token", refresh);
    });
    return api;
}

/// What a refusal says to a person: the problem's detail, or why nothing answered.
QString refusal(const HttpReply& reply)
{
    if (reply.status == 0) {
        return SyncWorker::tr("The server cannot be reached (%1).").arg(QString::fromStdString(reply.networkError));
    }
    const auto json = reply.json();
    if (json.is_object() && json.contains("detail") && json["detail"].is_string()) {
        return QString::fromStdString(json["detail"].get<std::string>());
    }
    return SyncWorker::tr("The server refused (HTTP %1).").arg(reply.status);
}

} // namespace

void SyncWorker::call(quint64 ticket, const QByteArray& method, const QString& path, const QByteArray& body,
    const QByteArray& idempotencyKey)
{
    try {
        auto& replica = this->replica();
        auto api = sessionClient(replica);
        const auto reply = api->request(method, path, body, idempotencyKey);
        emit called(ticket, reply.ok(), reply.body, reply.ok() ? QString() : refusal(reply));
    } catch (const std::exception& e) {
        emit called(ticket, false, {}, QString::fromStdString(e.what()));
    }
}

void SyncWorker::importProducts(const QString& path)
{
    try {
        auto& replica = this->replica();
        auto api = sessionClient(replica);
        const auto report
            = client::importProducts(*api, path.toStdString(), [this](std::size_t done, std::size_t total) {
                  emit transferProgress(static_cast<int>(done), static_cast<int>(total));
              });
        QStringList rejected;
        for (const auto& line : report.rejected) {
            rejected << QString::fromStdString(line);
        }
        auto summary = tr("%n product(s) created", nullptr, static_cast<int>(report.created)) + ", "
            + tr("%n row(s) rejected", nullptr, static_cast<int>(rejected.size())) + ".";
        if (!report.stopped.empty()) {
            summary += " " + tr("Stopped at %1.").arg(QString::fromStdString(report.stopped));
        }
        emit transferDone(rejected.isEmpty() && report.stopped.empty(), summary, rejected);
    } catch (const std::exception& e) {
        emit transferDone(false, QString::fromStdString(e.what()), {});
        return;
    }
    sync();
}

void SyncWorker::exportProducts(const QString& path)
{
    try {
        auto& replica = this->replica();
        const auto count
            = client::exportProducts(replica, path.toStdString(), [this](std::size_t done, std::size_t total) {
                  emit transferProgress(static_cast<int>(done), static_cast<int>(total));
              });
        emit transferDone(true, tr("%n product(s) written to %1.", nullptr, static_cast<int>(count)).arg(path), {});
    } catch (const std::exception& e) {
        emit transferDone(false, QString::fromStdString(e.what()), {});
    }
}

void SyncWorker::sync()
{
    try {
        auto& replica = this->replica();
        auto api = sessionClient(replica);
        SyncEngine engine(replica, *api);
        const auto report = engine.syncOnce([this](int changes, const std::string&) { emit syncProgress(changes); });
        if (report.error.empty()) {
            const auto about = api->get("/health/live").json();
            if (about.is_object() && about.value("version", nlohmann::json()).is_string()) {
                const auto protocol = about.value("protocol_version", nlohmann::json());
                emit serverAbout(QString::fromStdString(about["version"].get<std::string>()),
                    protocol.is_number_integer() ? protocol.get<int>() : 0);
            }
        }
        emit synced(report.error.empty(), report.error.empty() ? tr("Synced.") : QString::fromStdString(report.error));
    } catch (const std::exception& e) {
        emit synced(false, QString::fromStdString(e.what()));
    }
}

} // namespace tosserp::client
