#include "server/core/page.h"

#include <charconv>
#include <vector>

namespace tosserp {

namespace {

constexpr const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kPrefix = "k1:";

std::string base64url(std::string_view in)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : in) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 0x3f];
        }
    }
    if (bits > 0) {
        out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
    }
    return out;
}

std::optional<std::string> unbase64url(std::string_view in)
{
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : in) {
        const char* p = std::char_traits<char>::find(kAlphabet, 64, c);
        if (!p) {
            return std::nullopt;
        }
        buffer = (buffer << 6) | static_cast<std::uint32_t>(p - kAlphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

/// Reads the non-negative integers of a decoded cursor "k1:12" or "k1:12.7".
std::optional<std::vector<std::int64_t>> keys(const std::string& cursor)
{
    if (cursor.empty() || cursor.size() > 96) {
        return std::nullopt;
    }
    const auto text = unbase64url(cursor);
    if (!text || text->rfind(kPrefix, 0) != 0) {
        return std::nullopt;
    }
    std::vector<std::int64_t> out;
    const char* p = text->data() + kPrefix.size();
    const char* end = text->data() + text->size();
    while (true) {
        std::int64_t value = 0;
        const auto [ptr, ec] = std::from_chars(p, end, value);
        if (ec != std::errc() || value < 0) {
            return std::nullopt;
        }
        out.push_back(value);
        if (ptr == end) {
            return out;
        }
        if (*ptr != '.') {
            return std::nullopt;
        }
        p = ptr + 1;
    }
}

} // namespace

std::string encodeCursor(std::int64_t lastKey)
{
    return base64url(std::string(kPrefix) + std::to_string(lastKey));
}

std::string encodeCursor(std::int64_t first, std::int64_t second)
{
    return base64url(std::string(kPrefix) + std::to_string(first) + "." + std::to_string(second));
}

std::optional<std::int64_t> decodeCursor(const std::string& cursor)
{
    const auto values = keys(cursor);
    if (!values || values->size() != 1) {
        return std::nullopt;
    }
    return values->front();
}

std::optional<std::pair<std::int64_t, std::int64_t>> decodeCursorPair(const std::string& cursor)
{
    const auto values = keys(cursor);
    if (!values || values->size() != 2) {
        return std::nullopt;
    }
    return std::pair { (*values)[0], (*values)[1] };
}

} // namespace tosserp
