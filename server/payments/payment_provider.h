#pragma once

#include "domain/money.h"
#include "server/core/http_dependency.h"

#include <nlohmann/json.hpp>

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

/// Where the provider is and how patiently to call it.
using ProviderOptions = HttpDependencyOptions;

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

    const CircuitBreaker& breaker() const { return m_http.breaker(); }

private:
    ProviderResult call(const std::string& path, const nlohmann::json& body, const std::string& key);

    HttpDependency m_http;
};

} // namespace tosserp::payments
