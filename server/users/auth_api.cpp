#include "server/users/users_api.h"

#include "server/http/api.h"

namespace tosserp::users {

using namespace tosserp::http;

namespace {

constexpr std::size_t kMaxUsernameBytes = 256;
constexpr std::size_t kMaxPasswordBytes = 1024;

Response tokenResponse(const TokenGrant& grant)
{
    return Response::json(200,
        { { "access_token", grant.accessToken }, { "token_type", "Bearer" }, { "expires_in", grant.expiresIn },
            { "refresh_token", grant.refreshToken }, { "refresh_expires_in", grant.refreshExpiresIn } })
        .withHeader("Cache-Control", "no-store")
        .withHeader("Pragma", "no-cache");
}

std::string boundedString(JsonReader& body, std::string_view key, std::size_t maxBytes)
{
    auto value = body.requiredString(key);
    if (value.size() > maxBytes) {
        body.addError(body.path(key), "too_long", "At most " + std::to_string(maxBytes) + " bytes.");
        return {};
    }
    return value;
}

std::string refreshTokenOf(Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "refresh_token" });
    auto token = boundedString(body, "refresh_token", 200);
    body.finish();
    return token;
}

nlohmann::json principalJson(const domain::Principal& who)
{
    nlohmann::json json = {
        { "subject", who.subject },
        { "name", who.name },
        { "roles", who.roles },
        { "permissions", std::vector<std::string>(who.permissions.begin(), who.permissions.end()) },
        { "api_key", who.apiKey },
    };
    json["warehouses"] = who.warehouses
        ? nlohmann::json(std::vector<std::int64_t>(who.warehouses->begin(), who.warehouses->end()))
        : nlohmann::json();
    return json;
}

std::int64_t selfId(const Request& request)
{
    if (!request.principal || request.principal->userId == 0) {
        throw ApiError(403, "forbidden", "Only a signed-in user has a profile; API keys do not.");
    }
    return request.principal->userId;
}

} // namespace

void registerAuthRoutes(Router& router, AuthService& auth, UserService& users)
{
    router.add("POST", "/api/v1/auth/login", access::kPublic, [&](Request& r) {
        const auto json = parseJsonBody(r);
        JsonReader body(json, { "username", "password" });
        const auto username = boundedString(body, "username", kMaxUsernameBytes);
        const auto password = boundedString(body, "password", kMaxPasswordBytes);
        body.finish();
        auto context = eventContext(r);
        context.actor = "anonymous";
        return tokenResponse(unwrap(auth.login(username, password, r.clientAddress, context)));
    });
    router.add("POST", "/api/v1/auth/refresh", access::kPublic,
        [&](Request& r) { return tokenResponse(unwrap(auth.refresh(refreshTokenOf(r), eventContext(r)))); });
    router.add("POST", "/api/v1/auth/logout", access::kPublic, [&](Request& r) {
        auth.logout(refreshTokenOf(r), eventContext(r));
        return Response::noContent();
    });

    router.add("GET", "/api/v1/me", access::kAuthenticated, [&](Request& r) {
        auto json = principalJson(*r.principal);
        if (r.principal->userId != 0) {
            json["user"] = domain::userToJson(unwrap(users.user(r.principal->userId)));
        }
        return Response::json(200, json);
    });
    router.add("PATCH", "/api/v1/me", access::kAuthenticated, [&](Request& r) {
        const auto id = selfId(r);
        const auto json = parseJsonBody(r);
        JsonReader body(json, { "display_name" });
        domain::UserPatch patch;
        patch.displayName = body.requiredString("display_name");
        body.finish();
        // Changing one's own display name needs no permission beyond being oneself.
        domain::Principal self = *r.principal;
        const auto user = unwrap(users.updateUser(id, patch, ifMatchVersion(r), self, eventContext(r)));
        return Response::json(200, domain::userToJson(user)).withHeader("ETag", etag(user.version));
    });
    router.add("POST", "/api/v1/me/password", access::kAuthenticated, [&](Request& r) {
        const auto id = selfId(r);
        const auto json = parseJsonBody(r);
        JsonReader body(json, { "current_password", "new_password" });
        const auto current = boundedString(body, "current_password", kMaxPasswordBytes);
        const auto next = boundedString(body, "new_password", kMaxPasswordBytes);
        body.finish();
        unwrap(users.setPassword(id, next, current, eventContext(r)));
        return Response::noContent();
    });
}

} // namespace tosserp::users
