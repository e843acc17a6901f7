#include "domain/money.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace tosserp::domain {
namespace {
using testing::failsWith;

Currency currency(const char* code)
{
    return Currency::parse(code).value();
}

TEST(MoneyTest, ParseRefusesMalformedAmounts)
{
    // "1." and ".5" are refused: an amount always has digits on both sides of the point.
    for (const char* text : { "", " ", "1.", ".5", "1e2", "1E-2", "+1", " 1", "1 ", "1,50", "12.3.4", "abc", "-", "--1",
             "0x1A", "NaN", "inf" }) {
        EXPECT_TRUE(failsWith(Money::parse(text, currency("EUR")), ErrorKind::Invalid, "invalid_amount")) << text;
    }
}

TEST(MoneyTest, ParseRefusesMoreDecimalsThanTheCurrencyHas)
{
    EXPECT_TRUE(failsWith(Money::parse("1.234", currency("EUR")), ErrorKind::Invalid, "invalid_amount_precision"));
    EXPECT_TRUE(failsWith(Money::parse("100.5", currency("JPY")), ErrorKind::Invalid, "invalid_amount_precision"));
    EXPECT_TRUE(failsWith(Money::parse("1.2345", currency("KWD")), ErrorKind::Invalid, "invalid_amount_precision"));
}

TEST(MoneyTest, ParseRefusesOverflow)
{
    EXPECT_TRUE(
        failsWith(Money::parse("92233720368547758.08", currency("EUR")), ErrorKind::Invalid, "amount_overflow"));
    EXPECT_TRUE(
        failsWith(Money::parse("100000000000000000000", currency("JPY")), ErrorKind::Invalid, "amount_overflow"));
}

TEST(MoneyTest, ParseReadsExactMinorUnits)
{
    EXPECT_EQ(Money::parse("12.34", currency("EUR"))->minor(), 1234);
    EXPECT_EQ(Money::parse("-1.5", currency("EUR"))->minor(), -150);
    EXPECT_EQ(Money::parse("0", currency("EUR"))->minor(), 0);
    EXPECT_EQ(Money::parse("0.1", currency("EUR"))->minor(), 10);
    EXPECT_EQ(Money::parse("1200", currency("JPY"))->minor(), 1200);
    EXPECT_EQ(Money::parse("1.5", currency("KWD"))->minor(), 1500);
    EXPECT_EQ(Money::parse("1.234", currency("KWD"))->minor(), 1234);
    // Trailing zeros beyond the currency's digits do not change the value.
    EXPECT_EQ(Money::parse("12.340", currency("EUR"))->minor(), 1234);
    EXPECT_EQ(Money::parse("1200.00", currency("JPY"))->minor(), 1200);
    EXPECT_EQ(Money::parse("92233720368547758.07", currency("EUR"))->minor(), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(Money::parse("12.34", currency("USD"))->currency().code(), "USD");
}

TEST(MoneyTest, ArithmeticRefusesCurrencyMismatch)
{
    const auto eur = Money::of(100, currency("EUR"));
    const auto usd = Money::of(100, currency("USD"));
    EXPECT_TRUE(failsWith(eur.plus(usd), ErrorKind::Invalid, "currency_mismatch"));
    EXPECT_TRUE(failsWith(eur.minus(usd), ErrorKind::Invalid, "currency_mismatch"));
}

TEST(MoneyTest, ArithmeticRefusesOverflow)
{
    const auto big = Money::of(std::numeric_limits<std::int64_t>::max(), currency("EUR"));
    const auto small = Money::of(std::numeric_limits<std::int64_t>::min(), currency("EUR"));
    EXPECT_TRUE(failsWith(big.plus(Money::of(1, currency("EUR"))), ErrorKind::Invalid, "amount_overflow"));
    EXPECT_TRUE(failsWith(small.minus(Money::of(1, currency("EUR"))), ErrorKind::Invalid, "amount_overflow"));
    EXPECT_TRUE(failsWith(big.times(2), ErrorKind::Invalid, "amount_overflow"));
    EXPECT_TRUE(failsWith(small.times(-1), ErrorKind::Invalid, "amount_overflow"));
    EXPECT_TRUE(failsWith(Money::of(-3, currency("EUR")).times(std::numeric_limits<std::int64_t>::max()),
        ErrorKind::Invalid, "amount_overflow"));
}

TEST(MoneyTest, Arithmetic)
{
    const auto a = Money::of(1234, currency("EUR"));
    const auto b = Money::of(66, currency("EUR"));
    EXPECT_EQ(a.plus(b)->minor(), 1300);
    EXPECT_EQ(b.minus(a)->minor(), -1168);
    EXPECT_TRUE(b.minus(a)->isNegative());
    EXPECT_EQ(a.times(3)->minor(), 3702);
    EXPECT_EQ(a.times(-2)->minor(), -2468);
    EXPECT_EQ(a.times(0)->minor(), 0);
    EXPECT_TRUE(a.times(0)->isZero());
    EXPECT_FALSE(a.isNegative());
}

TEST(MoneyTest, DecimalString)
{
    EXPECT_EQ(Money::of(1234, currency("EUR")).toDecimalString(), "12.34");
    EXPECT_EQ(Money::of(-5, currency("EUR")).toDecimalString(), "-0.05");
    EXPECT_EQ(Money::of(0, currency("EUR")).toDecimalString(), "0.00");
    EXPECT_EQ(Money::of(1200, currency("JPY")).toDecimalString(), "1200");
    EXPECT_EQ(Money::of(1500, currency("KWD")).toDecimalString(), "1.500");
    EXPECT_EQ(Money::parse("-1.5", currency("EUR"))->toDecimalString(), "-1.50");
}

TEST(MoneyTest, EqualityComparesAmountAndCurrency)
{
    EXPECT_EQ(Money::of(100, currency("EUR")), Money::parse("1", currency("EUR")).value());
    EXPECT_FALSE(Money::of(100, currency("EUR")) == Money::of(100, currency("USD")));
    EXPECT_FALSE(Money::of(100, currency("EUR")) == Money::of(101, currency("EUR")));
}

} // namespace
} // namespace tosserp::domain
