#include "sync/base64url.h"

#include <gtest/gtest.h>

namespace tosserp::sync {
namespace {

TEST(Base64UrlTest, RefusesNonCanonicalText)
{
    EXPECT_EQ(base64UrlDecode("Zg=="), std::nullopt) << "padding";
    EXPECT_EQ(base64UrlDecode("Zm9v+g"), std::nullopt) << "plain base64 alphabet";
    EXPECT_EQ(base64UrlDecode("Zm 9v"), std::nullopt) << "space";
    EXPECT_EQ(base64UrlDecode("Zm9vY"), std::nullopt) << "length 4n+1";
    EXPECT_EQ(base64UrlDecode("Zh"), std::nullopt) << "unused bits set: 'Zg' is the one text for \"f\"";
    EXPECT_EQ(base64UrlDecode("Zm9"), std::nullopt) << "unused bits set: 'Zm8' is the one text for \"fo\"";
}

TEST(Base64UrlTest, Rfc4648VectorsWithoutPadding)
{
    const std::pair<const char*, const char*> vectors[] = {
        { "", "" },
        { "f", "Zg" },
        { "fo", "Zm8" },
        { "foo", "Zm9v" },
        { "foob", "Zm9vYg" },
        { "fooba", "Zm9vYmE" },
        { "foobar", "Zm9vYmFy" },
    };
    for (const auto& [bytes, text] : vectors) {
        EXPECT_EQ(base64UrlEncode(bytes), text);
        EXPECT_EQ(base64UrlDecode(text), bytes);
    }
}

TEST(Base64UrlTest, UsesTheUrlSafeAlphabetAndRoundTripsEveryByte)
{
    EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
    std::string all;
    for (int i = 0; i < 256; ++i)
        all += static_cast<char>(i);
    EXPECT_EQ(base64UrlDecode(base64UrlEncode(all)), all);
}

} // namespace
} // namespace tosserp::sync
