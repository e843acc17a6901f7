#include "server/payments/payments_api.h"

#include "domain/security.h"
#include "domain/serialization.h"
#include "server/http/api.h"
#include "server/http/json_body.h"

namespace tosserp::payments {

using namespace tosserp::http;

namespace {

nlohmann::json withLedger(PaymentsService& payments, const domain::Payment& payment)
{
    auto json = paymentToJson(payment);
    auto entries = nlohmann::json::array();
    for (const auto& entry : payments.ledger(payment.id())) {
        entries.push_back({ { "kind", entry.kind }, { "debit", entry.debit }, { "credit", entry.credit },
            { "amount", domain::moneyToJson(entry.amount) } });
    }
    json["ledger"] = std::move(entries);
    return json;
}

} // namespace

void registerPaymentRoutes(Router& router, PaymentsService& payments)
{
    const std::string read(domain::permission::kPaymentsRead);
    router.add("GET", "/api/v1/payments", read, [&](Request& r) {
        const auto page = payments.payments(queryId(r, "order_id"), cursorKey(r), pageLimit(r, 100, 1000));
        auto items = nlohmann::json::array();
        for (const auto& payment : page.items) {
            items.push_back(paymentToJson(payment));
        }
        return Response::json(200, pageJson(std::move(items), page.nextCursor));
    });
    router.add("GET", "/api/v1/payments/{id}", read,
        [&](Request& r) { return Response::json(200, withLedger(payments, unwrap(payments.payment(pathId(r))))); });
    router.add(
        "POST", "/api/v1/payments/{id}/refund", std::string(domain::permission::kPaymentsRefund), [&](Request& r) {
            const auto id = pathId(r);
            const auto json = parseJsonBody(r);
            JsonReader body(json, { "amount" });
            const auto amount = body.requiredDecimal("amount");
            body.finish();
            auto refunded = payments.refund(id, amount, idempotencyKey(r), eventContext(r));
            if (!refunded && refunded.error().code == "provider_unavailable") {
                ApiError error(503, "provider_unavailable", refunded.error().message);
                error.headers.emplace_back("Retry-After", "5");
                throw error;
            }
            return Response::json(200, withLedger(payments, unwrap(std::move(refunded))));
        });
}

} // namespace tosserp::payments
