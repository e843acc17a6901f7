#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QString>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace tosserp::client {

/// One HTTP answer. `status` is 0 when no answer came (network down, timeout, TLS failure);
/// `networkError` then says why.
struct HttpReply {
    int status = 0;
    QByteArray body;
    std::string networkError;

    nlohmann::json json() const;
    /// The problem+json `code` ("" when absent).
    std::string code() const;
    bool ok() const { return status >= 200 && status < 300; }
};

/// Talks to a TossErp server: signs in, keeps the access and refresh tokens, refreshes the
/// access token once when the server says it expired, and reports new tokens so they can be
/// stored. Blocking calls (each runs a local event loop); use from one thread.
class ApiClient {
public:
    explicit ApiClient(QString baseUrl);

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
    HttpReply post(const QString& path, const nlohmann::json& body);
    const QString& baseUrl() const { return m_base; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    HttpReply send(const QByteArray& method, const QString& path, const QByteArray& body, bool authorized);
    HttpReply sendAuthorized(const QByteArray& method, const QString& path, const QByteArray& body);

    QString m_base;
    std::string m_access;
    std::string m_refresh;
    std::function<void(const std::string&, const std::string&)> m_onTokens;
    QNetworkAccessManager m_network;
    int m_timeoutMs = 30000;
};

} // namespace tosserp::client
