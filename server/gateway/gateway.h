#pragma once

#include "server/core/http_dependency.h"
#include "server/http/problem.h"
#include "server/http/router.h"
#include "server/http/server.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tosserp::gateway {

struct GatewayOptions {
    /// The deployment's secret, presented to every service.
    std::string serviceKey;
    /// Base URL of each service: "stock", "users", "orders", "payments".
    std::map<std::string, std::string> serviceUrls;
    /// How long a checked credential is taken without asking the Users service again (a
    /// revoked session or key is refused within this time).
    std::chrono::milliseconds identityCache { 2000 };
    /// Patience with a service's answer (a sync pull of a large page takes a while).
    std::chrono::milliseconds timeout { 30000 };
    /// Patience with the Users service's answer to a credential check (every call waits on it;
    /// a slow one is a Users service in trouble).
    std::chrono::milliseconds credentialTimeout { 5000 };
    /// Calls in flight to one service at most; past it the gateway answers 503 at once.
    int maxConcurrent = 64;
};

/// The service that owns `path` ("stock", "users", "orders", "payments"), or "" when the
/// gateway answers it itself (health, metrics, the API description). `/api/v1/events` is
/// owned by the service of its `domain` (stock when absent). Throws std::invalid_argument for
/// a path under /api/v1 no service owns.
std::string owningService(std::string_view path, const std::string& eventsDomain = "stock");

/// The front door of a split deployment. It has the API's routes (read from the OpenAPI
/// description, with the permission each operation demands), checks the caller's credentials
/// once by asking the Users service (kept for `identityCache`), and passes each call on to the
/// service that owns it with the deployment's key, the caller's identity, request id and
/// trace context. Calls to each service go through a bulkhead, a circuit breaker
/// (`tosserp_circuit_state{dependency="service_<name>"}`) and retries (reads, and writes of
/// operations that apply an Idempotency-Key once, when the call carries one: nothing is
/// applied twice). A service that cannot be reached makes the gateway answer 503 with
/// Retry-After; a write that may have reached it before the connection failed, 504 (no
/// Retry-After: it may have been applied). A service's own 503 (busy) is passed back as it
/// is. Thread-safe.
class Gateway : public http::Authenticator {
public:
    explicit Gateway(GatewayOptions options);

    /// Adds every operation of `openApi` that a service owns to `router`.
    void registerRoutes(http::Router& router, const std::string& openApi);

    std::shared_ptr<const domain::Principal> authenticate(const http::Request& request) override;

    /// Each service's readiness: name → {"status": "ok"|"unavailable", "circuit": state}.
    nlohmann::json readiness();
    /// Ends the live channels passed on (before the HTTP server stops).
    void close() { m_closing = true; }

private:
    /// `keyed`: the operation applies a write once per Idempotency-Key, so a keyed call may be
    /// sent again.
    http::Response forward(const std::string& service, http::Request& request, bool keyed);
    /// Opens the live channel on `service` for the caller; throws ApiError (503 when the service
    /// is out of reach, its own refusal otherwise) before the caller's upgrade.
    http::WebSocketSession openLive(const std::string& service, const http::Request& request);
    std::vector<std::pair<std::string, std::string>> identityHeaders(const http::Request& request) const;
    HttpDependency& service(const std::string& name);

    /// A credential's check, kept for `identityCache`: its identity, or its refusal (so a
    /// client repeating a bad token is not a credential check each time).
    struct CachedIdentity {
        std::shared_ptr<const domain::Principal> principal;
        std::optional<http::ApiError> refusal;
        std::chrono::steady_clock::time_point until;
    };
    void remember(const std::string& credential, CachedIdentity identity);

    GatewayOptions m_options;
    std::map<std::string, std::unique_ptr<HttpDependency>> m_services;
    /// The Users service for credential checks alone: a flood of sign-ins it refuses as busy
    /// must not trip the breaker every other call's identity depends on.
    std::unique_ptr<HttpDependency> m_credentials;
    std::mutex m_readyMutex;
    nlohmann::json m_ready;
    std::chrono::steady_clock::time_point m_readyAt {};
    std::shared_mutex m_cacheMutex;
    std::unordered_map<std::string, CachedIdentity> m_cache;
    std::atomic<bool> m_closing { false };
};

} // namespace tosserp::gateway
