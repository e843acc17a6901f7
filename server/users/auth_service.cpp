#include "server/users/auth_service.h"

#include "domain/text.h"
#include "domain/user.h"
#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/http/api.h"
#include "server/http/problem.h"

namespace tosserp::users {

using domain::Result;
using http::ApiError;
using http::invalidToken;

namespace {

std::int64_t nowSeconds()
{
    return nowMs() / 1000;
}

ApiError invalidCredentials()
{
    return ApiError(401, "invalid_credentials", "The username or password is not right.");
}

ApiError retryLater(int status, std::string code, std::string detail, std::int64_t waitMs)
{
    ApiError error(status, std::move(code), std::move(detail));
    error.headers.emplace_back("Retry-After", std::to_string(std::max<std::int64_t>(1, (waitMs + 999) / 1000)));
    return error;
}

struct StoredLogin {
    std::int64_t id = 0;
    std::string hash;
    bool active = false;
    domain::FailureWindow window;
};

} // namespace

AuthService::AuthService(db::Database& database, UserService& users, security::PasswordHasher& hasher,
    const security::SigningKey& key, AuthSettings settings)
    : m_db(database)
    , m_users(users)
    , m_hasher(hasher)
    , m_codec(key, "tosserp", "tosserp-api")
    , m_settings(settings)
    , m_dummyHash(hasher.hash("a password nobody has, to spend the same time"))
{
    // Sessions revoked recently may still have live access tokens; remember them.
    const auto since = nowMs() - (m_settings.accessLifetimeSeconds + 120) * 1000;
    m_db.read([&](db::Connection& c) {
        auto& q = c.prepare("SELECT family_id FROM token_families WHERE revoked_at > ?");
        q.bind(1, since);
        while (q.step()) {
            m_revokedSessions.emplace(q.text(0), nowMs());
        }
        q.reset();
    });
    m_users.onSessionsRevoked([this](std::int64_t userId) { revokeUserSessions(userId); });
}

Result<TokenGrant> AuthService::login(const std::string& username, const std::string& password,
    const std::string& clientAddress, const events::EventContext& context)
{
    const auto now = nowMs();
    {
        std::lock_guard lock(m_addressMutex);
        const auto& window = m_addressFailures[clientAddress];
        if (domain::isLocked(window, now)) {
            throw retryLater(429, "too_many_attempts", "Too many failed sign-ins from this address; wait and retry.",
                domain::retryAfterMs(window, now));
        }
    }
    const auto normalized = domain::normalizeUsername(username);
    std::optional<StoredLogin> stored;
    if (normalized) {
        stored = m_db.read([&](db::Connection& c) -> std::optional<StoredLogin> {
            auto& q
                = c.prepare("SELECT id, password_hash, active, failed_count, failed_window_start, locked_until FROM "
                            "users WHERE username = ?");
            q.bind(1, normalized.value());
            std::optional<StoredLogin> row;
            if (q.step()) {
                row = StoredLogin { q.integer(0), q.text(1), q.integer(2) != 0,
                    { static_cast<int>(q.integer(3)), q.integer(4), q.integer(5) } };
            }
            q.reset();
            return row;
        });
    }
    bool matches = false;
    try {
        matches = m_hasher.verify(stored ? stored->hash : m_dummyHash, password) && stored.has_value();
    } catch (const security::HasherBusy&) {
        throw retryLater(503, "busy", "The server is busy signing people in; retry in a moment.", 1000);
    }

    if (!matches) {
        {
            std::lock_guard lock(m_addressMutex);
            auto& window = m_addressFailures[clientAddress];
            window = domain::recordFailure(window, now, m_settings.addressThrottle);
            if (m_addressFailures.size() > 100'000) {
                // Bounded memory under an address-spraying attack: forget windows that neither
                // lock nor count any more, then, if still too many, everything.
                std::erase_if(m_addressFailures, [&](const auto& entry) {
                    return !domain::isLocked(entry.second, now)
                        && now - entry.second.windowStartMs >= m_settings.addressThrottle.windowMs;
                });
                if (m_addressFailures.size() > 100'000) {
                    m_addressFailures.clear();
                }
            }
        }
        m_db.write([&](db::Connection& c) {
            const std::string stream = stored ? "user-" + std::to_string(stored->id) : "signin-unknown";
            nlohmann::json payload = { { "username", normalized ? normalized.value() : std::string("(invalid)") },
                { "address", clientAddress } };
            if (stored) {
                const bool wasLocked = domain::isLocked(stored->window, now);
                const auto window = domain::recordFailure(stored->window, now, m_settings.accountThrottle);
                c.prepare("UPDATE users SET failed_count = ?, failed_window_start = ?, locked_until = ? WHERE id = ?")
                    .bindAll(
                        { std::int64_t { window.failures }, window.windowStartMs, window.lockedUntilMs, stored->id })
                    .run();
                if (!wasLocked && domain::isLocked(window, now)) {
                    events::EventStore::append(c, stream, "AccountLocked", payload, context);
                }
            }
            events::EventStore::append(c, stream, "SignInFailed", payload, context);
        });
        throw invalidCredentials();
    }
    // The password is right: now (and only now) say why sign-in is still refused.
    if (domain::isLocked(stored->window, now)) {
        throw retryLater(403, "account_locked", "This account is locked after too many failed sign-ins.",
            domain::retryAfterMs(stored->window, now));
    }
    if (!stored->active) {
        throw ApiError(403, "account_disabled", "This account is disabled; ask an administrator.");
    }
    std::optional<std::string> upgraded;
    if (m_hasher.needsRehash(stored->hash)) {
        upgraded = m_hasher.hash(password);
    }
    return m_db.write([&](db::Connection& c) -> Result<TokenGrant> {
        c.prepare("UPDATE users SET failed_count = 0, failed_window_start = 0 WHERE id = ?").bind(1, stored->id).run();
        if (upgraded) {
            c.prepare("UPDATE users SET password_hash = ? WHERE id = ?").bindAll({ *upgraded, stored->id }).run();
        }
        const auto family = newUuid();
        c.prepare("INSERT INTO token_families (family_id, user_id, created_at) VALUES (?, ?, ?)")
            .bindAll({ family, stored->id, now })
            .run();
        auto signedIn = context;
        signedIn.actor = "user:" + std::to_string(stored->id);
        events::EventStore::append(c, "user-" + std::to_string(stored->id), "SignedIn",
            { { "address", clientAddress }, { "session", family } }, signedIn);
        return grant(c, stored->id, family);
    });
}

Result<TokenGrant> AuthService::grant(db::Connection& c, std::int64_t userId, const std::string& familyId)
{
    const auto user = loadUser(c, userId);
    if (!user) {
        return domain::notFound("user_not_found", "The user is gone.");
    }
    const auto principal
        = domain::principalForUser(user->id, user->username, user->roles, user->warehouses, loadRoles(c));
    nlohmann::json claims = {
        { "sub", principal.subject },
        { "uid", user->id },
        { "name", user->username },
        { "sid", familyId },
        { "jti", newUuid() },
        { "roles", user->roles },
        { "perms", std::vector<std::string>(principal.permissions.begin(), principal.permissions.end()) },
    };
    if (principal.warehouses) {
        claims["wh"] = std::vector<std::int64_t>(principal.warehouses->begin(), principal.warehouses->end());
    } else {
        claims["wh"] = "*";
    }
    TokenGrant grant;
    const auto now = nowSeconds();
    grant.accessToken = m_codec.issue(std::move(claims), now, m_settings.accessLifetimeSeconds);
    grant.expiresIn = m_settings.accessLifetimeSeconds;
    grant.refreshToken = randomToken();
    grant.refreshExpiresIn = m_settings.refreshLifetimeSeconds;
    c.prepare("INSERT INTO refresh_tokens (token_hash, family_id, issued_at, expires_at) VALUES (?, ?, ?, ?)")
        .bindAll({ http::sha256Hex(grant.refreshToken), familyId, now * 1000,
            (now + m_settings.refreshLifetimeSeconds) * 1000 })
        .run();
    return grant;
}

Result<TokenGrant> AuthService::refresh(const std::string& refreshToken, const events::EventContext& context)
{
    const auto hash = http::sha256Hex(refreshToken);
    const auto now = nowMs();
    // Commits in every case: a detected reuse must stay revoked even though the call fails.
    auto outcome = m_db.write([&](db::Connection& c) -> std::pair<std::optional<TokenGrant>, std::string> {
        auto& q = c.prepare("SELECT r.family_id, r.used_at, r.expires_at, f.revoked_at, f.user_id, u.active FROM "
                            "refresh_tokens r JOIN token_families f ON f.family_id = r.family_id JOIN users u ON u.id "
                            "= f.user_id WHERE r.token_hash = ?");
        q.bind(1, hash);
        if (!q.step()) {
            q.reset();
            return { std::nullopt, "unknown" };
        }
        const auto family = q.text(0);
        const bool used = !q.isNull(1);
        const auto expires = q.integer(2);
        const bool revoked = !q.isNull(3);
        const auto userId = q.integer(4);
        const bool active = q.integer(5) != 0;
        q.reset();
        if (revoked || expires <= now || !active) {
            return { std::nullopt, "unknown" };
        }
        if (used) {
            c.prepare("UPDATE token_families SET revoked_at = ?, revoked_reason = 'refresh token reused' WHERE "
                      "family_id = ?")
                .bindAll({ now, family })
                .run();
            events::EventStore::append(
                c, "user-" + std::to_string(userId), "RefreshTokenReused", { { "session", family } }, context);
            return { std::nullopt, "reused:" + family };
        }
        c.prepare("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?").bindAll({ now, hash }).run();
        auto granted = grant(c, userId, family);
        if (!granted) {
            return { std::nullopt, "unknown" };
        }
        return { granted.value(), "" };
    });
    if (outcome.first) {
        return *outcome.first;
    }
    if (outcome.second.rfind("reused:", 0) == 0) {
        markRevoked(outcome.second.substr(7));
        log::warn("refresh token reused; session revoked", { { "trace_id", context.correlationId } });
        throw ApiError(401, "refresh_token_reused",
            "This refresh token was already used; the session is ended for safety. Sign in again.");
    }
    throw ApiError(
        401, "invalid_grant", "The refresh token is not valid (expired, revoked or unknown). Sign in again.");
}

void AuthService::logout(const std::string& refreshToken, const events::EventContext& context)
{
    const auto hash = http::sha256Hex(refreshToken);
    const auto family = m_db.write([&](db::Connection& c) -> std::optional<std::string> {
        auto& q
            = c.prepare("SELECT f.family_id, f.user_id FROM refresh_tokens r JOIN token_families f ON f.family_id = "
                        "r.family_id WHERE r.token_hash = ? AND f.revoked_at IS NULL");
        q.bind(1, hash);
        std::optional<std::string> found;
        std::int64_t userId = 0;
        if (q.step()) {
            found = q.text(0);
            userId = q.integer(1);
        }
        q.reset();
        if (found) {
            c.prepare("UPDATE token_families SET revoked_at = ?, revoked_reason = 'signed out' WHERE family_id = ?")
                .bindAll({ nowMs(), *found })
                .run();
            events::EventStore::append(
                c, "user-" + std::to_string(userId), "SignedOut", { { "session", *found } }, context);
        }
        return found;
    });
    if (family) {
        markRevoked(*family);
    }
}

void AuthService::revokeUserSessions(std::int64_t userId)
{
    const auto families = m_db.read([&](db::Connection& c) {
        return c.prepare("SELECT family_id FROM token_families WHERE user_id = ? AND revoked_at IS NOT NULL")
            .bind(1, userId)
            .texts();
    });
    for (const auto& family : families) {
        markRevoked(family);
    }
}

void AuthService::markRevoked(const std::string& familyId)
{
    {
        std::unique_lock lock(m_revokedMutex);
        const auto now = nowMs();
        if (m_revokedSessions.size() > 10'000) {
            // Tokens of a session revoked longer ago than their lifetime are all expired.
            const auto horizon = now - (m_settings.accessLifetimeSeconds + 120) * 1000;
            std::erase_if(m_revokedSessions, [&](const auto& entry) { return entry.second < horizon; });
        }
        m_revokedSessions[familyId] = now;
    }
    std::unique_lock lock(m_cacheMutex);
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        it = it->second.sessionId == familyId ? m_cache.erase(it) : std::next(it);
    }
}

