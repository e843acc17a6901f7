#pragma once

#include "domain/currency.h"
#include "domain/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tosserp::domain {

/// An exact amount of one currency, held as a signed count of minor units
/// (cents for EUR, yen for JPY, fils for KWD). No floating point anywhere.
class Money {
public:
    /// `minor` units of `currency` (Money::of(1234, EUR) is 12.34 EUR).
    static Money of(std::int64_t minor, Currency currency);

    /// Reads a plain decimal: "12.34", "-1.5", "0". Refused with Invalid:
    /// "invalid_amount" for anything else (empty, '+', spaces, exponents, "1.", ".5"),
    /// "invalid_amount_precision" for non-zero digits beyond the currency's minor digits
    /// ("1.005" EUR; trailing zeros such as "1.500" are accepted), "amount_overflow" when
    /// the amount does not fit. Errors have no field; callers add it.
    static Result<Money> parse(std::string_view decimal, Currency currency);

    std::int64_t minor() const { return m_minor; }
    const Currency& currency() const { return m_currency; }

    /// Sum; Invalid "currency_mismatch" or "amount_overflow" on failure.
    Result<Money> plus(const Money& other) const;
    /// Difference; Invalid "currency_mismatch" or "amount_overflow" on failure.
    Result<Money> minus(const Money& other) const;
    /// Product with an integer; Invalid "amount_overflow" on failure.
    Result<Money> times(std::int64_t factor) const;

    bool isNegative() const { return m_minor < 0; }
    bool isZero() const { return m_minor == 0; }

    /// Exactly minorDigits fraction digits: "12.34", "-0.05", "1200" (JPY), "1.500" (KWD).
    std::string toDecimalString() const;

    friend bool operator==(const Money& a, const Money& b)
    {
        return a.m_minor == b.m_minor && a.m_currency == b.m_currency;
    }

private:
    Money(std::int64_t minor, Currency currency)
        : m_minor(minor)
        , m_currency(std::move(currency))
    { }

    std::int64_t m_minor = 0;
    Currency m_currency;
};

} // namespace tosserp::domain
