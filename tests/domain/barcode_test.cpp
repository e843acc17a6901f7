#include "domain/barcode.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;

TEST(BarcodeTest, RefusesWrongCheckDigits)
{
    EXPECT_TRUE(
        failsWith(Barcode::parse("4006381333932"), ErrorKind::Invalid, "invalid_barcode_check_digit", "barcode"));
    EXPECT_TRUE(failsWith(Barcode::parse("96385075"), ErrorKind::Invalid, "invalid_barcode_check_digit", "barcode"));
    EXPECT_TRUE(
        failsWith(Barcode::parse("036000291453"), ErrorKind::Invalid, "invalid_barcode_check_digit", "barcode"));
    // Two swapped digits are caught by the weighting.
    EXPECT_TRUE(
        failsWith(Barcode::parse("4006381339331"), ErrorKind::Invalid, "invalid_barcode_check_digit", "barcode"));
}

TEST(BarcodeTest, RefusesBadFreeFormCodes)
{
    EXPECT_TRUE(failsWith(Barcode::parse(""), ErrorKind::Invalid, "invalid_barcode", "barcode"));
    EXPECT_TRUE(failsWith(Barcode::parse("  "), ErrorKind::Invalid, "invalid_barcode", "barcode"));
    EXPECT_TRUE(failsWith(Barcode::parse("SHELF 1"), ErrorKind::Invalid, "invalid_barcode", "barcode"));
    EXPECT_TRUE(failsWith(Barcode::parse("A\tB"), ErrorKind::Invalid, "invalid_barcode", "barcode"));
    EXPECT_TRUE(failsWith(Barcode::parse("caf\xC3\xA9"), ErrorKind::Invalid, "invalid_barcode", "barcode"));
    EXPECT_TRUE(failsWith(Barcode::parse(std::string(65, 'X')), ErrorKind::Invalid, "invalid_barcode", "barcode"));
}

TEST(BarcodeTest, RecognizesGs1Codes)
{
    const auto ean13 = Barcode::parse("4006381333931");
    ASSERT_TRUE(ean13.ok());
    EXPECT_EQ(ean13->symbology(), Symbology::Ean13);
    EXPECT_EQ(ean13->value(), "4006381333931");

    const auto ean8 = Barcode::parse("96385074");
    ASSERT_TRUE(ean8.ok());
    EXPECT_EQ(ean8->symbology(), Symbology::Ean8);

    const auto upca = Barcode::parse(" 036000291452 ");
    ASSERT_TRUE(upca.ok());
    EXPECT_EQ(upca->symbology(), Symbology::UpcA);
    EXPECT_EQ(upca->value(), "036000291452");
}

TEST(BarcodeTest, KeepsOtherCodesAsInternal)
{
    for (const char* text : { "SHELF-A1", "12345", "12345678901234", "X", "abc/DEF#1", "4006381333931A" }) {
        const auto barcode = Barcode::parse(text);
        ASSERT_TRUE(barcode.ok()) << text;
        EXPECT_EQ(barcode->symbology(), Symbology::Internal) << text;
        EXPECT_EQ(barcode->value(), text);
    }
    EXPECT_EQ(Barcode::parse(std::string(64, 'X'))->symbology(), Symbology::Internal);
}

TEST(BarcodeTest, WithCheckDigitRefusesNonDigits)
{
    EXPECT_THROW(Barcode::withCheckDigit("12A"), std::invalid_argument);
    EXPECT_THROW(Barcode::withCheckDigit(""), std::invalid_argument);
}

TEST(BarcodeTest, WithCheckDigitComputesGs1CheckDigit)
{
    EXPECT_EQ(Barcode::withCheckDigit("400638133393"), "4006381333931");
    EXPECT_EQ(Barcode::withCheckDigit("9638507"), "96385074");
    EXPECT_EQ(Barcode::withCheckDigit("03600029145"), "036000291452");
    EXPECT_EQ(Barcode::withCheckDigit("000000000000"), "0000000000000");
    const auto generated = Barcode::parse(Barcode::withCheckDigit("200000000001"));
    ASSERT_TRUE(generated.ok());
    EXPECT_EQ(generated->symbology(), Symbology::Ean13);
}

TEST(BarcodeTest, SymbologyNames)
{
    EXPECT_EQ(symbologyName(Symbology::Ean13), "ean13");
    EXPECT_EQ(symbologyName(Symbology::Ean8), "ean8");
    EXPECT_EQ(symbologyName(Symbology::UpcA), "upca");
    EXPECT_EQ(symbologyName(Symbology::Internal), "internal");
}

} // namespace
} // namespace tosserp::domain
