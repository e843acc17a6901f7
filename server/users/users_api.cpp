#include "server/users/users_api.h"

#include "server/core/ids.h"
#include "server/http/api.h"

namespace tosserp::users {

using namespace tosserp::http;

namespace {

Response userResponse(int status, const domain::User& user)
{
    return Response::json(status, domain::userToJson(user)).withHeader("ETag", etag(user.version));
}

std::optional<std::vector<std::int64_t>> readIds(JsonReader& body, std::string_view key, const nlohmann::json& json)
{
    if (body.has(key) && json[std::string(key)].is_null()) {
        return std::nullopt; // null: no restriction
    }
    const auto* list = body.optionalArray(key);
    if (!list) {
        return std::nullopt;
    }
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!(*list)[i].is_number_integer()) {
            body.addError(body.path(key) + "[" + std::to_string(i) + "]", "invalid_type", "Expected an integer.");
            continue;
        }
        ids.push_back((*list)[i].get<std::int64_t>());
    }
    (void)json;
    return ids;
}

Response createUser(UserService& users, Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "username", "display_name", "email", "password", "roles", "warehouses" });
    domain::UserDraft draft;
    draft.username = body.requiredString("username");
    draft.displayName = body.optionalString("display_name").value_or("");
    draft.email = body.optionalString("email").value_or("");
    const auto password = body.requiredString("password");
    draft.roles = body.optionalStringArray("roles").value_or(std::vector<std::string> {});
    draft.warehouses = readIds(body, "warehouses", json).value_or(std::vector<std::int64_t> {});
    body.finish();
    if (password.size() > 1024) {
        throw ApiError(
            400, "invalid_request", "The password is too long.", { { "password", "too_long", "At most 1024 bytes." } });
    }
    const auto user = unwrap(users.createUser(draft, password, *request.principal, eventContext(request)));
    return userResponse(201, user).withHeader("Location", "/api/v1/users/" + std::to_string(user.id));
}

Response updateUser(UserService& users, Request& request)
{
    const auto id = pathId(request);
    const auto expected = ifMatchVersion(request);
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "display_name", "email", "active", "roles", "warehouses" });
    domain::UserPatch patch;
    patch.displayName = body.optionalString("display_name");
    if (body.has("email")) {
        if (json["email"].is_null()) {
            patch.email = std::optional<std::string> {};
        } else if (auto email = body.optionalString("email")) {
            patch.email = std::optional<std::string> { *email };
        }
    }
    patch.active = body.optionalBool("active");
    patch.roles = body.optionalStringArray("roles");
    patch.warehouses = readIds(body, "warehouses", json);
    body.finish();
    if (patch.active && !*patch.active && request.principal->userId == id) {
        throw ApiError(409, "cannot_disable_self", "You cannot disable your own account.");
    }
    return userResponse(200, unwrap(users.updateUser(id, patch, expected, *request.principal, eventContext(request))));
}

nlohmann::json keyJson(const ApiKeyInfo& key)
{
    return {
        { "id", key.id },
        { "name", key.name },
        { "prefix", key.prefix },
        { "permissions", key.permissions },
        { "warehouses", key.warehouses ? nlohmann::json(*key.warehouses) : nlohmann::json() },
        { "created_by", key.createdBy },
        { "created_at", isoTime(key.createdAtMs) },
        { "last_used_at", key.lastUsedAtMs ? nlohmann::json(isoTime(*key.lastUsedAtMs)) : nlohmann::json() },
        { "revoked_at", key.revokedAtMs ? nlohmann::json(isoTime(*key.revokedAtMs)) : nlohmann::json() },
    };
}

nlohmann::json roleJson(const domain::RoleDefinition& role)
{
    return { { "name", role.name }, { "description", role.description }, { "permissions", role.permissions },
        { "built_in", role.builtIn }, { "warehouse_scoped", role.warehouseScoped } };
}

} // namespace

