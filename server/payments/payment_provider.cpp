#include "server/payments/payment_provider.h"

#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/core/metrics.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/URI.h>

#include <sstream>
#include <thread>

namespace tosserp::payments {

namespace {

/// Provider text as we keep it: printable, one line, at most 200 characters, so a reason
/// can always be stored and shown.
std::string readable(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (out.size() >= 200) {
            break;
        }
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
    }
    const auto first = out.find_first_not_of(' ');
    const auto last = out.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

} // namespace

PaymentProvider::PaymentProvider(ProviderOptions options)
    : m_options(std::move(options))
    , m_breaker("payment_provider", m_options.breakerThreshold, m_options.breakerOpenFor)
    , m_bulkhead("payment_provider", m_options.maxConcurrent)
    , m_random(std::random_device {}())
{
    const Poco::URI uri(m_options.baseUrl);
    m_host = uri.getHost();
    m_port = uri.getPort();
    m_https = uri.getScheme() == "https";
    m_prefix = uri.getPath();
    while (!m_prefix.empty() && m_prefix.back() == '/') {
        m_prefix.pop_back();
    }
    if (m_https) {
        m_tls = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_RELAXED, 9, true);
    }
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
            std::unique_ptr<Poco::Net::HTTPClientSession> connection;
            if (m_https) {
                connection = std::make_unique<Poco::Net::HTTPSClientSession>(m_host, m_port, m_tls);
            } else {
                connection = std::make_unique<Poco::Net::HTTPClientSession>(m_host, m_port);
            }
            auto& session = *connection;
            session.setTimeout(
                Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(m_options.timeout).count()));
            Poco::Net::HTTPRequest request(
                Poco::Net::HTTPRequest::HTTP_POST, m_prefix + path, Poco::Net::HTTPMessage::HTTP_1_1);
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(text.size()));
            request.set("Idempotency-Key", key);
            // The call joins the trace this thread works for (the order's), as a span of its own.
            if (const auto traceparent = childTraceparent(log::currentTrace()); !traceparent.empty()) {
                request.set("traceparent", traceparent);
            }
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
            const auto message
                = readable(answer.is_object() && answer.contains("reason") && answer["reason"].is_string()
                        ? answer["reason"].get<std::string>()
                        : std::string());
            if (status >= 200 && status < 300) {
                const auto id = answer.is_object() && answer.contains("id") && answer["id"].is_string()
                    ? readable(answer["id"].get<std::string>())
                    : std::string();
                if (id.empty()) {
                    // A success without its reference cannot be captured or refunded later.
                    lastProblem = "The payment provider answered without a reference.";
                    continue;
                }
                calls.Increment();
                return { ProviderResult::Kind::Ok, id, message };
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
