#pragma once

#include "domain/money.h"
#include "domain/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::domain {

enum class PaymentState { Pending, Authorised, Captured, PartiallyRefunded, Refunded, Failed };

/// "pending", "authorised", "captured", "partially_refunded", "refunded", "failed".
std::string_view paymentStateName(PaymentState state);
std::optional<PaymentState> parsePaymentState(std::string_view name);

/// One double-entry line of the payments ledger: `amount` leaves `credit` and arrives in
/// `debit`. A capture moves the order's amount from "sales" to "provider" (the provider
/// owes it to the business); a refund moves it back. Every entry balances by itself, and
/// the "provider" balance of a payment is always captured − refunded.
struct LedgerEntry {
    std::string kind; ///< "capture" or "refund"
    std::string debit;
    std::string credit;
    Money amount;

    friend bool operator==(const LedgerEntry&, const LedgerEntry&) = default;
};

/// The payment of one order through the provider: pending → authorised → captured →
/// (partially) refunded, or failed with a reason. Amounts are never negative, a capture
/// takes exactly the authorised amount, and refunds never exceed what was captured.
class Payment {
public:
    /// A pending payment of a positive `amount` for order `orderId` (Invalid
    /// "invalid_amount" / "invalid_order_id").
    static Result<Payment> create(std::int64_t orderId, Money amount);

    std::int64_t id() const { return m_id; }
    std::int64_t orderId() const { return m_orderId; }
    PaymentState state() const { return m_state; }
    const Money& amount() const { return m_amount; }
    const Money& captured() const { return m_captured; }
    const Money& refunded() const { return m_refunded; }
    /// The provider's reference of the authorisation ("" before).
    const std::string& providerReference() const { return m_providerReference; }
    const std::string& failure() const { return m_failure; }
    std::int64_t version() const { return m_version; }
    /// What can still be refunded: captured − refunded.
    Money refundable() const;

    /// Pending → authorised with the provider's reference (required, "required").
    Result<void> authorise(std::string_view providerReference);
    /// Authorised → captured; returns the ledger entry of the capture.
    Result<LedgerEntry> capture();
    /// Pending or authorised → failed, with the provider's reason (required).
    Result<void> fail(std::string_view reason);
    /// Captured or partially refunded: refunds 0 < amount ≤ refundable() in the payment's
    /// currency (Invalid "invalid_amount" / "currency_mismatch"; Unprocessable
    /// "refund_exceeds_captured"); returns the ledger entry of the refund.
    Result<LedgerEntry> refund(const Money& amount);

    static Payment restore(std::int64_t id, std::int64_t orderId, PaymentState state, Money amount, Money captured,
        Money refunded, std::string providerReference, std::string failure, std::int64_t version);
    void setId(std::int64_t id) { m_id = id; }
    void setVersion(std::int64_t version) { m_version = version; }

    friend bool operator==(const Payment&, const Payment&) = default;

private:
    Payment(std::int64_t orderId, Money amount);

    std::int64_t m_id = 0;
    std::int64_t m_orderId = 0;
    PaymentState m_state = PaymentState::Pending;
    Money m_amount;
    Money m_captured;
    Money m_refunded;
    std::string m_providerReference;
    std::string m_failure;
    std::int64_t m_version = 1;
};

/// The ledger's accounts.
inline constexpr std::string_view kProviderAccount = "provider";
inline constexpr std::string_view kSalesAccount = "sales";

/// Balance per account (debits positive, credits negative) in minor units of one currency;
/// a balanced ledger sums to zero over all accounts.
std::vector<std::pair<std::string, std::int64_t>> ledgerBalances(const std::vector<LedgerEntry>& entries);

} // namespace tosserp::domain
