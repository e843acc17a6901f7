#include "server/core/ids.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

namespace tosserp {

std::string newUuid()
{
    thread_local std::mt19937_64 rng { std::random_device {}()
        ^ static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()) };
    std::uint64_t hi = rng();
    std::uint64_t lo = rng();
    hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL; // version 4
    lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL; // RFC 4122 variant
    char text[37];
    std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
        static_cast<unsigned>((hi >> 16) & 0xffff), static_cast<unsigned>(hi & 0xffff), static_cast<unsigned>(lo >> 48),
        static_cast<unsigned long long>(lo & 0xffffffffffffULL));
    return text;
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string isoTime(std::int64_t ms)
{
    const std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
        tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    return buffer;
}

bool parseIsoTime(const std::string& text, std::int64_t& ms)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed)
        != 6) {
        return false;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
        return false;
    }
    std::size_t pos = static_cast<std::size_t>(consumed);
    int millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
            if (digits < 3) {
                millis = millis * 10 + (text[pos] - '0');
            }
            ++digits;
            ++pos;
        }
        if (digits == 0) {
            return false;
        }
        for (int i = digits; i < 3; ++i) {
            millis *= 10;
        }
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') {
        return false;
    }
    std::tm tm {};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    ms = static_cast<std::int64_t>(timegm(&tm)) * 1000 + millis;
    return true;
}

std::string randomHex(std::size_t bytes)
{
    thread_local std::mt19937_64 rng { std::random_device {}() };
    static const char* hex = "0123456789abcdef";
    std::string id(bytes * 2, '0');
    while (id.find_first_not_of('0') == std::string::npos) {
        for (std::size_t i = 0; i < id.size(); i += 16) {
            auto value = rng();
            for (std::size_t j = i; j < std::min(id.size(), i + 16); ++j) {
                id[j] = hex[value & 0xf];
                value >>= 4;
            }
        }
    }
    return id;
}

bool lowerHex(std::string_view text, std::size_t length)
{
    return text.size() == length && text.find_first_not_of("0123456789abcdef") == std::string_view::npos
        && text.find_first_not_of('0') != std::string_view::npos;
}

std::string childTraceparent(const std::string& traceId, const std::string& flags)
{
    const bool validFlags = flags.size() == 2 && flags.find_first_not_of("0123456789abcdef") == std::string::npos;
    return lowerHex(traceId, 32) && validFlags ? "00-" + traceId + "-" + randomHex(8) + "-" + flags : std::string();
}

} // namespace tosserp
