#pragma once

#include "server/core/resilience.h"

#include <Poco/Net/Context.h>

namespace Poco::Net {
class HTTPClientSession;
}

#include <chrono>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace tosserp {

struct HttpDependencyOptions {
    std::string baseUrl; ///< e.g. http://127.0.0.1:9100 (a path is put before every call's)
    std::chrono::milliseconds timeout { 5000 };
    RetryPolicy retry;
    int breakerThreshold = 5;
    std::chrono::milliseconds breakerOpenFor { 5000 };
    int maxConcurrent = 16;
    /// A 503 is the dependency's own answer (busy: it says when to come back), passed back as
    /// it is: it neither opens the breaker nor is tried again. Off: a 503 counts as a failure.
    bool busyIsAnswer = false;
};

/// One HTTP request to a dependency.
struct HttpCall {
    std::string method = "GET";
    /// The path and query after the base URL's path: "/v1/refunds", "/api/v1/products?limit=5".
    std::string target;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    /// May the call be sent again after a failure that may have reached the dependency (a
    /// timeout, a 5xx)? True for reads and for writes carrying an idempotency key. A call
    /// that was not sent (no connection, no TLS handshake) is always tried again.
    bool retryable = true;
    /// Overrides the dependency's tries and patience for this call (a health probe: one short try).
    int attempts = 0;
    std::chrono::milliseconds timeout { 0 };
};

/// What came of a call: an answer (any status below 500, or a 5xx after the last try), or none
/// (down, timing out, overloaded, or the circuit is open: `problem` says which).
struct HttpAnswer {
    bool answered = false;
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string problem;
    /// Without an answer: whether the request may have reached the dependency (sent, then the
    /// connection failed or timed out) rather than surely not (not connected, breaker open,
    /// bulkhead full).
    bool maybeDelivered = false;

    /// The first header named `name` (case-insensitive), or "".
    std::string header(const std::string& name) const;
};

/// A service this server calls over HTTP(S), through the same guards for every caller: a
/// bulkhead (past `maxConcurrent` calls in flight a call fails at once), a circuit breaker
/// (`tosserp_circuit_state{dependency}` in /metrics) and retries with exponential backoff and
/// full jitter for network failures and 5xx answers. A call sent that then waited out the whole
/// timeout is not tried again (the dependency is stuck or overloaded; the caller has waited
/// enough). Each call joins the current trace as a span of its own (`traceparent`).
///
/// Calls reuse kept-alive connections (up to kIdleConnections idle, each idle for at most
/// kIdleFor, below the servers' 15 s): no TCP or TLS handshake per call. A kept connection the
/// other side has closed (a restart) is found before use and not used; one closed in the
/// instant between that check and the call is replaced at once for a call that may be
/// repeated, and answered "may have arrived" for one that may not. Thread-safe.
class HttpDependency {
public:
    static constexpr std::size_t kIdleConnections = 8;
    /// A kept connection is used for at most this long after its last request began.
    static constexpr std::chrono::seconds kIdleFor { 5 };

    HttpDependency(std::string name, HttpDependencyOptions options);
    ~HttpDependency();
    HttpDependency(const HttpDependency&) = delete;
    HttpDependency& operator=(const HttpDependency&) = delete;

    HttpAnswer call(const HttpCall& call);

    const std::string& name() const { return m_name; }
    const std::string& baseUrl() const { return m_options.baseUrl; }
    const CircuitBreaker& breaker() const { return m_breaker; }
    /// Kept-alive connections waiting for the next call (for tests and metrics).
    std::size_t idleConnections() const;

private:
    using Clock = std::chrono::steady_clock;
    /// With `reuse`, a kept connection that is still open when one waits; else a new one (not
    /// yet connected).
    std::unique_ptr<Poco::Net::HTTPClientSession> connection(bool reuse, bool& reused);
    /// Keeps `connection`, whose last request began at `requestedAt`, for the next call.
    void keep(std::unique_ptr<Poco::Net::HTTPClientSession> connection, Clock::time_point requestedAt);
    void dropIdle();

    std::string m_name;
    HttpDependencyOptions m_options;
    std::string m_host;
    std::uint16_t m_port = 0;
    bool m_https = false;
    std::string m_prefix;
    Poco::Net::Context::Ptr m_tls;
    CircuitBreaker m_breaker;
    Bulkhead m_bulkhead;
    std::mutex m_randomMutex;
    std::mt19937_64 m_random;
    struct Idle {
        std::unique_ptr<Poco::Net::HTTPClientSession> connection;
        Clock::time_point requestedAt;
    };
    mutable std::mutex m_idleMutex;
    std::vector<Idle> m_idle;
};

} // namespace tosserp
