#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace tosserp::domain {

/// Why a decimal string could not be read.
enum class DecimalError {
    Syntax, ///< not of the form [-]digits[.digits]
    Precision, ///< non-zero digits beyond the allowed scale
    Overflow, ///< does not fit a signed 64-bit integer once scaled
};

/// Reads a plain decimal ("12.34", "-1.5", "0", "007") as an integer count of 10^-scale
/// units. Accepted grammar: an optional '-', one or more digits, optionally '.' and one
/// or more digits. Refused: '+', whitespace, exponents, "1." and ".5". Trailing zeros
/// beyond `scale` are accepted ("1.500" at scale 1 is 15). `scale` is 0..18.
std::variant<std::int64_t, DecimalError> parseScaledDecimal(std::string_view text, int scale);

/// Writes `value` (in 10^-scale units) as a decimal string. With `trimZeros` trailing
/// fraction zeros and a bare '.' are dropped ("1.5", "3"); without, exactly `scale`
/// fraction digits are written ("1.50", "-0.05").
std::string formatScaledDecimal(std::int64_t value, int scale, bool trimZeros);

} // namespace tosserp::domain
