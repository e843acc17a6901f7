#pragma once

#include <cstdint>
#include <limits>
#include <optional>

namespace tosserp::domain {

/// Overflow-checked 64-bit arithmetic: nullopt when the exact result does not fit.
inline std::optional<std::int64_t> checkedAdd(std::int64_t a, std::int64_t b)
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    if ((b > 0 && a > kMax - b) || (b < 0 && a < kMin - b))
        return std::nullopt;
    return a + b;
}

/// a - b, or nullopt on overflow.
inline std::optional<std::int64_t> checkedSub(std::int64_t a, std::int64_t b)
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    if ((b < 0 && a > kMax + b) || (b > 0 && a < kMin + b))
        return std::nullopt;
    return a - b;
}

/// a * b, or nullopt on overflow.
inline std::optional<std::int64_t> checkedMul(std::int64_t a, std::int64_t b)
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    if (a == 0 || b == 0)
        return std::int64_t { 0 };
    if (a > 0) {
        if (b > 0 ? a > kMax / b : b < kMin / a)
            return std::nullopt;
    } else {
        if (b > 0 ? a < kMin / b : (a != 0 && b < kMax / a))
            return std::nullopt;
    }
    return a * b;
}

} // namespace tosserp::domain
