#pragma once

#include "domain/money.h"
#include "server/core/resilience.h"

#include <Poco/Net/Context.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <mutex>
#include <random>
#include <string>

namespace tosserp::payments {

/// What the provider said: done (with its reference), a refusal it means (a declined card:
/// no point asking again), or no usable answer (down, timing out, overloaded, or the circuit
/// is open: ask again later).
struct ProviderResult {
    enum class Kind { Ok, Declined, Unavailable };
    Kind kind = Kind::Unavailable;
    std::string reference;
    std::string message;

    bool ok() const { return kind == Kind::Ok; }
};

struct ProviderOptions {
    std::string baseUrl; ///< e.g. http://127.0.0.1:9100
    std::chrono::milliseconds timeout { 5000 };
    RetryPolicy retry;
    int breakerThreshold = 5;
    std::chrono::milliseconds breakerOpenFor { 5000 };
    int maxConcurrent = 16;
};

/// The payment provider adapter: authorise, capture and refund over HTTP, each call sent with
/// an Idempotency-Key so a retry never charges twice. Calls go through a bulkhead (past
/// `maxConcurrent` calls in flight a call is Unavailable at once), a circuit breaker
/// ("payment_provider" in /metrics) and retries with exponential backoff and full jitter for
/// network failures and 5xx answers. Thread-safe.
class PaymentProvider {
public:
    explicit PaymentProvider(ProviderOptions options);

    ProviderResult authorise(const std::string& key, const domain::Money& amount, const std::string& reference);
    ProviderResult capture(const std::string& key, const std::string& authorisation);
    ProviderResult refund(const std::string& key, const std::string& authorisation, const domain::Money& amount);

    const CircuitBreaker& breaker() const { return m_breaker; }

private:
    ProviderResult call(const std::string& path, const nlohmann::json& body, const std::string& key);

    ProviderOptions m_options;
    std::string m_host;
    std::uint16_t m_port = 0;
    bool m_https = false;
    /// The base URL's path, put before every route.
    std::string m_prefix;
    Poco::Net::Context::Ptr m_tls;
    CircuitBreaker m_breaker;
    Bulkhead m_bulkhead;
    std::mutex m_randomMutex;
    std::mt19937_64 m_random;
};

} // namespace tosserp::payments
