#include "domain/decimal.h"

#include "domain/checked_math.h"

namespace tosserp::domain {
namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
} // namespace

std::variant<std::int64_t, DecimalError> parseScaledDecimal(std::string_view text, int scale)
{
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view {} : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()))
        return DecimalError::Syntax;
    for (char c : whole) {
        if (!isDigit(c))
            return DecimalError::Syntax;
    }
    for (char c : fraction) {
        if (!isDigit(c))
            return DecimalError::Syntax;
    }
    for (std::size_t i = static_cast<std::size_t>(scale); i < fraction.size(); ++i) {
        if (fraction[i] != '0')
            return DecimalError::Precision;
    }

    std::int64_t value = 0;
    auto push = [&value](char digit) {
        const auto shifted = checkedMul(value, 10);
        if (!shifted)
            return false;
        const auto added = checkedAdd(*shifted, digit - '0');
        if (!added)
            return false;
        value = *added;
        return true;
    };
    for (char c : whole) {
        if (!push(c))
            return DecimalError::Overflow;
    }
    for (int i = 0; i < scale; ++i) {
        const auto index = static_cast<std::size_t>(i);
        if (!push(index < fraction.size() ? fraction[index] : '0'))
            return DecimalError::Overflow;
    }
    return negative ? -value : value;
}

std::string formatScaledDecimal(std::int64_t value, int scale, bool trimZeros)
{
    // Work on the magnitude as unsigned so the most negative value has a representation.
    const bool negative = value < 0;
    std::uint64_t magnitude
        = negative ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
    std::string digits = std::to_string(magnitude);
    const auto width = static_cast<std::size_t>(scale);
    if (digits.size() <= width)
        digits.insert(0, width + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - width);
    std::string fraction = digits.substr(digits.size() - width);
    if (trimZeros) {
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
    }
    std::string out = negative ? "-" : "";
    out += whole;
    if (!fraction.empty()) {
        out += '.';
        out += fraction;
    }
    return out;
}

} // namespace tosserp::domain
