#include "server/payments/simulator.h"

#include "domain/money.h"

#include <nlohmann/json.hpp>

#include <thread>

namespace tosserp::payments {

using http::Request;
using http::Response;

namespace {

Response problem(int status, const std::string& reason)
{
    return Response::json(status, { { "status", "error" }, { "reason", reason } });
}

/// The amount of `body` in minor units, or nullopt when it is not a valid amount.
std::optional<std::pair<std::int64_t, std::string>> amountOf(const nlohmann::json& body)
{
    if (!body.is_object() || !body.contains("amount") || !body["amount"].is_string() || !body.contains("currency")
        || !body["currency"].is_string()) {
        return std::nullopt;
    }
    const auto currency = domain::Currency::parse(body["currency"].get<std::string>());
    if (!currency) {
        return std::nullopt;
    }
    const auto money = domain::Money::parse(body["amount"].get<std::string>(), currency.value());
    if (!money || money.value().minor() <= 0) {
        return std::nullopt;
    }
    return std::pair { money.value().minor(), currency.value().code() };
}

} // namespace

PaymentSimulator::PaymentSimulator(SimulatorOptions options)
    : m_options(options)
    , m_random(options.seed)
{ }

bool PaymentSimulator::roll(double rate)
{
    return rate > 0 && std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < rate;
}

Response PaymentSimulator::remembered(const Request& request, const std::function<Response()>& work)
{
    if (m_options.latency.count() > 0) {
        std::this_thread::sleep_for(m_options.latency);
    }
    const auto key = request.header("idempotency-key");
    if (!key || key->empty()) {
        return problem(400, "Send an Idempotency-Key.");
    }
    std::lock_guard lock(m_mutex);
    const auto scoped = request.path + " " + *key;
    if (const auto seen = m_answers.find(scoped); seen != m_answers.end()) {
        return seen->second;
    }
    if (roll(m_options.errorRate)) {
        return problem(503, "Simulated transient failure.");
    }
    auto answer = work();
    m_answers.emplace(scoped, answer);
    return answer;
}

void PaymentSimulator::registerRoutes(http::Router& router)
{
    router.add("GET", "/health", http::access::kPublic, [](Request&) {
        return Response::json(200, { { "status", "ok" } });
    });
    router.add("POST", "/v1/authorisations", http::access::kPublic, [this](Request& r) {
        return remembered(r, [&] {
            const auto body = nlohmann::json::parse(r.body, nullptr, false);
            const auto amount = amountOf(body);
            if (!amount) {
                return problem(400, "Send a positive amount and its currency.");
            }
            if (roll(m_options.declineRate)) {
                return Response::json(402, { { "status", "declined" }, { "reason", "Card declined (simulated)." } });
            }
            const auto id = "auth_" + std::to_string(++m_next);
            m_authorisations[id] = Authorisation { amount->first, amount->second, false, 0 };
            return Response::json(201, { { "id", id }, { "status", "authorised" } });
        });
    });
    router.add("POST", "/v1/authorisations/{id}/capture", http::access::kPublic, [this](Request& r) {
        return remembered(r, [&] {
            const auto found = m_authorisations.find(r.param("id"));
            if (found == m_authorisations.end()) {
                return problem(404, "No such authorisation.");
            }
            found->second.captured = true;
            return Response::json(200, { { "id", found->first }, { "status", "captured" } });
        });
    });
    router.add("POST", "/v1/refunds", http::access::kPublic, [this](Request& r) {
        return remembered(r, [&] {
            const auto body = nlohmann::json::parse(r.body, nullptr, false);
            const auto amount = amountOf(body);
            if (!amount || !body.contains("authorisation") || !body["authorisation"].is_string()) {
                return problem(400, "Send the authorisation, a positive amount and its currency.");
            }
            const auto found = m_authorisations.find(body["authorisation"].get<std::string>());
            if (found == m_authorisations.end() || !found->second.captured) {
                return problem(404, "No such captured authorisation.");
            }
            auto& authorisation = found->second;
            if (amount->second != authorisation.currency
                || authorisation.refundedMinor + amount->first > authorisation.amountMinor) {
                return problem(409, "The refund exceeds what was captured.");
            }
            authorisation.refundedMinor += amount->first;
            return Response::json(201, { { "id", "refund_" + std::to_string(++m_next) }, { "status", "refunded" } });
        });
    });
}

} // namespace tosserp::payments
