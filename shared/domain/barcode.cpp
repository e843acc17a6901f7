#include "domain/barcode.h"

#include "domain/text.h"

#include <stdexcept>

namespace tosserp::domain {
namespace {

bool allDigits(std::string_view s)
{
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// GS1 mod-10: weights 3,1,3,1... from the rightmost data digit.
char checkDigitFor(std::string_view digits)
{
    int sum = 0;
    int weight = 3;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

} // namespace

std::string_view symbologyName(Symbology symbology)
{
    switch (symbology) {
    case Symbology::Ean13:
        return "ean13";
    case Symbology::Ean8:
        return "ean8";
    case Symbology::UpcA:
        return "upca";
    case Symbology::Internal:
        return "internal";
    }
    return "internal";
}

Result<Barcode> Barcode::parse(std::string_view text)
{
    const auto value = trimView(text);
    if (allDigits(value) && (value.size() == 13 || value.size() == 8 || value.size() == 12)) {
        const auto symbology
            = value.size() == 13 ? Symbology::Ean13 : (value.size() == 8 ? Symbology::Ean8 : Symbology::UpcA);
        if (checkDigitFor(value.substr(0, value.size() - 1)) != value.back()) {
            return invalid("invalid_barcode_check_digit",
                "The " + std::string(symbologyName(symbology)) + " barcode has a wrong check digit.", "barcode");
        }
        return Barcode(std::string(value), symbology);
    }
    if (value.empty() || value.size() > kMaxLength)
        return invalid("invalid_barcode", "A barcode has 1 to 64 characters.", "barcode");
    for (char c : value) {
        if (c < 0x21 || c > 0x7E)
            return invalid(
                "invalid_barcode", "A barcode may contain only printable ASCII characters without spaces.", "barcode");
    }
    return Barcode(std::string(value), Symbology::Internal);
}

std::string Barcode::withCheckDigit(std::string_view digitsWithoutCheck)
{
    if (digitsWithoutCheck.empty() || !allDigits(digitsWithoutCheck))
        throw std::invalid_argument("withCheckDigit needs digits only");
    std::string out(digitsWithoutCheck);
    out += checkDigitFor(digitsWithoutCheck);
    return out;
}

} // namespace tosserp::domain
