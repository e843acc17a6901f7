#include "server/core/page.h"

#include "sync/base64url.h"

#include <charconv>
#include <vector>

namespace tosserp {

namespace {

constexpr std::string_view kPrefix = "k1:";

/// Reads the non-negative integers of a decoded cursor "k1:12" or "k1:12.7".
std::optional<std::vector<std::int64_t>> keys(const std::string& cursor)
{
    if (cursor.empty() || cursor.size() > 96) {
        return std::nullopt;
    }
    const auto text = sync::base64UrlDecode(cursor);
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
    return sync::base64UrlEncode(std::string(kPrefix) + std::to_string(lastKey));
}

std::string encodeCursor(std::int64_t first, std::int64_t second)
{
    return sync::base64UrlEncode(std::string(kPrefix) + std::to_string(first) + "." + std::to_string(second));
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