bool AuthService::sessionRevoked(const std::string& sessionId) const
{
    std::shared_lock lock(m_revokedMutex);
    return m_revokedSessions.count(sessionId) != 0;
}

domain::Principal AuthService::principalFromClaims(const nlohmann::json& claims) const
{
    domain::Principal principal;
    principal.subject = claims.value("sub", "");
    principal.userId = claims.value("uid", std::int64_t { 0 });
    principal.name = claims.value("name", "");
    if (claims.contains("roles") && claims["roles"].is_array()) {
        for (const auto& role : claims["roles"]) {
            if (role.is_string()) {
                principal.roles.push_back(role.get<std::string>());
            }
        }
    }
    if (claims.contains("perms") && claims["perms"].is_array()) {
        for (const auto& permission : claims["perms"]) {
            if (permission.is_string()) {
                principal.permissions.insert(permission.get<std::string>());
            }
        }
    }
    if (claims.contains("wh") && claims["wh"].is_array()) {
        std::set<std::int64_t> warehouses;
        for (const auto& id : claims["wh"]) {
            if (id.is_number_integer()) {
                warehouses.insert(id.get<std::int64_t>());
            }
        }
        principal.warehouses = std::move(warehouses);
    } else if (!(claims.contains("wh") && claims["wh"] == "*")) {
        principal.warehouses = std::set<std::int64_t> {};
    }
    return principal;
}

