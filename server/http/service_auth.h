#pragma once

#include "server/http/server.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tosserp::http {

/// The headers the gateway of a split deployment adds to every call it passes on: the
/// deployment's secret, and who the caller is (as the gateway found it, in JSON).
inline constexpr std::string_view kServiceKeyHeader = "X-TossErp-Service-Key";
inline constexpr std::string_view kPrincipalHeader = "X-TossErp-Principal";
inline constexpr std::string_view kClientAddressHeader = "X-TossErp-Client-Address";

nlohmann::json principalToJson(const domain::Principal& principal);
/// Throws std::invalid_argument when `json` is not a principal as principalToJson writes it.
domain::Principal principalFromJson(const nlohmann::json& json);

/// Compares two secrets in a time that does not depend on where they first differ.
bool sameSecret(std::string_view given, std::string_view expected);

/// How a service of a split deployment knows its callers: every call comes from the gateway
/// (or another service) with the deployment's service key, and the caller's identity in the
/// principal header, checked once by the gateway. A call without the key gets no identity,
/// so only the routes open to anyone (health, metrics, the API description, sign-in) answer
/// it; one that carries credentials of its own is told to go through the gateway. A wrong key
/// is refused.
class ServiceAuthenticator : public Authenticator {
public:
    explicit ServiceAuthenticator(std::string serviceKey);
    std::shared_ptr<const domain::Principal> authenticate(const Request& request) override;
    /// Refuses a call with a key that is not this deployment's, on every route: a gateway
    /// configured with another key must not look half-working.
    void admit(const Request& request) const override;
    /// Whether `request` carries the deployment's key.
    bool fromDeployment(const Request& request) const;
    /// The client address header of a call that carries the deployment's key.
    std::optional<std::string> forwardedAddress(const Request& request) const override;

private:
    std::string m_key;
};

} // namespace tosserp::http
