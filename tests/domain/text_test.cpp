#include "domain/text.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;

TEST(TextTest, NameRefusesEmptyAndBlank)
{
    EXPECT_TRUE(failsWith(validateName("", "name", 10), ErrorKind::Invalid, "required", "name"));
    EXPECT_TRUE(failsWith(validateName(" \t\n ", "name", 10), ErrorKind::Invalid, "required", "name"));
}

TEST(TextTest, NameRefusesTooManyCodePoints)
{
    EXPECT_TRUE(failsWith(validateName("abcdef", "title", 5), ErrorKind::Invalid, "too_long", "title"));
    // Five code points but ten bytes: counted as five.
    const auto accented = validateName("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "name", 5);
    ASSERT_TRUE(accented.ok());
    EXPECT_TRUE(failsWith(validateName("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "name", 5),
        ErrorKind::Invalid, "too_long", "name"));
}

TEST(TextTest, NameRefusesInvalidUtf8)
{
    EXPECT_TRUE(failsWith(validateName("ab\xFF", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    EXPECT_TRUE(failsWith(validateName("\xC3", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    // Overlong encoding of '/'.
    EXPECT_TRUE(failsWith(validateName("\xC0\xAF", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    // UTF-16 surrogate encoded in UTF-8.
    EXPECT_TRUE(failsWith(validateName("\xED\xA0\x80", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    // Above U+10FFFF.
    EXPECT_TRUE(failsWith(validateName("\xF4\x90\x80\x80", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
}

TEST(TextTest, NameRefusesControlCharacters)
{
    EXPECT_TRUE(failsWith(validateName("a\nb", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    EXPECT_TRUE(failsWith(validateName("a\tb", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    EXPECT_TRUE(
        failsWith(validateName(std::string("a\0b", 3), "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    EXPECT_TRUE(failsWith(validateName("a\x7F", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
    // U+0085 (a C1 control) in UTF-8.
    EXPECT_TRUE(failsWith(validateName("a\xC2\x85", "name", 10), ErrorKind::Invalid, "invalid_text", "name"));
}

TEST(TextTest, NameIsTrimmed)
{
    const auto name = validateName("  Caf\xC3\xA9 Latte \r\n", "name", 100);
    ASSERT_TRUE(name.ok());
    EXPECT_EQ(name.value(), "Caf\xC3\xA9 Latte");
    const auto emoji = validateName("\xF0\x9F\x93\xA6 box", "name", 5);
    ASSERT_TRUE(emoji.ok());
    EXPECT_EQ(emoji.value(), "\xF0\x9F\x93\xA6 box");
}

TEST(TextTest, TextAllowsEmptyAndNewlinesOnlyWhenMultiLine)
{
    EXPECT_TRUE(failsWith(validateText("a\nb", "reason", 10, false), ErrorKind::Invalid, "invalid_text", "reason"));
    EXPECT_TRUE(
        failsWith(validateText("a\x01", "description", 10, true), ErrorKind::Invalid, "invalid_text", "description"));
    EXPECT_TRUE(failsWith(validateText("abc", "reason", 2, false), ErrorKind::Invalid, "too_long", "reason"));
    const auto empty = validateText("   ", "reason", 10, false);
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty.value(), "");
    const auto lines = validateText(" line one\n\tline two ", "description", 100, true);
    ASSERT_TRUE(lines.ok());
    EXPECT_EQ(lines.value(), "line one\n\tline two");
}

TEST(TextTest, Helpers)
{
    EXPECT_EQ(trim("  a b \t"), "a b");
    EXPECT_EQ(trimView(""), "");
    EXPECT_EQ(utf8Length("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x93\xA6"), 4u);
    EXPECT_EQ(utf8Length("\xE2\x82"), std::nullopt);
    EXPECT_EQ(asciiLower("AbC-\xC3\x89"), "abc-\xC3\x89");
    EXPECT_EQ(asciiUpper("wh-1a"), "WH-1A");
}

} // namespace
} // namespace tosserp::domain
