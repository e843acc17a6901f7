#include "domain/sku.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;

TEST(SkuTest, RefusesEmptyAndBlank)
{
    EXPECT_TRUE(failsWith(Sku::parse(""), ErrorKind::Invalid, "invalid_sku", "sku"));
    EXPECT_TRUE(failsWith(Sku::parse("   "), ErrorKind::Invalid, "invalid_sku", "sku"));
}

TEST(SkuTest, RefusesTooLong)
{
    EXPECT_TRUE(failsWith(Sku::parse(std::string(65, 'A')), ErrorKind::Invalid, "invalid_sku", "sku"));
}

TEST(SkuTest, RefusesBadCharacters)
{
    for (const char* text : { "AB C", "AB#1", "A+B", "caf\xC3\xA9", "A\tB", "A*", "A,B", "A:B" })
        EXPECT_TRUE(failsWith(Sku::parse(text), ErrorKind::Invalid, "invalid_sku", "sku")) << text;
}

TEST(SkuTest, RefusesLeadingPunctuation)
{
    for (const char* text : { "-A1", "_A1", ".A1", "/A1" })
        EXPECT_TRUE(failsWith(Sku::parse(text), ErrorKind::Invalid, "invalid_sku", "sku")) << text;
}

TEST(SkuTest, AcceptsAndTrims)
{
    EXPECT_EQ(Sku::parse("  TEA-001 ")->value(), "TEA-001");
    EXPECT_EQ(Sku::parse("a1_b.c/d-e")->value(), "a1_b.c/d-e");
    EXPECT_EQ(Sku::parse("9")->value(), "9");
    EXPECT_EQ(Sku::parse(std::string(64, 'Z'))->value(), std::string(64, 'Z'));
}

TEST(SkuTest, ComparesByValueAndKeepsCase)
{
    EXPECT_EQ(Sku::parse("A-1").value(), Sku::parse(" A-1").value());
    EXPECT_FALSE(Sku::parse("a-1").value() == Sku::parse("A-1").value());
    EXPECT_TRUE(Sku::parse("A-1").value() < Sku::parse("B-1").value());
    EXPECT_FALSE(Sku::parse("B-1").value() < Sku::parse("A-1").value());
}

} // namespace
} // namespace tosserp::domain
