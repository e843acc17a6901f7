#include "domain/decimal.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace tosserp::domain {
namespace {

DecimalError errorOf(std::string_view text, int scale)
{
    const auto parsed = parseScaledDecimal(text, scale);
    EXPECT_TRUE(std::holds_alternative<DecimalError>(parsed)) << text;
    return std::holds_alternative<DecimalError>(parsed) ? std::get<DecimalError>(parsed) : DecimalError::Syntax;
}

std::int64_t valueOf(std::string_view text, int scale)
{
    const auto parsed = parseScaledDecimal(text, scale);
    EXPECT_TRUE(std::holds_alternative<std::int64_t>(parsed)) << text;
    return std::holds_alternative<std::int64_t>(parsed) ? std::get<std::int64_t>(parsed) : -999;
}

TEST(DecimalTest, RefusesMalformedText)
{
    for (const char* text : { "", "-", "+1", " 1", "1 ", "1.", ".5", "-.5", "1e3", "1E3", "0x10", "1,5", "1.2.3", "--1",
             "1-", "abc", "1.5a", "\xD9\xA1" }) {
        EXPECT_EQ(errorOf(text, 2), DecimalError::Syntax) << text;
    }
}

TEST(DecimalTest, RefusesDigitsBeyondScale)
{
    EXPECT_EQ(errorOf("1.234", 2), DecimalError::Precision);
    EXPECT_EQ(errorOf("1.5", 0), DecimalError::Precision);
    EXPECT_EQ(errorOf("0.0001", 3), DecimalError::Precision);
}

TEST(DecimalTest, RefusesOverflow)
{
    EXPECT_EQ(errorOf("9223372036854775808", 0), DecimalError::Overflow);
    EXPECT_EQ(errorOf("92233720368547758.08", 2), DecimalError::Overflow);
    EXPECT_EQ(errorOf("99999999999999999999999", 0), DecimalError::Overflow);
}

TEST(DecimalTest, ReadsScaledValues)
{
    EXPECT_EQ(valueOf("12.34", 2), 1234);
    EXPECT_EQ(valueOf("-1.5", 2), -150);
    EXPECT_EQ(valueOf("0", 2), 0);
    EXPECT_EQ(valueOf("-0", 2), 0);
    EXPECT_EQ(valueOf("007", 0), 7);
    EXPECT_EQ(valueOf("1.500", 1), 15);
    EXPECT_EQ(valueOf("9223372036854775807", 0), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(valueOf("-92233720368547758.07", 2), -std::numeric_limits<std::int64_t>::max());
}

TEST(DecimalTest, Formats)
{
    EXPECT_EQ(formatScaledDecimal(1234, 2, false), "12.34");
    EXPECT_EQ(formatScaledDecimal(-5, 2, false), "-0.05");
    EXPECT_EQ(formatScaledDecimal(1200, 0, false), "1200");
    EXPECT_EQ(formatScaledDecimal(1500, 3, false), "1.500");
    EXPECT_EQ(formatScaledDecimal(1500, 3, true), "1.5");
    EXPECT_EQ(formatScaledDecimal(3000, 3, true), "3");
    EXPECT_EQ(formatScaledDecimal(-250, 3, true), "-0.25");
    EXPECT_EQ(formatScaledDecimal(0, 2, false), "0.00");
    EXPECT_EQ(formatScaledDecimal(0, 3, true), "0");
    EXPECT_EQ(formatScaledDecimal(std::numeric_limits<std::int64_t>::min(), 2, false), "-92233720368547758.08");
}

} // namespace
} // namespace tosserp::domain
