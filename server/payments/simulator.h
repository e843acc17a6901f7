#pragma once

#include "server/http/router.h"

#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <string>

namespace tosserp::payments {

struct SimulatorOptions {
    /// Added to every answer.
    std::chrono::milliseconds latency { 0 };
    /// Share of new authorisations declined (402), 0..1.
    double declineRate = 0.0;
    /// Share of calls answered 503 without doing anything (a transient fault), 0..1.
    double errorRate = 0.0;
    std::uint64_t seed = 1;
};

/// A stand-in payment provider for the embedded default and the tests: authorisations,
/// captures and refunds kept in memory, every answer remembered under its Idempotency-Key
/// (a repeated call gets the first answer), with configurable latency, declines and
/// transient errors so the failure paths run for real. Routes (all POST, JSON):
/// /v1/authorisations {amount, currency, reference} → 201 {id, status "authorised"} or
/// 402 {status "declined", reason}; /v1/authorisations/{id}/capture → 200 {id, status
/// "captured"}; /v1/refunds {authorisation, amount, currency} → 201 {id, status "refunded"}
/// (409 past the captured amount); GET /health.
class PaymentSimulator {
public:
    explicit PaymentSimulator(SimulatorOptions options);
    void registerRoutes(http::Router& router);

private:
    struct Authorisation {
        std::int64_t amountMinor = 0;
        std::string currency;
        bool captured = false;
        std::int64_t refundedMinor = 0;
    };
    http::Response remembered(const http::Request& request, const std::function<http::Response()>& work);
    bool roll(double rate);

    SimulatorOptions m_options;
    std::mutex m_mutex;
    std::mt19937_64 m_random;
    std::map<std::string, Authorisation> m_authorisations;
    std::map<std::string, http::Response> m_answers;
    std::int64_t m_next = 0;
};

} // namespace tosserp::payments
