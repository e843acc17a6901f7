#include "domain/payment.h"

#include "domain/text.h"

#include <map>

namespace tosserp::domain {

std::string_view paymentStateName(PaymentState state)
{
    switch (state) {
    case PaymentState::Pending:
        return "pending";
    case PaymentState::Authorised:
        return "authorised";
    case PaymentState::Captured:
        return "captured";
    case PaymentState::PartiallyRefunded:
        return "partially_refunded";
    case PaymentState::Refunded:
        return "refunded";
    case PaymentState::Failed:
        return "failed";
    }
    return "pending";
}

std::optional<PaymentState> parsePaymentState(std::string_view name)
{
    for (auto state : { PaymentState::Pending, PaymentState::Authorised, PaymentState::Captured,
             PaymentState::PartiallyRefunded, PaymentState::Refunded, PaymentState::Failed }) {
        if (paymentStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

Payment::Payment(std::int64_t orderId, Money amount)
    : m_orderId(orderId)
    , m_amount(amount)
    , m_captured(Money::of(0, amount.currency()))
    , m_refunded(Money::of(0, amount.currency()))
{ }

Result<Payment> Payment::create(std::int64_t orderId, Money amount)
{
    if (orderId <= 0)
        return invalid("invalid_order_id", "The order id must be positive.", "order_id");
    if (amount.isNegative() || amount.isZero())
        return invalid("invalid_amount", "A payment is of a positive amount.", "amount");
    return Payment(orderId, std::move(amount));
}

Money Payment::refundable() const
{
    return Money::of(m_captured.minor() - m_refunded.minor(), m_amount.currency());
}

Result<void> Payment::authorise(std::string_view providerReference)
{
    auto reference = validateName(providerReference, "provider_reference", 200);
    if (!reference)
        return reference.error();
    if (m_state != PaymentState::Pending) {
        return conflict(
            "invalid_payment_state", "A " + std::string(paymentStateName(m_state)) + " payment cannot be authorised.");
    }
    m_providerReference = std::move(reference).value();
    m_state = PaymentState::Authorised;
    return {};
}

Result<LedgerEntry> Payment::capture()
{
    if (m_state != PaymentState::Authorised) {
        return conflict(
            "invalid_payment_state", "A " + std::string(paymentStateName(m_state)) + " payment cannot be captured.");
    }
    m_captured = m_amount;
    m_state = PaymentState::Captured;
    return LedgerEntry { "capture", std::string(kProviderAccount), std::string(kSalesAccount), m_amount };
}

Result<void> Payment::fail(std::string_view reason)
{
    auto valid = validateName(reason, "reason", 500);
    if (!valid)
        return valid.error();
    if (m_state != PaymentState::Pending && m_state != PaymentState::Authorised) {
        return conflict(
            "invalid_payment_state", "A " + std::string(paymentStateName(m_state)) + " payment cannot fail.");
    }
    m_failure = std::move(valid).value();
    m_state = PaymentState::Failed;
    return {};
}

Result<LedgerEntry> Payment::refund(const Money& amount)
{
    if (m_state != PaymentState::Captured && m_state != PaymentState::PartiallyRefunded) {
        return conflict(
            "invalid_payment_state", "A " + std::string(paymentStateName(m_state)) + " payment cannot be refunded.");
    }
    if (!(amount.currency() == m_amount.currency()))
        return invalid(
            "currency_mismatch", "Refund in the payment's currency, " + m_amount.currency().code() + ".", "amount");
    if (amount.isNegative() || amount.isZero())
        return invalid("invalid_amount", "Refund a positive amount.", "amount");
    if (amount.minor() > refundable().minor()) {
        return unprocessable("refund_exceeds_captured",
            "At most " + refundable().toDecimalString() + " " + m_amount.currency().code() + " can be refunded.",
            "amount");
    }
    m_refunded = Money::of(m_refunded.minor() + amount.minor(), m_amount.currency());
    m_state = refundable().isZero() ? PaymentState::Refunded : PaymentState::PartiallyRefunded;
    return LedgerEntry { "refund", std::string(kSalesAccount), std::string(kProviderAccount), amount };
}

Payment Payment::restore(std::int64_t id, std::int64_t orderId, PaymentState state, Money amount, Money captured,
    Money refunded, std::string providerReference, std::string failure, std::int64_t version)
{
    Payment payment(orderId, std::move(amount));
    payment.m_id = id;
    payment.m_state = state;
    payment.m_captured = std::move(captured);
    payment.m_refunded = std::move(refunded);
    payment.m_providerReference = std::move(providerReference);
    payment.m_failure = std::move(failure);
    payment.m_version = version;
    return payment;
}

std::vector<std::pair<std::string, std::int64_t>> ledgerBalances(const std::vector<LedgerEntry>& entries)
{
    std::map<std::string, std::int64_t> balances;
    for (const auto& entry : entries) {
        balances[entry.debit] += entry.amount.minor();
        balances[entry.credit] -= entry.amount.minor();
    }
    return { balances.begin(), balances.end() };
}

} // namespace tosserp::domain
