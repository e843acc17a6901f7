#include "client/src/ui/sync_worker.h"

#include "client/src/api_client.h"
#include "client/src/catalog_csv.h"
#include "client/src/replica.h"
#include "client/src/sync_engine.h"

#include <QUuid>

#include <algorithm>

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

void SyncWorker::loadOrders()
{
    try {
        Replica replica(m_replicaPath);
        auto api = sessionClient(replica);
        QByteArray bodies[3];
        const char* paths[3]
            = { "/api/v1/customers?limit=1000", "/api/v1/orders?limit=1000", "/api/v1/payments?limit=1000" };
        for (int i = 0; i < 3; ++i) {
            const auto reply = api->get(paths[i]);
            if (!reply.ok()) {
                emit ordersLoaded({}, {}, {}, refusal(reply));
                return;
            }
            bodies[i] = reply.body;
        }
        emit ordersLoaded(bodies[0], bodies[1], bodies[2], {});
    } catch (const std::exception& e) {
        emit ordersLoaded({}, {}, {}, QString::fromStdString(e.what()));
    }
}

void SyncWorker::orderAction(const QString& action, const QVariantMap& arguments)
{
    try {
        Replica replica(m_replicaPath);
        auto api = sessionClient(replica);
        const auto id = [&](const char* name) { return arguments.value(name).toLongLong(); };
        const auto orderPath
            = [&](const char* what) { return QString("/api/v1/orders/%1/%2").arg(id("id")).arg(what); };
        HttpReply reply;
        QString done;
        if (action == "create") {
            const nlohmann::json order { { "customer_id", id("customer_id") }, { "warehouse_id", id("warehouse_id") },
                { "lines",
                    { { { "product_id", id("product_id") },
                        { "quantity", arguments.value("quantity").toString().toStdString() } } } } };
            reply = api->post("/api/v1/orders", order);
            if (reply.ok()) {
                const auto created = reply.json().value("id", std::int64_t { 0 });
                reply = api->post(QString("/api/v1/orders/%1/place").arg(created), nlohmann::json::object());
                done = tr("Order %1 placed: stock and payment follow.").arg(created);
            }
        } else if (action == "place") {
            reply = api->post(orderPath("place"), nlohmann::json::object());
            done = tr("Order %1 placed: stock and payment follow.").arg(id("id"));
        } else if (action == "cancel") {
            reply
                = api->post(orderPath("cancel"), { { "reason", arguments.value("reason").toString().toStdString() } });
            done = tr("Order %1 cancelled.").arg(id("id"));
        } else if (action == "refund") {
            // One key per refund asked for: a resend after a refreshed token refunds once.
            reply = api->post(QString("/api/v1/payments/%1/refund").arg(id("payment_id")),
                { { "amount", arguments.value("amount").toString().toStdString() } },
                QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
            done = tr("Refunded %1.").arg(arguments.value("amount").toString());
        }
        emit orderActionDone(reply.ok(), reply.ok() ? done : refusal(reply));
    } catch (const std::exception& e) {
        emit orderActionDone(false, QString::fromStdString(e.what()));
    }
    loadOrders();
}

void SyncWorker::loadTrail(const QStringList& streams)
{
    try {
        Replica replica(m_replicaPath);
        auto api = sessionClient(replica);
        auto events = nlohmann::json::array();
        for (const auto& entry : streams) {
            const auto parts = entry.split('/');
            std::string cursor;
            do {
                auto path
                    = QString("/api/v1/events?limit=1000&domain=%1&stream_id=%2").arg(parts.value(0), parts.value(1));
                if (!cursor.empty()) {
                    path += "&cursor=" + QString::fromStdString(cursor);
                }
                const auto reply = api->get(path);
                if (!reply.ok()) {
                    emit trailLoaded({}, refusal(reply));
                    return;
                }
                const auto page = reply.json();
                for (auto event : page.value("items", nlohmann::json::array())) {
                    event["domain"] = parts.value(0).toStdString();
                    events.push_back(std::move(event));
                }
                cursor = page.value("next_cursor", nlohmann::json()).is_string()
                    ? page["next_cursor"].get<std::string>()
                    : std::string();
            } while (!cursor.empty());
        }
        std::stable_sort(events.begin(), events.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
            return a.value("occurred_at", std::string()) < b.value("occurred_at", std::string());
        });
        emit trailLoaded(QByteArray::fromStdString(events.dump()), {});
    } catch (const std::exception& e) {
        emit trailLoaded({}, QString::fromStdString(e.what()));
    }
}

void SyncWorker::call(quint64 ticket, const QByteArray& method, const QString& path, const QByteArray& body,
    const QByteArray& idempotencyKey)
{
    try {
        Replica replica(m_replicaPath);
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
        Replica replica(m_replicaPath);
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
        Replica replica(m_replicaPath);
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
        Replica replica(m_replicaPath);
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
