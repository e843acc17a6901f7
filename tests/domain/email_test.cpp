#include "domain/email.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;

TEST(EmailTest, RefusesMalformedAddresses)
{
    for (const char* text : { "", "  ", "plain", "@example.com", "a@", "a@@example.com", "a@b@example.com",
             "a b@example.com", "a@example", "a@.example.com", "a@example..com", "a@example.com.", "a@-example.com",
             "a@example-.com", "a@exa_mple.com", "a@ex ample.com", "a\x01@example.com", "a@ex\xC3\xA9mple.com" }) {
        EXPECT_TRUE(failsWith(Email::parse(text), ErrorKind::Invalid, "invalid_email", "email")) << text;
    }
}

TEST(EmailTest, RefusesOverlongParts)
{
    const std::string longLocal = std::string(65, 'a') + "@example.com";
    EXPECT_TRUE(failsWith(Email::parse(longLocal), ErrorKind::Invalid, "invalid_email", "email"));
    const std::string longLabel = "a@" + std::string(64, 'b') + ".com";
    EXPECT_TRUE(failsWith(Email::parse(longLabel), ErrorKind::Invalid, "invalid_email", "email"));
    // 64 + 1 + 63 + 1 + 63 + 1 + 63 = 256 characters.
    const std::string longTotal
        = std::string(64, 'a') + "@" + std::string(63, 'b') + "." + std::string(63, 'c') + "." + std::string(63, 'd');
    EXPECT_TRUE(failsWith(Email::parse(longTotal), ErrorKind::Invalid, "invalid_email", "email"));
}

TEST(EmailTest, AcceptsTrimsAndLowercasesTheDomain)
{
    EXPECT_EQ(Email::parse(" Jane.Doe+shop@Example.CO.uk ")->value(), "Jane.Doe+shop@example.co.uk");
    EXPECT_EQ(Email::parse("a@b.c")->value(), "a@b.c");
    EXPECT_EQ(Email::parse("ops@my-shop.example")->value(), "ops@my-shop.example");
    const std::string longestLocal = std::string(64, 'a') + "@example.com";
    EXPECT_EQ(Email::parse(longestLocal)->value(), longestLocal);
}

TEST(EmailTest, EqualityIsOnTheNormalizedValue)
{
    EXPECT_EQ(Email::parse("x@EXAMPLE.com").value(), Email::parse("x@example.com").value());
    EXPECT_FALSE(Email::parse("X@example.com").value() == Email::parse("x@example.com").value());
}

} // namespace
} // namespace tosserp::domain
