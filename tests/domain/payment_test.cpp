#include "domain/payment.h"

#include "expect_error.h"

#include <gtest/gtest.h>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

Money eur(std::int64_t minor)
{
    return Money::of(minor, Currency::parse("EUR").value());
}

Payment captured(std::int64_t minor)
{
    auto payment = Payment::create(7, eur(minor)).value();
    EXPECT_TRUE(succeeds(payment.authorise("sim-auth-1")));
    EXPECT_TRUE(succeeds(payment.capture()));
    return payment;
}

TEST(PaymentTest, CreateRefusesBadInput)
{
    EXPECT_TRUE(failsWith(Payment::create(0, eur(100)), ErrorKind::Invalid, "invalid_order_id", "order_id"));
    EXPECT_TRUE(failsWith(Payment::create(1, eur(0)), ErrorKind::Invalid, "invalid_amount", "amount"));
    EXPECT_TRUE(failsWith(Payment::create(1, eur(-1)), ErrorKind::Invalid, "invalid_amount", "amount"));
}

TEST(PaymentTest, AuthoriseThenCaptureTakesTheWholeAmountOnce)
{
    auto payment = Payment::create(7, eur(4164)).value();
    EXPECT_TRUE(failsWith(payment.capture(), ErrorKind::Conflict, "invalid_payment_state"));
    EXPECT_TRUE(failsWith(payment.authorise(""), ErrorKind::Invalid, "required", "provider_reference"));
    ASSERT_TRUE(succeeds(payment.authorise("sim-auth-1")));
    EXPECT_TRUE(failsWith(payment.authorise("sim-auth-2"), ErrorKind::Conflict, "invalid_payment_state"));
    const auto entry = payment.capture();
    ASSERT_TRUE(succeeds(entry));
    EXPECT_EQ(entry.value(), (LedgerEntry { "capture", "provider", "sales", eur(4164) }));
    EXPECT_EQ(payment.state(), PaymentState::Captured);
    EXPECT_EQ(payment.captured(), eur(4164));
    EXPECT_EQ(payment.refundable(), eur(4164));
    EXPECT_TRUE(failsWith(payment.capture(), ErrorKind::Conflict, "invalid_payment_state"));
    EXPECT_TRUE(failsWith(payment.fail("late"), ErrorKind::Conflict, "invalid_payment_state"));
}

TEST(PaymentTest, RefundsNeverExceedWhatWasCaptured)
{
    auto payment = captured(1000);
    EXPECT_TRUE(failsWith(payment.refund(eur(0)), ErrorKind::Invalid, "invalid_amount", "amount"));
    EXPECT_TRUE(failsWith(payment.refund(Money::of(100, Currency::parse("USD").value())), ErrorKind::Invalid,
        "currency_mismatch", "amount"));
    EXPECT_TRUE(failsWith(payment.refund(eur(1001)), ErrorKind::Unprocessable, "refund_exceeds_captured", "amount"));
    ASSERT_TRUE(succeeds(payment.refund(eur(300))));
    EXPECT_EQ(payment.state(), PaymentState::PartiallyRefunded);
    EXPECT_TRUE(failsWith(payment.refund(eur(701)), ErrorKind::Unprocessable, "refund_exceeds_captured", "amount"));
    EXPECT_EQ(payment.refunded(), eur(300)); // the refused refund changed nothing
    ASSERT_TRUE(succeeds(payment.refund(eur(700))));
    EXPECT_EQ(payment.state(), PaymentState::Refunded);
    EXPECT_TRUE(failsWith(payment.refund(eur(1)), ErrorKind::Conflict, "invalid_payment_state"));
}

TEST(PaymentTest, TheLedgerBalancesAndTheProviderOwesCapturedLessRefunded)
{
    auto payment = Payment::create(7, eur(1000)).value();
    ASSERT_TRUE(succeeds(payment.authorise("a")));
    std::vector<LedgerEntry> ledger { payment.capture().value() };
    ledger.push_back(payment.refund(eur(250)).value());
    ledger.push_back(payment.refund(eur(50)).value());
    std::int64_t sum = 0;
    std::int64_t provider = 0;
    for (const auto& [account, balance] : ledgerBalances(ledger)) {
        sum += balance;
        if (account == kProviderAccount) {
            provider = balance;
        }
    }
    EXPECT_EQ(sum, 0);
    EXPECT_EQ(provider, payment.refundable().minor());
    EXPECT_EQ(provider, 700);
}

TEST(PaymentTest, AFailureKeepsItsReason)
{
    auto payment = Payment::create(7, eur(1000)).value();
    EXPECT_TRUE(failsWith(payment.fail(" "), ErrorKind::Invalid, "required", "reason"));
    ASSERT_TRUE(succeeds(payment.fail("Card declined by the issuer")));
    EXPECT_EQ(payment.state(), PaymentState::Failed);
    EXPECT_EQ(payment.failure(), "Card declined by the issuer");
    EXPECT_TRUE(failsWith(payment.authorise("x"), ErrorKind::Conflict, "invalid_payment_state"));
    for (auto state : { PaymentState::Pending, PaymentState::Authorised, PaymentState::Captured,
             PaymentState::PartiallyRefunded, PaymentState::Refunded, PaymentState::Failed }) {
        EXPECT_EQ(parsePaymentState(paymentStateName(state)), state);
    }
    EXPECT_FALSE(parsePaymentState("paid").has_value());
}

} // namespace
} // namespace tosserp::domain
