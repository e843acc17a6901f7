#include "server/http/service_auth.h"

#include "server/http/problem.h"

#include <openssl/crypto.h>

#include <stdexcept>

namespace tosserp::http {

nlohmann::json principalToJson(const domain::Principal& principal)
{
    nlohmann::json json = { { "sub", principal.subject }, { "uid", principal.userId }, { "name", principal.name },
        { "roles", principal.roles }, { "perms", principal.permissions }, { "api_key", principal.apiKey } };
    if (principal.warehouses) {
        json["wh"] = *principal.warehouses;
    } else {
        json["wh"] = "*";
    }
    return json;
}

domain::Principal principalFromJson(const nlohmann::json& json)
{
    if (!json.is_object() || !json.contains("sub") || !json["sub"].is_string() || !json.contains("uid")
        || !json["uid"].is_number_integer() || !json.contains("name") || !json["name"].is_string()
        || !json.contains("roles") || !json["roles"].is_array() || !json.contains("perms") || !json["perms"].is_array()
        || !json.contains("wh") || !json.contains("api_key") || !json["api_key"].is_boolean()) {
        throw std::invalid_argument("not a principal");
    }
    domain::Principal principal;
    principal.subject = json["sub"].get<std::string>();
    principal.userId = json["uid"].get<std::int64_t>();
    principal.name = json["name"].get<std::string>();
    principal.apiKey = json["api_key"].get<bool>();
    for (const auto& role : json["roles"]) {
        principal.roles.push_back(role.get<std::string>());
    }
    for (const auto& permission : json["perms"]) {
        principal.permissions.insert(permission.get<std::string>());
    }
    if (json["wh"].is_array()) {
        std::set<std::int64_t> warehouses;
        for (const auto& id : json["wh"]) {
            warehouses.insert(id.get<std::int64_t>());
        }
        principal.warehouses = std::move(warehouses);
    } else if (json["wh"] != "*") {
        throw std::invalid_argument("wh is \"*\" or a list of warehouse ids");
    }
    return principal;
}

bool sameSecret(std::string_view given, std::string_view expected)
{
    return given.size() == expected.size() && CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

ServiceAuthenticator::ServiceAuthenticator(std::string serviceKey)
    : m_key(std::move(serviceKey))
{ }

bool ServiceAuthenticator::fromDeployment(const Request& request) const
{
    const auto key = request.header(kServiceKeyHeader);
    return key && sameSecret(*key, m_key);
}

std::optional<std::string> ServiceAuthenticator::forwardedAddress(const Request& request) const
{
    if (!fromDeployment(request)) {
        return std::nullopt;
    }
    return request.header(kClientAddressHeader);
}

void ServiceAuthenticator::admit(const Request& request) const
{
    if (const auto key = request.header(kServiceKeyHeader); key && !sameSecret(*key, m_key)) {
        throw ApiError(401, "invalid_service_key", "The service key is not this deployment's.");
    }
}

std::shared_ptr<const domain::Principal> ServiceAuthenticator::authenticate(const Request& request)
{
    const auto key = request.header(kServiceKeyHeader);
    if (!key) {
        if (request.header("authorization") || request.header("x-api-key") || request.queryParam("access_token")) {
            throw ApiError(401, "use_gateway",
                "This service takes requests from the deployment's gateway only: send them to the gateway.");
        }
        return nullptr;
    }
    admit(request); // a wrong key
    const auto identity = request.header(kPrincipalHeader);
    if (!identity) {
        return nullptr;
    }
    try {
        return std::make_shared<const domain::Principal>(principalFromJson(nlohmann::json::parse(*identity)));
    } catch (const std::exception&) {
        throw ApiError(401, "invalid_principal", "The caller's identity passed on by the gateway is malformed.");
    }
}

} // namespace tosserp::http
