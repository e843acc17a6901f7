#include "server/payments/payment_provider.h"

#include "server/core/log.h"
#include "server/core/metrics.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <sstream>
#include <thread>

namespace tosserp::payments {

PaymentProvider::PaymentProvider(ProviderOptions options)
    : m_options(std::move(options))
    , m_breaker("payment_provider", m_options.breakerThreshold, m_options.breakerOpenFor)
    , m_bulkhead("payment_provider", m_options.maxConcurrent)
    , m_random(std::random_device {}())
{
    const Poco::URI uri(m_options.baseUrl);
    m_host = uri.getHost();
    m_port = uri.getPort();
}

ProviderResult PaymentProvider::authorise(
    const std::string& key, const domain::Money& amount, const std::string& reference)
{
    return call("/v1/authorisations",
        { { "amount", amount.toDecimalString() }, { "currency", amount.currency().code() },
            { "reference", reference } },
        key);
}

ProviderResult PaymentProvider::capture(const std::string& key, const std::string& authorisation)
{
    return call("/v1/authorisations/" + authorisation + "/capture", nlohmann::json::object(), key);
}

ProviderResult PaymentProvider::refund(
    const std::string& key, const std::string& authorisation, const domain::Money& amount)
{
    return call("/v1/refunds",
        { { "authorisation", authorisation }, { "amount", amount.toDecimalString() },
            { "currency", amount.currency().code() } },
        key);
}

ProviderResult PaymentProvider::call(const std::string& path, const nlohmann::json& body, const std::string& key)
{
    auto& calls = metrics().counter(
        "tosserp_payment_provider_calls_total", "Calls to the payment provider, by outcome", { { "outcome", "ok" } });
    auto& failures = metrics().counter("tosserp_payment_provider_calls_total",
        "Calls to the payment provider, by outcome", { { "outcome", "unavailable" } });
    const auto permit = m_bulkhead.tryAcquire();
    if (!permit.acquired()) {
        failures.Increment();
        return { ProviderResult::Kind::Unavailable, "", "Too many payment calls in flight; try again shortly." };
    }
    const auto text = body.dump();
    std::string lastProblem = "The payment provider did not answer.";
    for (int attempt = 1; attempt <= m_options.retry.attempts; ++attempt) {
        if (attempt > 1) {
            std::chrono::milliseconds pause;
            {
                std::lock_guard lock(m_randomMutex);
                pause = m_options.retry.delay(attempt - 1, m_random);
            }
            std::this_thread::sleep_for(pause);
        }
        if (!m_breaker.allow()) {
            failures.Increment();
            return { ProviderResult::Kind::Unavailable, "", "The payment provider is failing; calls are paused." };
        }
        try {
            Poco::Net::HTTPClientSession session(m_host, m_port);
            session.setTimeout(
                Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(m_options.timeout).count()));
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(text.size()));
            request.set("Idempotency-Key", key);
            session.sendRequest(request) << text;
            Poco::Net::HTTPResponse response;
            auto& in = session.receiveResponse(response);
            std::stringstream received;
            received << in.rdbuf();
            const auto status = static_cast<int>(response.getStatus());
            const auto answer = nlohmann::json::parse(received.str(), nullptr, false);
            if (status >= 500) {
                m_breaker.recordFailure();
                lastProblem = "The payment provider answered " + std::to_string(status) + ".";
                continue;
            }
            m_breaker.recordSuccess();
            const auto message = answer.is_object() ? answer.value("reason", std::string()) : std::string();
            if (status >= 200 && status < 300 && answer.is_object()) {
                calls.Increment();
                return { ProviderResult::Kind::Ok, answer.value("id", std::string()), message };
            }
            calls.Increment();
            return { ProviderResult::Kind::Declined, "",
                message.empty() ? "The payment provider refused (HTTP " + std::to_string(status) + ")." : message };
        } catch (const Poco::Exception& e) {
            m_breaker.recordFailure();
            lastProblem = "The payment provider could not be reached: " + e.displayText();
        }
    }
    failures.Increment();
    log::warn("payment provider unavailable", { { "path", path }, { "problem", lastProblem } });
    return { ProviderResult::Kind::Unavailable, "", lastProblem };
}

} // namespace tosserp::payments
