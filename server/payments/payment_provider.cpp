#include "server/payments/payment_provider.h"

#include "server/core/metrics.h"

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
    : m_http("payment_provider", std::move(options))
{ }

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
    HttpCall call;
    call.method = "POST";
    call.target = path;
    call.headers = { { "Content-Type", "application/json" }, { "Idempotency-Key", key } };
    call.body = body.dump();
    call.retryable = true; // the idempotency key makes a repeat charge nothing twice
    const auto reply = m_http.call(call);
    if (!reply.answered || reply.status >= 500) {
        failures.Increment();
        return { ProviderResult::Kind::Unavailable, "",
            reply.answered ? "The payment provider answered " + std::to_string(reply.status) + "." : reply.problem };
    }
    const auto answer = nlohmann::json::parse(reply.body, nullptr, false);
    const auto message = readable(answer.is_object() && answer.contains("reason") && answer["reason"].is_string()
            ? answer["reason"].get<std::string>()
            : std::string());
    if (reply.status >= 200 && reply.status < 300) {
        const auto id = answer.is_object() && answer.contains("id") && answer["id"].is_string()
            ? readable(answer["id"].get<std::string>())
            : std::string();
        if (id.empty()) {
            // A success without its reference cannot be captured or refunded later: ask again
            // later (the idempotency key brings back the same authorisation).
            failures.Increment();
            return { ProviderResult::Kind::Unavailable, "", "The payment provider answered without a reference." };
        }
        calls.Increment();
        return { ProviderResult::Kind::Ok, id, message };
    }
    calls.Increment();
    return { ProviderResult::Kind::Declined, "",
        message.empty() ? "The payment provider refused (HTTP " + std::to_string(reply.status) + ")." : message };
}

} // namespace tosserp::payments
