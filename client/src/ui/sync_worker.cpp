#include "client/src/ui/sync_worker.h"

#include "client/src/api_client.h"
#include "client/src/replica.h"
#include "client/src/sync_engine.h"

namespace tosserp::client {

SyncWorker::SyncWorker(QString replicaPath)
    : m_replicaPath(std::move(replicaPath))
{ }

void SyncWorker::signIn(const QString& serverUrl, const QString& user, const QString& password)
{
    try {
        Replica replica(m_replicaPath);
        ApiClient api(serverUrl);
        const auto reply = api.login(user.toStdString(), password.toStdString());
        if (!reply.ok()) {
            QString why;
            const auto code = reply.code();
            if (reply.status == 0) {
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

void SyncWorker::sync()
{
    try {
        Replica replica(m_replicaPath);
        ApiClient api(QString::fromStdString(replica.meta("server_url")));
        api.setTokens(replica.meta("access_token"), replica.meta("refresh_token"));
        api.onTokens([&](const std::string& access, const std::string& refresh) {
            replica.setMeta("access_token", access);
            replica.setMeta("refresh_token", refresh);
        });
        SyncEngine engine(replica, api);
        const auto report = engine.syncOnce();
        emit synced(report.error.empty(), report.error.empty() ? tr("Synced.") : QString::fromStdString(report.error));
    } catch (const std::exception& e) {
        emit synced(false, QString::fromStdString(e.what()));
    }
}

} // namespace tosserp::client
