#pragma once

#include "domain/payment.h"
#include "server/core/idempotency.h"
#include "server/core/page.h"
#include "server/db/database.h"
#include "server/events/event_store.h"
#include "server/events/replay.h"
#include "server/payments/payment_provider.h"

#include <chrono>
#include <mutex>
#include <optional>

namespace tosserp::payments {

/// The Payments domain: one payment per order through the provider, a ledger that always
/// balances, refunds. Its side of the order saga consumes the Orders events: OrderReserved
/// authorises and captures the order's gross amount (PaymentCaptured, or PaymentFailed
/// with the provider's reason); OrderCancelled refunds whatever was captured (the
/// compensation when an order is cancelled while its payment went through). A provider that
/// stays unavailable longer than `stuckAfter` fails the payment with a clear reason instead
/// of holding the order forever. Thread-safe.
class PaymentsService {
public:
    PaymentsService(db::Database& database, PaymentProvider& provider,
        std::chrono::milliseconds stuckAfter = std::chrono::minutes(10));

    domain::Result<domain::Payment> payment(std::int64_t id) const;
    Page<domain::Payment> payments(std::optional<std::int64_t> orderId, std::int64_t afterId, int limit) const;
    std::vector<domain::LedgerEntry> ledger(std::int64_t paymentId) const;

    /// Refunds `amount` (a decimal in the payment's currency) of a captured payment through
    /// the provider, then records it. Refused before the provider is asked: the domain's
    /// refund rules; the provider unavailable is Unavailable "provider_unavailable".
    domain::Result<domain::Payment> refund(std::int64_t id, const std::string& amount,
        const std::optional<IdempotencyKey>& key, const events::EventContext& context);

    static const std::vector<std::string>& orderEventTypes();
    void onOrderEvent(const events::EventRecord& event);
    static constexpr const char* kOrdersConsumer = "payments.orders";

private:
    void pay(const events::EventRecord& event);
    void refundCancelled(const events::EventRecord& event);

    db::Database& m_db;
    PaymentProvider& m_provider;
    std::chrono::milliseconds m_stuckAfter;
    /// Refunds are checked, sent and recorded one at a time, so two refunds can never both
    /// pass the check and overdraw the payment at the provider.
    std::mutex m_refunds;
};

/// Rebuilds each payment's captured and refunded amounts from its events (PaymentCaptured,
/// PaymentRefunded), compares them with the payments table and the ledger, and replaces what
/// differs in the table unless `dryRun`. One write transaction.
events::ReplayReport replayPayments(db::Database& payments, bool dryRun);

/// {"id", "order_id", "state", "amount", "captured", "refunded", "refundable",
///  "provider_reference", "failure", "version"}.
nlohmann::json paymentToJson(const domain::Payment& payment);

} // namespace tosserp::payments
