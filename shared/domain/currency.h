#pragma once

#include "domain/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace tosserp::domain {

/// An ISO 4217 currency the product knows, with its number of minor digits
/// (EUR 2, JPY 0, KWD 3). Immutable; only obtainable through parse().
class Currency {
public:
    /// Accepts exactly three upper-case letters naming a known currency.
    /// Fails with Invalid "unknown_currency" otherwise (including "eur").
    static Result<Currency> parse(std::string_view code);

    /// All known currency codes, sorted.
    static std::vector<std::string> knownCodes();

    const std::string& code() const { return m_code; }
    int minorDigits() const { return m_minorDigits; }

    friend bool operator==(const Currency& a, const Currency& b) { return a.m_code == b.m_code; }

private:
    Currency(std::string code, int minorDigits)
        : m_code(std::move(code))
        , m_minorDigits(minorDigits)
    { }

    std::string m_code;
    int m_minorDigits = 2;
};

} // namespace tosserp::domain
