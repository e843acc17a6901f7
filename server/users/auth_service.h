#pragma once

#include "domain/login_throttle.h"
#include "domain/result.h"
#include "server/http/server.h"
#include "server/security/jwt.h"
#include "server/users/users_service.h"

#include <chrono>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace tosserp::users {

struct AuthSettings {
    /// Access tokens live at most 15 minutes.
    std::int64_t accessLifetimeSeconds = 15 * 60;
    std::int64_t refreshLifetimeSeconds = 30 * 24 * 3600;
    /// How long a verified token may be served from the cache before it is checked again.
    /// Revocation in this process is immediate; this bounds it for other processes.
    std::int64_t cacheSeconds = 30;
    domain::ThrottlePolicy accountThrottle {};
    domain::ThrottlePolicy addressThrottle { 30, 5 * 60 * 1000, 5 * 60 * 1000 };
};

/// What a successful sign-in or refresh hands out (OAuth 2.0 token response names).
struct TokenGrant {
    std::string accessToken;
    std::int64_t expiresIn = 0;
    std::string refreshToken;
    std::int64_t refreshExpiresIn = 0;
};

/// Sign-in, token refresh with rotation and reuse detection, sign-out, and the check of every
/// request's credentials (bearer token or API key). Thread-safe.
///
/// Guessing is throttled per account (in the database, so it holds across restarts and
/// processes) and per client address (in memory). Answers never say whether a username
/// exists: an unknown user, a wrong password and a locked account with a wrong password all
/// get the same "invalid_credentials".
class AuthService : public http::Authenticator {
public:
    AuthService(db::Database& database, UserService& users, security::PasswordHasher& hasher,
        const security::SigningKey& key, AuthSettings settings = {});

    domain::Result<TokenGrant> login(const std::string& username, const std::string& password,
        const std::string& clientAddress, const events::EventContext& context);
    /// Rotates `refreshToken`. Presenting a token that was already used revokes its whole
    /// family (someone holds a copy) and is refused.
    domain::Result<TokenGrant> refresh(const std::string& refreshToken, const events::EventContext& context);
    /// Ends the session the refresh token belongs to. Unknown tokens are ignored (idempotent).
    void logout(const std::string& refreshToken, const events::EventContext& context);
    /// Ends every session of a user at once (in this process; others within cacheSeconds).
    void revokeUserSessions(std::int64_t userId);

    std::shared_ptr<const domain::Principal> authenticate(const http::Request& request) override;

    void setCacheEnabled(bool enabled) { m_cacheEnabled = enabled; }
    const security::JwtCodec& codec() const { return m_codec; }
    const AuthSettings& settings() const { return m_settings; }

private:
    struct CachedToken {
        std::shared_ptr<const domain::Principal> principal;
        std::string sessionId;
        std::int64_t expiresAt = 0;
        std::int64_t cachedAt = 0;
    };

    domain::Result<TokenGrant> grant(db::Connection& c, std::int64_t userId, const std::string& familyId);
    domain::Principal principalFromClaims(const nlohmann::json& claims) const;
    bool sessionRevoked(const std::string& sessionId) const;
    void markRevoked(const std::string& familyId);
    std::shared_ptr<const domain::Principal> bearer(const std::string& token);

    db::Database& m_db;
    UserService& m_users;
    security::PasswordHasher& m_hasher;
    security::JwtCodec m_codec;
    AuthSettings m_settings;
    std::string m_dummyHash;
    bool m_cacheEnabled = true;

    mutable std::shared_mutex m_cacheMutex;
    std::unordered_map<std::string, CachedToken> m_cache;
    mutable std::shared_mutex m_revokedMutex;
    /// Revoked session → when it was revoked; pruned once its access tokens have all expired.
    std::unordered_map<std::string, std::int64_t> m_revokedSessions;
    std::mutex m_addressMutex;
    std::unordered_map<std::string, domain::FailureWindow> m_addressFailures;
};

} // namespace tosserp::users
