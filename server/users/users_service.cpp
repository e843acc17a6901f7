#include "server/users/users_service.h"

#include "domain/text.h"
#include "server/core/ids.h"
#include "server/http/api.h"
#include "server/security/jwt.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <set>

namespace tosserp::users {

using domain::Result;

namespace {

constexpr std::string_view kKeyPrefix = "tsk_";
constexpr std::size_t kKeyIdLength = 16;

std::string randomHex(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
        throw std::runtime_error("no randomness available");
    }
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) {
        out += hex[c >> 4];
        out += hex[c & 0xf];
    }
    return out;
}

void appendEvent(db::Connection& c, const std::string& stream, std::string_view type, const nlohmann::json& payload,
    const events::EventContext& context)
{
    events::EventStore::append(c, stream, type, payload, context);
}

std::string userStream(std::int64_t id)
{
    return "user-" + std::to_string(id);
}

/// Refuses handing out a permission the actor does not hold itself.
Result<void> mayGrant(const domain::Principal& by, const std::vector<std::string>& permissions)
{
    for (const auto& permission : permissions) {
        if (!by.can(permission)) {
            return domain::forbidden(
                "privilege_escalation", "You cannot grant " + permission + ", which you do not hold yourself.");
        }
    }
    return {};
}

Result<void> mayAssignRoles(const domain::Principal& by, const std::vector<std::string>& roles,
    const std::vector<domain::RoleDefinition>& definitions)
{
    for (const auto& role : roles) {
        for (const auto& definition : definitions) {
            if (definition.name == role) {
                if (auto allowed = mayGrant(by, definition.permissions); !allowed) {
                    return allowed;
                }
            }
        }
    }
    return {};
}

/// Refuses acting on a user who holds permissions the actor lacks.
Result<void> mayActOn(
    const domain::Principal& by, const domain::User& target, const std::vector<domain::RoleDefinition>& definitions)
{
    if (by.userId == target.id) {
        return {};
    }
    if (auto allowed = mayAssignRoles(by, target.roles, definitions); !allowed) {
        return domain::forbidden(
            "privilege_escalation", "You cannot change " + target.username + ", who holds permissions you do not.");
    }
    return {};
}

void writeMemberships(db::Connection& c, const domain::User& user)
{
    c.prepare("DELETE FROM user_roles WHERE user_id = ?").bind(1, user.id).run();
    c.prepare("DELETE FROM user_warehouses WHERE user_id = ?").bind(1, user.id).run();
    for (const auto& role : user.roles) {
        c.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, ?)").bindAll({ user.id, role }).run();
    }
    for (const auto warehouse : user.warehouses) {
        c.prepare("INSERT INTO user_warehouses (user_id, warehouse_id) VALUES (?, ?)")
            .bindAll({ user.id, warehouse })
            .run();
    }
}

std::int64_t activeAdministrators(db::Connection& c)
{
    auto& q = c.prepare("SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.active = 1 AND "
                        "r.role = 'administrator'");
    q.step();
    const auto count = q.integer(0);
    q.reset();
    return count;
}

db::Value optionalText(const std::optional<std::string>& v)
{
    if (!v) {
        return nullptr;
    }
    return *v;
}

ApiKeyInfo readKey(const db::Statement& q)
{
    ApiKeyInfo info;
    info.id = q.integer(0);
    info.name = q.text(1);
    info.prefix = q.text(2);
    info.permissions = nlohmann::json::parse(q.text(3)).get<std::vector<std::string>>();
    if (!q.isNull(4)) {
        info.warehouses = nlohmann::json::parse(q.text(4)).get<std::vector<std::int64_t>>();
    }
    info.createdBy = q.text(5);
    info.createdAtMs = q.integer(6);
    info.lastUsedAtMs = q.optionalInteger(7);
    info.revokedAtMs = q.optionalInteger(8);
    return info;
}

