#include "domain/quantity.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace tosserp::domain {
namespace {
using testing::failsWith;

Unit unit(const char* code)
{
    return Unit::parse(code).value();
}

TEST(UnitTest, RefusesUnknownUnits)
{
    for (const char* code : { "", "PCS", "Kg", "piece", "lb", "oz", " kg" })
        EXPECT_TRUE(failsWith(Unit::parse(code), ErrorKind::Invalid, "unknown_unit", "unit")) << code;
}

TEST(UnitTest, KnownUnitsAndDecimals)
{
    EXPECT_EQ(unit("pcs").decimals(), 0);
    EXPECT_EQ(unit("box").decimals(), 0);
    EXPECT_EQ(unit("pack").decimals(), 0);
    EXPECT_EQ(unit("kg").decimals(), 3);
    EXPECT_EQ(unit("g").decimals(), 0);
    EXPECT_EQ(unit("l").decimals(), 3);
    EXPECT_EQ(unit("ml").decimals(), 0);
    EXPECT_EQ(unit("m").decimals(), 3);
    EXPECT_EQ(unit("cm").decimals(), 0);
    EXPECT_EQ(unit("kg").code(), "kg");
    EXPECT_EQ(Unit().code(), "pcs");
    EXPECT_EQ(Unit::knownCodes().size(), 9u);
}

TEST(QuantityTest, FromMilliRefusesPrecisionFinerThanTheUnit)
{
    EXPECT_TRUE(failsWith(
        Quantity::fromMilli(1500, unit("pcs")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
    EXPECT_TRUE(
        failsWith(Quantity::fromMilli(1, unit("g")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
    EXPECT_TRUE(failsWith(Quantity::fromMilli(std::numeric_limits<std::int64_t>::min(), unit("kg")), ErrorKind::Invalid,
        "invalid_quantity", "quantity"));
}

TEST(QuantityTest, FromMilliAcceptsWhatTheUnitAllows)
{
    EXPECT_EQ(Quantity::fromMilli(3000, unit("pcs"))->milli(), 3000);
    EXPECT_EQ(Quantity::fromMilli(-2000, unit("box"))->milli(), -2000);
    EXPECT_EQ(Quantity::fromMilli(1, unit("kg"))->milli(), 1);
    EXPECT_EQ(Quantity::fromMilli(1234, unit("l"))->unit().code(), "l");
}

TEST(QuantityTest, ParseRefusesBadTextAndPrecision)
{
    for (const char* text : { "", "1.", ".5", "1e3", "+1", "abc", "1,5" })
        EXPECT_TRUE(failsWith(Quantity::parse(text, unit("kg")), ErrorKind::Invalid, "invalid_quantity", "quantity"))
            << text;
    EXPECT_TRUE(
        failsWith(Quantity::parse("1.5", unit("pcs")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
    EXPECT_TRUE(
        failsWith(Quantity::parse("0.0005", unit("kg")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
    EXPECT_TRUE(failsWith(
        Quantity::parse("99999999999999999", unit("kg")), ErrorKind::Invalid, "invalid_quantity", "quantity"));
}

TEST(QuantityTest, ParseReadsThousandths)
{
    EXPECT_EQ(Quantity::parse("3", unit("pcs"))->milli(), 3000);
    EXPECT_EQ(Quantity::parse("2.000", unit("pcs"))->milli(), 2000);
    EXPECT_EQ(Quantity::parse("1.5", unit("kg"))->milli(), 1500);
    EXPECT_EQ(Quantity::parse("-0.25", unit("l"))->milli(), -250);
    EXPECT_EQ(Quantity::parse("0.001", unit("m"))->milli(), 1);
    EXPECT_EQ(Quantity::parse("250", unit("g"))->milli(), 250000);
}

TEST(QuantityTest, FromDoubleRefusesNonFiniteAndOutOfRange)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_TRUE(failsWith(Quantity::fromDouble(nan, unit("kg")), ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(failsWith(Quantity::fromDouble(inf, unit("kg")), ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(failsWith(Quantity::fromDouble(-inf, unit("kg")), ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(failsWith(Quantity::fromDouble(1e13, unit("kg")), ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(
        failsWith(Quantity::fromDouble(-1e300, unit("kg")), ErrorKind::Invalid, "invalid_quantity", "quantity"));
}

TEST(QuantityTest, FromDoubleRefusesRealExtraPrecision)
{
    EXPECT_TRUE(failsWith(
        Quantity::fromDouble(1.5, unit("pcs")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
    EXPECT_TRUE(failsWith(
        Quantity::fromDouble(1.0005, unit("kg")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
    EXPECT_TRUE(failsWith(
        Quantity::fromDouble(0.0001, unit("kg")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
    EXPECT_TRUE(
        failsWith(Quantity::fromDouble(2.5, unit("g")), ErrorKind::Invalid, "invalid_quantity_precision", "quantity"));
}

TEST(QuantityTest, FromDoubleToleratesBinaryNoise)
{
    EXPECT_EQ(Quantity::fromDouble(0.1 + 0.2, unit("kg"))->milli(), 300);
    EXPECT_EQ(Quantity::fromDouble(1.1 * 3, unit("kg"))->milli(), 3300);
    EXPECT_EQ(Quantity::fromDouble(2.0, unit("pcs"))->milli(), 2000);
    EXPECT_EQ(Quantity::fromDouble(-0.25, unit("kg"))->milli(), -250);
    EXPECT_EQ(Quantity::fromDouble(0.0, unit("pcs"))->milli(), 0);
    EXPECT_EQ(Quantity::fromDouble(4.35, unit("l"))->milli(), 4350);
}

TEST(QuantityTest, ArithmeticRefusesUnitMismatchAndOverflow)
{
    const auto kg = Quantity::fromMilli(1000, unit("kg")).value();
    const auto pcs = Quantity::fromMilli(1000, unit("pcs")).value();
    EXPECT_TRUE(failsWith(kg.plus(pcs), ErrorKind::Invalid, "unit_mismatch"));
    EXPECT_TRUE(failsWith(kg.minus(pcs), ErrorKind::Invalid, "unit_mismatch"));
    const auto huge = Quantity::fromMilli(std::numeric_limits<std::int64_t>::max(), unit("kg")).value();
    EXPECT_TRUE(failsWith(huge.plus(kg), ErrorKind::Invalid, "quantity_overflow", "quantity"));
    EXPECT_TRUE(failsWith(huge.negated().minus(kg), ErrorKind::Invalid, "quantity_overflow", "quantity"));
}

TEST(QuantityTest, Arithmetic)
{
    const auto a = Quantity::parse("1.5", unit("kg")).value();
    const auto b = Quantity::parse("0.25", unit("kg")).value();
    EXPECT_EQ(a.plus(b)->milli(), 1750);
    EXPECT_EQ(b.minus(a)->milli(), -1250);
    EXPECT_EQ(a.negated().milli(), -1500);
    EXPECT_EQ(a.negated().abs().milli(), 1500);
    EXPECT_TRUE(a.isPositive());
    EXPECT_FALSE(a.negated().isPositive());
    EXPECT_TRUE(a.negated().isNegative());
    EXPECT_TRUE(a.minus(a)->isZero());
    EXPECT_EQ(Quantity().milli(), 0);
    EXPECT_EQ(Quantity().unit().code(), "pcs");
}

TEST(QuantityTest, Conversions)
{
    EXPECT_EQ(Quantity::parse("3", unit("pcs"))->toDecimalString(), "3");
    EXPECT_EQ(Quantity::parse("1.5", unit("kg"))->toDecimalString(), "1.5");
    EXPECT_EQ(Quantity::parse("-0.25", unit("kg"))->toDecimalString(), "-0.25");
    EXPECT_EQ(Quantity::parse("0", unit("kg"))->toDecimalString(), "0");
    EXPECT_DOUBLE_EQ(Quantity::parse("1.5", unit("kg"))->toDouble(), 1.5);
    EXPECT_EQ(Quantity::parse("1.5", unit("kg")).value(), Quantity::fromMilli(1500, unit("kg")).value());
    EXPECT_FALSE(Quantity::parse("1", unit("kg")).value() == Quantity::parse("1", unit("l")).value());
}

TEST(QuantityTest, JsonIsIntegerWhenWhole)
{
    const auto whole = quantityToJson(Quantity::parse("3", unit("pcs")).value());
    EXPECT_TRUE(whole.is_number_integer());
    EXPECT_EQ(whole.dump(), "3");
    const auto negativeWhole = quantityToJson(Quantity::parse("-2", unit("kg")).value());
    EXPECT_TRUE(negativeWhole.is_number_integer());
    EXPECT_EQ(negativeWhole.dump(), "-2");
    const auto fraction = quantityToJson(Quantity::parse("1.5", unit("kg")).value());
    EXPECT_TRUE(fraction.is_number_float());
    EXPECT_EQ(fraction.dump(), "1.5");
    EXPECT_EQ(quantityToJson(Quantity::parse("0.1", unit("kg")).value()).dump(), "0.1");
}

} // namespace
} // namespace tosserp::domain
