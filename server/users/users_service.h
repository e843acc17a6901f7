#pragma once

#include "domain/result.h"
#include "domain/security.h"
#include "domain/user.h"
#include "server/core/page.h"
#include "server/db/database.h"
#include "server/events/event_store.h"
#include "server/security/password_hasher.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tosserp::users {

/// An API key as listed (never its secret).
struct ApiKeyInfo {
    std::int64_t id = 0;
    std::string name;
    std::string prefix;
    std::vector<std::string> permissions;
    std::optional<std::vector<std::int64_t>> warehouses;
    std::string createdBy;
    std::int64_t createdAtMs = 0;
    std::optional<std::int64_t> lastUsedAtMs;
    std::optional<std::int64_t> revokedAtMs;
};

/// A key just created: the only moment its full text exists outside the caller.
struct CreatedApiKey {
    ApiKeyInfo info;
    std::string key;
};

/// Users, roles and API keys of the Users domain, in their own database. Every change runs in
/// one write transaction with its security event. Nobody can hand out more than they hold:
/// assigning a role or creating a key needs every permission it carries, and changing,
/// resetting or unlocking another user needs every permission that user holds (so a user
/// manager cannot take over an administrator). Thread-safe.
class UserService {
public:
    /// Called with a user id whenever that user's sessions must end (disabled, roles or
    /// warehouses changed, password reset).
    using SessionsRevoked = std::function<void(std::int64_t userId)>;

    UserService(db::Database& database, security::PasswordHasher& hasher);
    void onSessionsRevoked(SessionsRevoked callback) { m_sessionsRevoked = std::move(callback); }

    /// Writes the built-in roles (and updates their permissions when this build changed them).
    void ensureBuiltInRoles();
    /// On a database without users, creates `admin` with `password`, or with a random one
    /// that is returned so the caller can show it once. nullopt when users exist already.
    std::optional<std::string> bootstrapAdmin(const std::string& password);

    std::vector<domain::RoleDefinition> roles() const;
    domain::Result<domain::RoleDefinition> createRole(std::string_view name, std::string_view description,
        const std::vector<std::string>& permissions, bool warehouseScoped, const domain::Principal& by,
        const events::EventContext& context);

    domain::Result<domain::User> createUser(const domain::UserDraft& draft, const std::string& password,
        const domain::Principal& by, const events::EventContext& context);
    domain::Result<domain::User> updateUser(std::int64_t id, const domain::UserPatch& patch,
        std::optional<std::int64_t> expectedVersion, const domain::Principal& by, const events::EventContext& context);
    domain::Result<domain::User> user(std::int64_t id) const;
    Page<domain::User> users(std::int64_t afterId, int limit) const;
    /// Changes a password. With `currentPassword` (self-service) it must match; without it
    /// (an administrator's reset) every session of the user ends.
    /// An administrator's reset (`by` set) needs every permission the target user holds.
    domain::Result<void> setPassword(std::int64_t id, const std::string& newPassword,
        const std::optional<std::string>& currentPassword, const events::EventContext& context,
        const domain::Principal* by = nullptr);
    domain::Result<void> unlock(std::int64_t id, const events::EventContext& context, const domain::Principal& by);
    /// The user's security events (sign-ins, failures, lockouts, changes), oldest first.
    std::vector<events::EventRecord> userEvents(std::int64_t id, std::int64_t afterPosition, int limit) const;

    domain::Result<CreatedApiKey> createApiKey(std::string_view name, const std::vector<std::string>& permissions,
        const std::optional<std::vector<std::int64_t>>& warehouses, const domain::Principal& by,
        const events::EventContext& context);
    domain::Result<void> revokeApiKey(std::int64_t id, const events::EventContext& context);
    std::vector<ApiKeyInfo> apiKeys() const;

    /// The principal of an API key ("tsk_<prefix>_<secret>"), or nullopt when the key is
    /// unknown, wrong or revoked. Records the time of use (at most once a minute per key).
    std::optional<domain::Principal> principalForApiKey(std::string_view key);

private:
    db::Database& m_db;
    security::PasswordHasher& m_hasher;
    SessionsRevoked m_sessionsRevoked;
};

/// Loads a user with roles and warehouses inside an open transaction.
std::optional<domain::User> loadUser(db::Connection& connection, std::int64_t id);
std::vector<domain::RoleDefinition> loadRoles(db::Connection& connection);
std::vector<std::string> roleNames(const std::vector<domain::RoleDefinition>& roles);
/// 32 random bytes as base64url text.
std::string randomToken();

} // namespace tosserp::users
