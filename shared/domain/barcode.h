#pragma once

#include "domain/result.h"

#include <string>
#include <string_view>

namespace tosserp::domain {

/// The encoding of a barcode. GS1 codes carry a check digit; Internal codes are the
/// shop's own free-form labels.
enum class Symbology { Ean13, Ean8, UpcA, Internal };

/// "ean13", "ean8", "upca" or "internal".
std::string_view symbologyName(Symbology symbology);

/// A barcode attached to a product. Immutable; obtained through parse().
class Barcode {
public:
    static constexpr std::size_t kMaxLength = 64;

    /// Trims, then classifies: all-digit input of length 13, 8 or 12 is EAN-13, EAN-8 or
    /// UPC-A and must carry a valid GS1 check digit (Invalid "invalid_barcode_check_digit").
    /// Anything else is an Internal code of 1..64 printable ASCII characters without
    /// spaces (Invalid "invalid_barcode"). Errors have field "barcode"; callers may
    /// replace it (e.g. "barcodes[1]").
    static Result<Barcode> parse(std::string_view text);

    /// Appends the GS1 check digit to `digitsWithoutCheck` ("400638133393" ->
    /// "4006381333931"). Precondition: only digits; throws std::invalid_argument otherwise.
    static std::string withCheckDigit(std::string_view digitsWithoutCheck);

    const std::string& value() const { return m_value; }
    Symbology symbology() const { return m_symbology; }

    friend bool operator==(const Barcode& a, const Barcode& b) { return a.m_value == b.m_value; }

private:
    Barcode(std::string value, Symbology symbology)
        : m_value(std::move(value))
        , m_symbology(symbology)
    { }

    std::string m_value;
    Symbology m_symbology = Symbology::Internal;
};

} // namespace tosserp::domain
