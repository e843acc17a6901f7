#include "domain/currency.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tosserp::domain {
namespace {
using testing::failsWith;

TEST(CurrencyTest, RefusesUnknownAndBadlyWrittenCodes)
{
    for (const char* code : { "", "EU", "EURO", "eur", "Eur", "XXX", "ABC", " EUR", "EUR ", "E1R" }) {
        EXPECT_TRUE(failsWith(Currency::parse(code), ErrorKind::Invalid, "unknown_currency")) << code;
    }
}

TEST(CurrencyTest, KnowsTheRequiredCodes)
{
    for (const char* code : { "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "INR", "ZAR", "KES", "NGN", "CAD", "AUD", "NZD",
             "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "KWD", "BHD", "JOD", "OMR", "TND", "AED", "SAR",
             "TRY", "RUB", "KRW", "SGD", "HKD" }) {
        const auto currency = Currency::parse(code);
        ASSERT_TRUE(currency.ok()) << code;
        EXPECT_EQ(currency->code(), code);
    }
}

TEST(CurrencyTest, MinorDigits)
{
    EXPECT_EQ(Currency::parse("EUR")->minorDigits(), 2);
    EXPECT_EQ(Currency::parse("USD")->minorDigits(), 2);
    EXPECT_EQ(Currency::parse("JPY")->minorDigits(), 0);
    EXPECT_EQ(Currency::parse("KRW")->minorDigits(), 0);
    for (const char* code : { "KWD", "BHD", "JOD", "OMR", "TND" })
        EXPECT_EQ(Currency::parse(code)->minorDigits(), 3) << code;
}

TEST(CurrencyTest, Equality)
{
    EXPECT_EQ(Currency::parse("EUR").value(), Currency::parse("EUR").value());
    EXPECT_FALSE(Currency::parse("EUR").value() == Currency::parse("USD").value());
}

TEST(CurrencyTest, KnownCodesAreSortedAndUnique)
{
    const auto codes = Currency::knownCodes();
    EXPECT_GE(codes.size(), 33u);
    EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
    EXPECT_EQ(std::adjacent_find(codes.begin(), codes.end()), codes.end());
}

} // namespace
} // namespace tosserp::domain