constexpr const char* kKeyColumns = "SELECT id, name, prefix, permissions, warehouses, created_by, created_at, "
                                    "last_used_at, revoked_at, secret_hash FROM api_keys ";

} // namespace

std::string randomToken()
{
    unsigned char raw[32];
    if (RAND_bytes(raw, sizeof raw) != 1) {
        throw std::runtime_error("no randomness available");
    }
    return security::base64UrlEncode(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
}

std::optional<domain::User> loadUser(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare("SELECT id, username, display_name, email, active, version FROM users WHERE id = ?");
    q.bind(1, id);
    std::optional<domain::User> user;
    if (q.step()) {
        domain::User u;
        u.id = q.integer(0);
        u.username = q.text(1);
        u.displayName = q.text(2);
        if (!q.isNull(3)) {
            u.email = q.text(3);
        }
        u.active = q.integer(4) != 0;
        u.version = q.integer(5);
        user = std::move(u);
    }
    q.reset();
    if (!user) {
        return user;
    }
    auto& roles = c.prepare("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role");
    roles.bind(1, id);
    while (roles.step()) {
        user->roles.push_back(roles.text(0));
    }
    roles.reset();
    auto& warehouses = c.prepare("SELECT warehouse_id FROM user_warehouses WHERE user_id = ? ORDER BY warehouse_id");
    warehouses.bind(1, id);
    while (warehouses.step()) {
        user->warehouses.push_back(warehouses.integer(0));
    }
    warehouses.reset();
    return user;
}

std::vector<domain::RoleDefinition> loadRoles(db::Connection& c)
{
    std::vector<domain::RoleDefinition> out;
    auto& q = c.prepare("SELECT name, description, permissions, built_in, warehouse_scoped FROM roles ORDER BY name");
    while (q.step()) {
        domain::RoleDefinition role;
        role.name = q.text(0);
        role.description = q.text(1);
        role.permissions = nlohmann::json::parse(q.text(2)).get<std::vector<std::string>>();
        role.builtIn = q.integer(3) != 0;
        role.warehouseScoped = q.integer(4) != 0;
        out.push_back(std::move(role));
    }
    q.reset();
    return out;
}

std::vector<std::string> roleNames(const std::vector<domain::RoleDefinition>& roles)
{
    std::vector<std::string> names;
    for (const auto& role : roles) {
        names.push_back(role.name);
    }
    return names;
}

UserService::UserService(db::Database& database, security::PasswordHasher& hasher)
    : m_db(database)
    , m_hasher(hasher)
{ }

void UserService::ensureBuiltInRoles()
{
    m_db.write([&](db::Connection& c) {
        for (const auto& role : domain::builtInRoles()) {
            c.prepare("INSERT INTO roles (name, description, permissions, built_in, warehouse_scoped, created_at) "
                      "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (name) DO UPDATE SET description = excluded.description, "
                      "permissions = excluded.permissions, built_in = 1, warehouse_scoped = excluded.warehouse_scoped")
                .bindAll({ role.name, role.description, nlohmann::json(role.permissions).dump(),
                    std::int64_t { role.warehouseScoped ? 1 : 0 }, nowMs() })
                .run();
        }
    });
}

std::optional<std::string> UserService::bootstrapAdmin(const std::string& password)
{
    const bool empty = m_db.read([](db::Connection& c) {
        auto& q = c.prepare("SELECT COUNT(*) FROM users");
        q.step();
        const bool none = q.integer(0) == 0;
        q.reset();
        return none;
    });
    if (!empty) {
        return std::nullopt;
    }
    const std::string chosen = password.empty() ? randomToken().substr(0, 20) : password;
    if (auto policy = domain::checkPasswordPolicy(chosen, "admin"); !policy) {
        throw std::invalid_argument("TOSSERP_ADMIN_PASSWORD is not acceptable: " + policy.error().message);
    }
    const auto hash = m_hasher.hash(chosen);
    m_db.write([&](db::Connection& c) {
        const auto now = nowMs();
        domain::User admin;
        admin.id = c.prepare("INSERT INTO users (username, display_name, active, password_hash, password_changed_at, "
                             "created_at, updated_at) VALUES ('admin', 'Administrator', 1, ?, ?, ?, ?) RETURNING id")
                       .bindAll({ hash, now, now, now })
                       .insertedKey();
        admin.username = "admin";
        admin.displayName = "Administrator";
        admin.roles = { "administrator" };
        writeMemberships(c, admin);
        events::EventContext context;
        context.actor = "system";
        appendEvent(c, userStream(admin.id), "UserCreated", domain::userToJson(admin), context);
    });
    return chosen;
}

std::vector<domain::RoleDefinition> UserService::roles() const
{
    return m_db.read([](db::Connection& c) { return loadRoles(c); });
}

Result<domain::RoleDefinition> UserService::createRole(std::string_view name, std::string_view description,
    const std::vector<std::string>& permissions, bool warehouseScoped, const domain::Principal& by,
    const events::EventContext& context)
{
    auto role = domain::defineRole(name, description, permissions, warehouseScoped);
    if (!role) {
        return role.error();
    }
    if (auto allowed = mayGrant(by, role.value().permissions); !allowed) {
        return allowed.error();
    }
    return m_db.write([&](db::Connection& c) -> Result<domain::RoleDefinition> {
        auto& taken = c.prepare("SELECT 1 FROM roles WHERE name = ?");
        taken.bind(1, role.value().name);
        const bool exists = taken.step();
        taken.reset();
        if (exists) {
            return domain::conflict("role_exists", "A role named " + role.value().name + " exists already.", "name");
        }
        c.prepare("INSERT INTO roles (name, description, permissions, built_in, warehouse_scoped, created_at) VALUES "
                  "(?, ?, ?, 0, ?, ?)")
            .bindAll({ role.value().name, role.value().description, nlohmann::json(role.value().permissions).dump(),
                std::int64_t { warehouseScoped ? 1 : 0 }, nowMs() })
            .run();
        appendEvent(c, "role-" + role.value().name, "RoleCreated",
            { { "name", role.value().name }, { "permissions", role.value().permissions } }, context);
        return role.value();
    });
}

Result<domain::User> UserService::createUser(const domain::UserDraft& draft, const std::string& password,
    const domain::Principal& by, const events::EventContext& context)
{
    const auto definitions = roles();
    auto created = domain::User::create(draft, roleNames(definitions));
    if (!created) {
        return created.error();
    }
    if (auto policy = domain::checkPasswordPolicy(password, created.value().username); !policy) {
        return policy.error();
    }
    if (auto allowed = mayAssignRoles(by, created.value().roles, definitions); !allowed) {
        return allowed.error();
    }
    const auto hash = m_hasher.hash(password);
    return m_db.write([&](db::Connection& c) -> Result<domain::User> {
        auto user = created.value();
        auto& taken = c.prepare("SELECT 1 FROM users WHERE username = ?");
        taken.bind(1, user.username);
        const bool exists = taken.step();
        taken.reset();
        if (exists) {
            return domain::conflict("duplicate_username", "The username " + user.username + " is taken.", "username");
        }
        const auto now = nowMs();
        user.id
            = c.prepare("INSERT INTO users (username, display_name, email, active, password_hash, password_changed_at, "
                        "created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?) RETURNING id")
                  .bindAll({ user.username, user.displayName, optionalText(user.email), hash, now, now, now })
                  .insertedKey();
        writeMemberships(c, user);
        appendEvent(c, userStream(user.id), "UserCreated", domain::userToJson(user), context);
        return user;
    });
}

Result<domain::User> UserService::updateUser(std::int64_t id, const domain::UserPatch& patch,
    std::optional<std::int64_t> expectedVersion, const domain::Principal& by, const events::EventContext& context)
{
    const auto definitions = roles();
    if (patch.roles) {
        if (auto allowed = mayAssignRoles(by, *patch.roles, definitions); !allowed) {
            return allowed.error();
        }
    }
    bool endSessions = false;
    auto result = m_db.write([&](db::Connection& c) -> Result<domain::User> {
        auto user = loadUser(c, id);
        if (!user) {
            return domain::notFound("user_not_found", "There is no user " + std::to_string(id) + ".");
        }
        if (expectedVersion && *expectedVersion != user->version) {
            return domain::preconditionFailed("version_mismatch", "The user changed since it was read.");
        }
        if (auto allowed = mayActOn(by, *user, definitions); !allowed) {
            return allowed.error();
        }
        auto changed = domain::applyUserPatch(*user, patch, roleNames(definitions));
        if (!changed) {
            return changed.error();
        }
        if (changed.value().empty()) {
            return *user;
        }
        c.prepare("UPDATE users SET display_name = ?, email = ?, active = ?, version = ?, updated_at = ? WHERE id = ?")
            .bindAll({ user->displayName, optionalText(user->email), std::int64_t { user->active ? 1 : 0 },
                user->version, nowMs(), id })
            .run();
        writeMemberships(c, *user);
        if (activeAdministrators(c) == 0) {
            return domain::conflict("last_administrator", "At least one active administrator must remain.");
        }
        const auto& fields = changed.value();
        endSessions = std::any_of(fields.begin(), fields.end(),
            [](const std::string& f) { return f == "active" || f == "roles" || f == "warehouses"; });
        appendEvent(c, userStream(id), "UserUpdated", { { "changed", fields }, { "user", domain::userToJson(*user) } },
            context);
        if (endSessions) {
            c.prepare("UPDATE token_families SET revoked_at = ?, revoked_reason = 'access changed' WHERE user_id = ? "
                      "AND revoked_at IS NULL")
                .bindAll({ nowMs(), id })
                .run();
        }
        return *user;
    });
    if (result.ok() && endSessions && m_sessionsRevoked) {
        m_sessionsRevoked(id);
    }
    return result;
}

Result<domain::User> UserService::user(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadUser(c, id); });
    if (!found) {
        return domain::notFound("user_not_found", "There is no user " + std::to_string(id) + ".");
    }
    return *found;
}