void registerUserRoutes(Router& router, UserService& users)
{
    const std::string read(domain::permission::kUsersRead);
    const std::string manage(domain::permission::kUsersManage);
    router.add("GET", "/api/v1/users", read, [&](Request& r) {
        const auto page = users.users(cursorKey(r), pageLimit(r, 100, 500));
        auto items = nlohmann::json::array();
        for (const auto& user : page.items) {
            items.push_back(domain::userToJson(user));
        }
        return Response::json(200, pageJson(std::move(items), page.nextCursor));
    });
    router.add("POST", "/api/v1/users", manage, [&](Request& r) { return createUser(users, r); });
    router.add("GET", "/api/v1/users/{id}", read,
        [&](Request& r) { return userResponse(200, unwrap(users.user(pathId(r)))); });
    router.add("PATCH", "/api/v1/users/{id}", manage, [&](Request& r) { return updateUser(users, r); });
    router.add("POST", "/api/v1/users/{id}/password", manage, [&](Request& r) {
        const auto id = pathId(r);
        const auto json = parseJsonBody(r);
        JsonReader body(json, { "password" });
        const auto password = body.requiredString("password");
        body.finish();
        if (password.size() > 1024) {
            throw ApiError(400, "invalid_request", "The password is too long.",
                { { "password", "too_long", "At most 1024 bytes." } });
        }
        unwrap(users.setPassword(id, password, std::nullopt, eventContext(r), &*r.principal));
        return Response::noContent();
    });
    router.add("POST", "/api/v1/users/{id}/unlock", manage, [&](Request& r) {
        unwrap(users.unlock(pathId(r), eventContext(r), *r.principal));
        return Response::noContent();
    });
    router.add("GET", "/api/v1/users/{id}/events", std::string(domain::permission::kAuditRead), [&](Request& r) {
        const auto id = pathId(r);
        unwrap(users.user(id));
        const int limit = pageLimit(r, 100, 1000);
        auto records = users.userEvents(id, cursorKey(r), limit + 1);
        std::optional<std::string> next;
        if (static_cast<int>(records.size()) > limit) {
            records.pop_back();
            next = encodeCursor(records.back().position);
        }
        auto items = nlohmann::json::array();
        for (const auto& record : records) {
            items.push_back(events::EventStore::toJson(record));
        }
        return Response::json(200, pageJson(std::move(items), next));
    });

    router.add("GET", "/api/v1/roles", read, [&](Request&) {
        auto items = nlohmann::json::array();
        for (const auto& role : users.roles()) {
            items.push_back(roleJson(role));
        }
        return Response::json(200, pageJson(std::move(items), std::nullopt));
    });
    router.add("POST", "/api/v1/roles", std::string(domain::permission::kRolesManage), [&](Request& r) {
        const auto json = parseJsonBody(r);
        JsonReader body(json, { "name", "description", "permissions", "warehouse_scoped" });
        const auto name = body.requiredString("name");
        const auto description = body.optionalString("description").value_or("");
        const auto permissions = body.optionalStringArray("permissions").value_or(std::vector<std::string> {});
        const auto scoped = body.optionalBool("warehouse_scoped").value_or(false);
        body.finish();
        const auto role
            = unwrap(users.createRole(name, description, permissions, scoped, *r.principal, eventContext(r)));
        return Response::json(201, roleJson(role));
    });

    const std::string keys(domain::permission::kApiKeysManage);
    router.add("GET", "/api/v1/api-keys", keys, [&](Request&) {
        auto items = nlohmann::json::array();
        for (const auto& key : users.apiKeys()) {
            items.push_back(keyJson(key));
        }
        return Response::json(200, pageJson(std::move(items), std::nullopt));
    });
    router.add("POST", "/api/v1/api-keys", keys, [&](Request& r) {
        const auto json = parseJsonBody(r);
        JsonReader body(json, { "name", "permissions", "warehouses" });
        const auto name = body.requiredString("name");
        const auto permissions = body.optionalStringArray("permissions").value_or(std::vector<std::string> {});
        const auto warehouses = readIds(body, "warehouses", json);
        body.finish();
        const auto created = unwrap(users.createApiKey(name, permissions, warehouses, *r.principal, eventContext(r)));
        auto out = keyJson(created.info);
        out["key"] = created.key;
        return Response::json(201, out).withHeader("Cache-Control", "no-store");
    });
    router.add("DELETE", "/api/v1/api-keys/{id}", keys, [&](Request& r) {
        unwrap(users.revokeApiKey(pathId(r), eventContext(r)));
        return Response::noContent();
    });
}

} // namespace tosserp::users