std::shared_ptr<const domain::Principal> AuthService::bearer(const std::string& token)
{
    const auto now = nowMs();
    if (m_cacheEnabled) {
        std::shared_lock lock(m_cacheMutex);
        const auto it = m_cache.find(token);
        if (it != m_cache.end() && now < it->second.expiresAt
            && now - it->second.cachedAt < m_settings.cacheSeconds * 1000 && !sessionRevoked(it->second.sessionId)) {
            return it->second.principal;
        }
    }
    const auto verified = m_codec.verify(token, now / 1000);
    if (verified.error) {
        throw invalidToken(security::tokenErrorText(*verified.error));
    }
    const auto session = verified.claims.value("sid", "");
    if (sessionRevoked(session)) {
        throw invalidToken("the session was ended");
    }
    auto principal = std::make_shared<const domain::Principal>(principalFromClaims(verified.claims));
    if (m_cacheEnabled) {
        std::unique_lock lock(m_cacheMutex);
        if (m_cache.size() > 100'000) {
            m_cache.clear();
        }
        m_cache[token] = CachedToken { principal, session, verified.claims["exp"].get<std::int64_t>() * 1000, now };
    }
    return principal;
}

std::shared_ptr<const domain::Principal> AuthService::authenticate(const http::Request& request)
{
    if (const auto header = request.header("authorization")) {
        const auto space = header->find(' ');
        const auto scheme = domain::asciiLower(header->substr(0, space));
        const auto value = space == std::string::npos ? std::string() : header->substr(space + 1);
        if (scheme == "bearer" && !value.empty()) {
            return bearer(value);
        }
        if (scheme == "apikey" && !value.empty()) {
            if (auto principal = m_users.principalForApiKey(value)) {
                return std::make_shared<const domain::Principal>(std::move(*principal));
            }
            throw ApiError(401, "invalid_api_key", "The API key is not valid (unknown or revoked).");
        }
        ApiError error(401, "invalid_token", "Use Authorization: Bearer <access token> or ApiKey <key>.");
        error.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tosserp\"");
        throw error;
    }
    // Browsers and some WebSocket clients cannot set headers on the upgrade request.
    if (const auto token = request.queryParam("access_token"); token && request.header("upgrade")) {
        return bearer(*token);
    }
    if (const auto key = request.header("x-api-key")) {
        if (auto principal = m_users.principalForApiKey(*key)) {
            return std::make_shared<const domain::Principal>(std::move(*principal));
        }
        throw ApiError(401, "invalid_api_key", "The API key is not valid (unknown or revoked).");
    }
    return nullptr;
}

} // namespace tosserp::users