Page<domain::User> UserService::users(std::int64_t afterId, int limit) const
{
    return m_db.readSnapshot([&](db::Connection& c) {
        std::vector<std::int64_t> ids;
        auto& q = c.prepare("SELECT id FROM users WHERE id > ? ORDER BY id LIMIT ?");
        q.bindAll({ afterId, std::int64_t { limit + 1 } });
        while (q.step()) {
            ids.push_back(q.integer(0));
        }
        q.reset();
        Page<domain::User> page;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i) {
            page.items.push_back(*loadUser(c, ids[i]));
        }
        if (ids.size() > static_cast<std::size_t>(limit)) {
            page.nextCursor = encodeCursor(page.items.back().id);
        }
        return page;
    });
}

Result<void> UserService::setPassword(std::int64_t id, const std::string& newPassword,
    const std::optional<std::string>& currentPassword, const events::EventContext& context, const domain::Principal* by)
{
    if (by) {
        const auto target = user(id);
        if (!target) {
            return target.error();
        }
        if (auto allowed = mayActOn(*by, target.value(), roles()); !allowed) {
            return allowed.error();
        }
    }
    const auto stored = m_db.read([&](db::Connection& c) -> std::optional<std::pair<std::string, std::string>> {
        auto& q = c.prepare("SELECT username, password_hash FROM users WHERE id = ?");
        q.bind(1, id);
        std::optional<std::pair<std::string, std::string>> row;
        if (q.step()) {
            row = std::pair { q.text(0), q.text(1) };
        }
        q.reset();
        return row;
    });
    if (!stored) {
        return domain::notFound("user_not_found", "There is no user " + std::to_string(id) + ".");
    }
    if (currentPassword && !m_hasher.verify(stored->second, *currentPassword)) {
        return domain::forbidden("wrong_password", "The current password is not right.");
    }
    if (auto policy = domain::checkPasswordPolicy(newPassword, stored->first); !policy) {
        return domain::withField(policy.error(), currentPassword ? "new_password" : "password");
    }
    const auto hash = m_hasher.hash(newPassword);
    m_db.write([&](db::Connection& c) {
        const auto now = nowMs();
        c.prepare("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_count = 0, locked_until = 0, "
                  "updated_at = ? WHERE id = ?")
            .bindAll({ hash, now, now, id })
            .run();
        // Every session ends, the one that made the change too: whoever held the old password
        // must not keep a way in.
        c.prepare("UPDATE token_families SET revoked_at = ?, revoked_reason = 'password changed' WHERE user_id = ? AND "
                  "revoked_at IS NULL")
            .bindAll({ now, id })
            .run();
        appendEvent(c, userStream(id), currentPassword ? "PasswordChanged" : "PasswordReset", nlohmann::json::object(),
            context);
    });
    if (m_sessionsRevoked) {
        m_sessionsRevoked(id);
    }
    return {};
}

