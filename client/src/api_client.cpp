#include "client/src/api_client.h"

#include "sync/protocol.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <utility>

namespace tosserp::client {

nlohmann::json HttpReply::json() const
{
    return nlohmann::json::parse(body.cbegin(), body.cend(), nullptr, false);
}

std::string HttpReply::code() const
{
    const auto j = json();
    return j.is_object() && j.contains("code") && j["code"].is_string() ? j["code"].get<std::string>() : std::string();
}

std::vector<std::string> tokenPermissions(const std::string& accessToken)
{
    const auto first = accessToken.find('.');
    const auto second = accessToken.find('.', first == std::string::npos ? first : first + 1);
    if (first == std::string::npos || second == std::string::npos) {
        return {};
    }
    const auto payload
        = QByteArray::fromBase64(QByteArray::fromStdString(accessToken.substr(first + 1, second - first - 1)),
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const auto claims = nlohmann::json::parse(payload.cbegin(), payload.cend(), nullptr, false);
    std::vector<std::string> permissions;
    if (claims.is_object() && claims.contains("perms") && claims["perms"].is_array()) {
        for (const auto& permission : claims["perms"]) {
            if (permission.is_string()) {
                permissions.push_back(permission.get<std::string>());
            }
        }
    }
    return permissions;
}

ApiClient::ApiClient(QString baseUrl)
    : m_base(std::move(baseUrl))
{
    while (m_base.endsWith('/')) {
        m_base.chop(1);
    }
}

void ApiClient::setTokens(std::string access, std::string refresh)
{
    m_access = std::move(access);
    m_refresh = std::move(refresh);
}

ApiClient::~ApiClient()
{
    dropPrefetch();
}

QNetworkReply* ApiClient::start(const QByteArray& method, const QString& path, const QByteArray& body, bool authorized,
    const QByteArray& idempotencyKey)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setRawHeader("X-Sync-Protocol", QByteArray::number(sync::kProtocolVersion));
    request.setRawHeader("User-Agent", "TossErp/" TOSSERP_VERSION);
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    }
    if (authorized && !m_access.empty()) {
        request.setRawHeader("Authorization", QByteArray("Bearer ") + QByteArray::fromStdString(m_access));
    }
    if (!idempotencyKey.isEmpty()) {
        request.setRawHeader("Idempotency-Key", idempotencyKey);
    }
    return m_network.sendCustomRequest(request, method, body);
}

HttpReply ApiClient::finish(QNetworkReply* reply)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    if (!reply->isFinished()) {
        loop.exec();
    }
    HttpReply out;
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = reply->readAll();
    if (out.status == 0) {
        out.networkError = reply->errorString().toStdString();
        out.tlsFailed = reply->error() == QNetworkReply::SslHandshakeFailedError;
    }
    reply->deleteLater();
    return out;
}

HttpReply ApiClient::send(const QByteArray& method, const QString& path, const QByteArray& body, bool authorized,
    const QByteArray& idempotencyKey)
{
    dropPrefetch();
    return finish(start(method, path, body, authorized, idempotencyKey));
}

void ApiClient::dropPrefetch()
{
    if (m_prefetch) {
        m_prefetch->abort();
        m_prefetch->deleteLater();
        m_prefetch = nullptr;
    }
}

void ApiClient::prefetch(const QString& path)
{
    dropPrefetch();
    m_prefetch = start("GET", path, {}, true);
    m_prefetchPath = path;
    // The reply hands its request to Qt's network thread from this thread's event queue:
    // let it go now, not when the caller next waits.
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

HttpReply ApiClient::sendAuthorized(
    const QByteArray& method, const QString& path, const QByteArray& body, const QByteArray& idempotencyKey)
{
    HttpReply reply;
    if (m_prefetch && method == "GET" && path == m_prefetchPath) {
        reply = finish(std::exchange(m_prefetch, nullptr));
    } else {
        reply = send(method, path, body, true, idempotencyKey);
    }
    if (reply.status == 401 && !m_refresh.empty() && refresh()) {
        reply = send(method, path, body, true, idempotencyKey);
    }
    return reply;
}

HttpReply ApiClient::login(const std::string& username, const std::string& password)
{
    const auto body = nlohmann::json { { "username", username }, { "password", password } }.dump();
    auto reply = send("POST", "/api/v1/auth/login", QByteArray::fromStdString(body), false);
    if (reply.ok()) {
        const auto json = reply.json();
        setTokens(json.value("access_token", ""), json.value("refresh_token", ""));
        if (m_onTokens) {
            m_onTokens(m_access, m_refresh);
        }
    }
    return reply;
}

bool ApiClient::refresh()
{
    const auto body = nlohmann::json { { "refresh_token", m_refresh } }.dump();
    const auto reply = send("POST", "/api/v1/auth/refresh", QByteArray::fromStdString(body), false);
    if (!reply.ok()) {
        if (reply.status == 401) {
            m_access.clear();
            m_refresh.clear();
            if (m_onTokens) {
                m_onTokens(m_access, m_refresh);
            }
        }
        return false;
    }
    const auto json = reply.json();
    setTokens(json.value("access_token", ""), json.value("refresh_token", ""));
    if (m_onTokens) {
        m_onTokens(m_access, m_refresh);
    }
    return true;
}

HttpReply ApiClient::get(const QString& path)
{
    return sendAuthorized("GET", path, {});
}

HttpReply ApiClient::post(const QString& path, const nlohmann::json& body, const QByteArray& idempotencyKey)
{
    return sendAuthorized("POST", path, QByteArray::fromStdString(body.dump()), idempotencyKey);
}

HttpReply ApiClient::request(
    const QByteArray& method, const QString& path, const QByteArray& body, const QByteArray& idempotencyKey)
{
    return sendAuthorized(method, path, body, idempotencyKey);
}

} // namespace tosserp::client
