#include "domain/currency.h"

#include <algorithm>
#include <array>

namespace tosserp::domain {
namespace {

struct CurrencyInfo {
    std::string_view code;
    int minorDigits;
};

constexpr std::array kCurrencies {
    CurrencyInfo { "AED", 2 },
    CurrencyInfo { "AUD", 2 },
    CurrencyInfo { "BHD", 3 },
    CurrencyInfo { "BRL", 2 },
    CurrencyInfo { "CAD", 2 },
    CurrencyInfo { "CHF", 2 },
    CurrencyInfo { "CNY", 2 },
    CurrencyInfo { "CZK", 2 },
    CurrencyInfo { "DKK", 2 },
    CurrencyInfo { "EGP", 2 },
    CurrencyInfo { "EUR", 2 },
    CurrencyInfo { "GBP", 2 },
    CurrencyInfo { "GHS", 2 },
    CurrencyInfo { "HKD", 2 },
    CurrencyInfo { "HUF", 2 },
    CurrencyInfo { "IDR", 2 },
    CurrencyInfo { "ILS", 2 },
    CurrencyInfo { "INR", 2 },
    CurrencyInfo { "ISK", 0 },
    CurrencyInfo { "JOD", 3 },
    CurrencyInfo { "JPY", 0 },
    CurrencyInfo { "KES", 2 },
    CurrencyInfo { "KRW", 0 },
    CurrencyInfo { "KWD", 3 },
    CurrencyInfo { "MAD", 2 },
    CurrencyInfo { "MXN", 2 },
    CurrencyInfo { "MYR", 2 },
    CurrencyInfo { "NGN", 2 },
    CurrencyInfo { "NOK", 2 },
    CurrencyInfo { "NZD", 2 },
    CurrencyInfo { "OMR", 3 },
    CurrencyInfo { "PHP", 2 },
    CurrencyInfo { "PLN", 2 },
    CurrencyInfo { "RON", 2 },
    CurrencyInfo { "RUB", 2 },
    CurrencyInfo { "SAR", 2 },
    CurrencyInfo { "SEK", 2 },
    CurrencyInfo { "SGD", 2 },
    CurrencyInfo { "THB", 2 },
    CurrencyInfo { "TND", 3 },
    CurrencyInfo { "TRY", 2 },
    CurrencyInfo { "TZS", 2 },
    CurrencyInfo { "UGX", 0 },
    CurrencyInfo { "USD", 2 },
    CurrencyInfo { "VND", 0 },
    CurrencyInfo { "XAF", 0 },
    CurrencyInfo { "XOF", 0 },
    CurrencyInfo { "ZAR", 2 },
};

} // namespace

Result<Currency> Currency::parse(std::string_view code)
{
    const auto it = std::find_if(
        kCurrencies.begin(), kCurrencies.end(), [code](const CurrencyInfo& info) { return info.code == code; });
    if (it == kCurrencies.end())
        return invalid("unknown_currency", "The currency is not a known ISO 4217 code such as EUR or USD.");
    return Currency(std::string(it->code), it->minorDigits);
}

std::vector<std::string> Currency::knownCodes()
{
    std::vector<std::string> codes;
    codes.reserve(kCurrencies.size());
    for (const auto& info : kCurrencies)
        codes.emplace_back(info.code);
    return codes;
}

} // namespace tosserp::domain
