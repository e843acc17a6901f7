#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

class QNetworkReply;

namespace tosserp::client {

/// One HTTP answer. `status` is 0 when no answer came (network down, timeout, TLS failure);
/// `networkError` then says why.
struct HttpReply {
    int status = 0;
    QByteArray body;
    std::string networkError;
    /// The TLS handshake failed (a certificate this machine does not trust, a wrong name).
    bool tlsFailed = false;

    nlohmann::json json() const;
    /// The problem+json `code` ("" when absent).
    std::string code() const;
    bool ok() const { return status >= 200 && status < 300; }
};

/// The permissions an access token grants (its "perms" claim), read without checking the
/// signature: for showing only what the user may do; the server still checks every call.
/// Empty for anything that is not such a token.
std::vector<std::string> tokenPermissions(const std::string& accessToken);

/// Talks to a TossErp server: signs in, keeps the access and refresh tokens, refreshes the
/// access token once when the server says it expired, and reports new tokens so they can be
/// stored. Blocking calls (each runs a local event loop); use from one thread.
class ApiClient {
public:
    explicit ApiClient(QString baseUrl);
    ~ApiClient();
    ApiClient(const ApiClient&) = delete;
    ApiClient& operator=(const ApiClient&) = delete;

    void setTokens(std::string access, std::string refresh);
    const std::string& accessToken() const { return m_access; }
    const std::string& refreshToken() const { return m_refresh; }
    /// Called whenever sign-in or a refresh hands out new tokens.
    void onTokens(std::function<void(const std::string&, const std::string&)> callback)
    {
        m_onTokens = std::move(callback);
    }

    /// Signs in; the reply is the server's (tokens are kept on success).
    HttpReply login(const std::string& username, const std::string& password);
    /// Trades the refresh token for new tokens; false when it is no longer valid.
    bool refresh();

    HttpReply get(const QString& path);
    /// Sends GET `path` now and keeps the answer for the next get() of the same path, so the
    /// server prepares it while the caller works (a pull applies one page while the next one
    /// comes). Any other request drops it.
    void prefetch(const QString& path);
    /// POST; with an `idempotencyKey` the server applies the request once however often it is
    /// sent (a retry after a refreshed token sends the same key).
    HttpReply post(const QString& path, const nlohmann::json& body, const QByteArray& idempotencyKey = {});
    /// Any authorized call ("PATCH", "DELETE", …); `body` empty for none.
    HttpReply request(
        const QByteArray& method, const QString& path, const QByteArray& body, const QByteArray& idempotencyKey = {});
    const QString& baseUrl() const { return m_base; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QNetworkReply* start(const QByteArray& method, const QString& path, const QByteArray& body, bool authorized,
        const QByteArray& idempotencyKey = {});
    /// Waits for `reply` (at most the timeout) and takes its answer; deletes it later.
    HttpReply finish(QNetworkReply* reply);
    HttpReply send(const QByteArray& method, const QString& path, const QByteArray& body, bool authorized,
        const QByteArray& idempotencyKey = {});
    void dropPrefetch();
    HttpReply sendAuthorized(
        const QByteArray& method, const QString& path, const QByteArray& body, const QByteArray& idempotencyKey = {});

    QString m_base;
    std::string m_access;
    std::string m_refresh;
    std::function<void(const std::string&, const std::string&)> m_onTokens;
    QNetworkAccessManager m_network;
    int m_timeoutMs = 30000;
    QNetworkReply* m_prefetch = nullptr;
    QString m_prefetchPath;
};

} // namespace tosserp::client