Result<void> UserService::unlock(std::int64_t id, const events::EventContext& context, const domain::Principal& by)
{
    const auto target = user(id);
    if (!target) {
        return target.error();
    }
    if (auto allowed = mayActOn(by, target.value(), roles()); !allowed) {
        return allowed.error();
    }
    return m_db.write([&](db::Connection& c) -> Result<void> {
        if (c.prepare("UPDATE users SET failed_count = 0, failed_window_start = 0, locked_until = 0 WHERE id = ?")
                .bind(1, id)
                .run()
            == 0) {
            return domain::notFound("user_not_found", "There is no user " + std::to_string(id) + ".");
        }
        appendEvent(c, userStream(id), "AccountUnlocked", nlohmann::json::object(), context);
        return {};
    });
}

std::vector<events::EventRecord> UserService::userEvents(std::int64_t id, std::int64_t afterPosition, int limit) const
{
    return m_db.read([&](db::Connection& c) {
        events::EventFilter filter;
        filter.streamId = userStream(id);
        filter.afterPosition = afterPosition;
        filter.limit = limit;
        return events::EventStore::list(c, filter);
    });
}

Result<CreatedApiKey> UserService::createApiKey(std::string_view name, const std::vector<std::string>& permissions,
    const std::optional<std::vector<std::int64_t>>& warehouses, const domain::Principal& by,
    const events::EventContext& context)
{
    auto checkedName = domain::validateName(name, "name", 100);
    if (!checkedName) {
        return checkedName.error();
    }
    if (permissions.empty()) {
        return domain::invalid("required", "An API key needs at least one permission.", "permissions");
    }
    std::set<std::string> unique;
    for (std::size_t i = 0; i < permissions.size(); ++i) {
        if (!domain::isKnownPermission(permissions[i])) {
            return domain::invalid("unknown_permission", "There is no permission " + permissions[i] + ".",
                "permissions[" + std::to_string(i) + "]");
        }
        unique.insert(permissions[i]);
    }
    const std::vector<std::string> granted(unique.begin(), unique.end());
    if (auto allowed = mayGrant(by, granted); !allowed) {
        return allowed.error();
    }
    if (warehouses) {
        for (std::size_t i = 0; i < warehouses->size(); ++i) {
            if (auto scope = domain::checkWarehouseScope(by, (*warehouses)[i], "warehouses[" + std::to_string(i) + "]");
                !scope) {
                return scope.error();
            }
        }
    } else if (by.warehouses) {
        return domain::forbidden(
            "warehouse_out_of_scope", "You work in some warehouses only: name them in the key's warehouses.");
    }
    CreatedApiKey created;
    const auto prefix = randomHex(kKeyIdLength / 2);
    const auto secret = randomToken();
    created.key = std::string(kKeyPrefix) + prefix + "_" + secret;
    return m_db.write([&](db::Connection& c) -> Result<CreatedApiKey> {
        const auto now = nowMs();
        db::Value scope = nullptr;
        if (warehouses) {
            scope = nlohmann::json(*warehouses).dump();
        }
        created.info.id
            = c.prepare(
                   "INSERT INTO api_keys (name, prefix, secret_hash, permissions, warehouses, created_by, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                  .bindAll({ checkedName.value(), prefix, http::sha256Hex(secret), nlohmann::json(granted).dump(),
                      scope, by.subject, std::int64_t { now } })
                  .insertedKey();
        created.info.name = checkedName.value();
        created.info.prefix = prefix;
        created.info.permissions = granted;
        created.info.warehouses = warehouses;
        created.info.createdBy = by.subject;
        created.info.createdAtMs = now;
        appendEvent(c, "api-key-" + std::to_string(created.info.id), "ApiKeyCreated",
            { { "name", created.info.name }, { "prefix", prefix }, { "permissions", granted } }, context);
        return created;
    });
}

