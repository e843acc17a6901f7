#include "domain/money.h"

#include "domain/checked_math.h"
#include "domain/decimal.h"

namespace tosserp::domain {
namespace {

Error overflow()
{
    return invalid("amount_overflow", "The amount is too large.");
}

Error mismatch(const Currency& a, const Currency& b)
{
    return invalid("currency_mismatch", "Cannot combine amounts in " + a.code() + " and " + b.code() + ".");
}

} // namespace

Money Money::of(std::int64_t minor, Currency currency)
{
    return Money(minor, std::move(currency));
}

Result<Money> Money::parse(std::string_view decimal, Currency currency)
{
    const auto parsed = parseScaledDecimal(decimal, currency.minorDigits());
    if (const auto* value = std::get_if<std::int64_t>(&parsed))
        return Money(*value, std::move(currency));
    switch (std::get<DecimalError>(parsed)) {
    case DecimalError::Precision:
        return invalid("invalid_amount_precision",
            currency.code() + " amounts have at most " + std::to_string(currency.minorDigits()) + " decimal places.");
    case DecimalError::Overflow:
        return overflow();
    case DecimalError::Syntax:
        break;
    }
    return invalid("invalid_amount", "The amount must be a plain decimal number such as 12.34.");
}

Result<Money> Money::plus(const Money& other) const
{
    if (!(m_currency == other.m_currency))
        return mismatch(m_currency, other.m_currency);
    const auto sum = checkedAdd(m_minor, other.m_minor);
    if (!sum)
        return overflow();
    return Money(*sum, m_currency);
}

Result<Money> Money::minus(const Money& other) const
{
    if (!(m_currency == other.m_currency))
        return mismatch(m_currency, other.m_currency);
    const auto difference = checkedSub(m_minor, other.m_minor);
    if (!difference)
        return overflow();
    return Money(*difference, m_currency);
}

Result<Money> Money::times(std::int64_t factor) const
{
    const auto product = checkedMul(m_minor, factor);
    if (!product)
        return overflow();
    return Money(*product, m_currency);
}

std::string Money::toDecimalString() const
{
    return formatScaledDecimal(m_minor, m_currency.minorDigits(), false);
}

} // namespace tosserp::domain
