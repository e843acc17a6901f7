#include "domain/text.h"

namespace tosserp::domain {
namespace {

bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Decodes one code point at `pos`; returns false on malformed input.
bool decode(std::string_view s, std::size_t& pos, char32_t& out)
{
    const auto b0 = static_cast<unsigned char>(s[pos]);
    int extra = 0;
    char32_t cp = 0;
    char32_t minimum = 0;
    if (b0 < 0x80) {
        out = b0;
        ++pos;
        return true;
    } else if ((b0 & 0xE0) == 0xC0) {
        extra = 1;
        cp = b0 & 0x1F;
        minimum = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2;
        cp = b0 & 0x0F;
        minimum = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3;
        cp = b0 & 0x07;
        minimum = 0x10000;
    } else {
        return false;
    }
    if (pos + static_cast<std::size_t>(extra) >= s.size())
        return false;
    for (int i = 1; i <= extra; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
        if ((b & 0xC0) != 0x80)
            return false;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
    pos += static_cast<std::size_t>(extra) + 1;
    out = cp;
    return true;
}

bool isControl(char32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

Result<std::string> check(std::string_view value, std::string_view field, std::size_t maxLen, bool multiLine)
{
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < value.size()) {
        char32_t cp = 0;
        if (!decode(value, pos, cp))
            return invalid("invalid_text", "The text is not valid UTF-8.", std::string(field));
        const bool allowedWhitespace = multiLine && (cp == '\t' || cp == '\n' || cp == '\r');
        if (isControl(cp) && !allowedWhitespace)
            return invalid("invalid_text", "The text contains control characters.", std::string(field));
        ++count;
    }
    if (count > maxLen)
        return invalid(
            "too_long", "The text is longer than " + std::to_string(maxLen) + " characters.", std::string(field));
    return std::string(value);
}

} // namespace

std::string_view trimView(std::string_view value)
{
    while (!value.empty() && isAsciiSpace(value.front()))
        value.remove_prefix(1);
    while (!value.empty() && isAsciiSpace(value.back()))
        value.remove_suffix(1);
    return value;
}

std::string trim(std::string_view value)
{
    return std::string(trimView(value));
}

std::optional<std::size_t> utf8Length(std::string_view value)
{
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < value.size()) {
        char32_t cp = 0;
        if (!decode(value, pos, cp))
            return std::nullopt;
        ++count;
    }
    return count;
}

Result<std::string> validateName(std::string_view value, std::string_view field, std::size_t maxLen)
{
    const auto trimmed = trimView(value);
    if (trimmed.empty())
        return invalid("required", "A value is required.", std::string(field));
    return check(trimmed, field, maxLen, false);
}

Result<std::string> validateText(std::string_view value, std::string_view field, std::size_t maxLen, bool multiLine)
{
    return check(trimView(value), field, maxLen, multiLine);
}

std::string asciiLower(std::string_view value)
{
    std::string out(value);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string asciiUpper(std::string_view value)
{
    std::string out(value);
    for (auto& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

} // namespace tosserp::domain