Result<void> UserService::revokeApiKey(std::int64_t id, const events::EventContext& context)
{
    return m_db.write([&](db::Connection& c) -> Result<void> {
        if (c.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .bindAll({ nowMs(), id })
                .run()
            == 0) {
            return domain::notFound("api_key_not_found", "There is no active API key " + std::to_string(id) + ".");
        }
        appendEvent(c, "api-key-" + std::to_string(id), "ApiKeyRevoked", nlohmann::json::object(), context);
        return {};
    });
}

std::vector<ApiKeyInfo> UserService::apiKeys() const
{
    return m_db.read([](db::Connection& c) {
        std::vector<ApiKeyInfo> out;
        auto& q = c.prepare(std::string(kKeyColumns) + "ORDER BY id");
        while (q.step()) {
            out.push_back(readKey(q));
        }
        q.reset();
        return out;
    });
}

std::optional<domain::Principal> UserService::principalForApiKey(std::string_view key)
{
    if (key.size() < kKeyPrefix.size() + kKeyIdLength + 2 || key.substr(0, kKeyPrefix.size()) != kKeyPrefix
        || key[kKeyPrefix.size() + kKeyIdLength] != '_' || key.size() > 200) {
        return std::nullopt;
    }
    const std::string prefix(key.substr(kKeyPrefix.size(), kKeyIdLength));
    const auto digest = http::sha256Hex(key.substr(kKeyPrefix.size() + kKeyIdLength + 1));
    const auto found = m_db.read([&](db::Connection& c) -> std::optional<std::pair<ApiKeyInfo, std::string>> {
        auto& q = c.prepare(std::string(kKeyColumns) + "WHERE prefix = ?");
        q.bind(1, prefix);
        std::optional<std::pair<ApiKeyInfo, std::string>> row;
        if (q.step()) {
            row = std::pair { readKey(q), q.text(9) };
        }
        q.reset();
        return row;
    });
    if (!found || found->first.revokedAtMs || found->second.size() != digest.size()
        || CRYPTO_memcmp(found->second.data(), digest.data(), digest.size()) != 0) {
        return std::nullopt;
    }
    const auto& info = found->first;
    const auto now = nowMs();
    if (!info.lastUsedAtMs || now - *info.lastUsedAtMs > 60'000) {
        m_db.write([&](db::Connection& c) {
            c.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?").bindAll({ now, info.id }).run();
        });
    }
    domain::Principal principal;
    principal.subject = "key:" + std::to_string(info.id);
    principal.name = info.name;
    principal.apiKey = true;
    principal.permissions = std::set<std::string>(info.permissions.begin(), info.permissions.end());
    if (info.warehouses) {
        principal.warehouses = std::set<std::int64_t>(info.warehouses->begin(), info.warehouses->end());
    }
    return principal;
}

} // namespace tosserp::users
