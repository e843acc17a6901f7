#pragma once

#include "domain/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::domain {

/// A unit of measure the product knows, with how many decimals a quantity in it may
/// have: pcs, box, pack, g, ml, cm (0); kg, l, m (3). Default-constructed it is "pcs".
class Unit {
public:
    Unit();

    /// Accepts a known lower-case unit code; Invalid "unknown_unit" (field "unit") otherwise.
    static Result<Unit> parse(std::string_view code);

    /// All known unit codes.
    static std::vector<std::string> knownCodes();

    const std::string& code() const { return m_code; }
    int decimals() const { return m_decimals; }

    friend bool operator==(const Unit& a, const Unit& b) { return a.m_code == b.m_code; }

private:
    Unit(std::string code, int decimals)
        : m_code(std::move(code))
        , m_decimals(decimals)
    { }

    std::string m_code;
    int m_decimals = 0;
};

/// An exact quantity of one unit, stored as thousandths ("milli") of the unit and never
/// finer than the unit allows (whole pieces, grams of a kg). May be negative (differences,
/// balances); movements check positivity themselves. Default-constructed it is 0 pcs.
class Quantity {
public:
    Quantity() = default;

    /// `milli` thousandths of `unit`. Invalid "invalid_quantity_precision" (field "quantity")
    /// when finer than the unit allows (1500 milli pcs), "invalid_quantity" for INT64_MIN.
    static Result<Quantity> fromMilli(std::int64_t milli, Unit unit);
    /// Reads a plain decimal ("3", "1.5", "-0.25"; same grammar as Money::parse). Invalid
    /// "invalid_quantity" for bad syntax or overflow, "invalid_quantity_precision" for
    /// digits finer than the unit (trailing zeros are fine: "2.000" pcs is 2).
    static Result<Quantity> parse(std::string_view decimal, Unit unit);
    /// From a JSON-style double: NaN, infinities and magnitudes beyond 9e12 units are
    /// "invalid_quantity"; the value is rounded to the nearest milli, tolerating 1e-9
    /// relative noise (0.1 + 0.2 is 0.3), and anything finer than the unit allows is
    /// "invalid_quantity_precision".
    static Result<Quantity> fromDouble(double value, Unit unit);

    std::int64_t milli() const { return m_milli; }
    const Unit& unit() const { return m_unit; }
    bool isPositive() const { return m_milli > 0; }
    bool isZero() const { return m_milli == 0; }
    bool isNegative() const { return m_milli < 0; }

    /// Sum; Invalid "unit_mismatch" or "quantity_overflow" on failure.
    Result<Quantity> plus(const Quantity& other) const;
    /// Difference; Invalid "unit_mismatch" or "quantity_overflow" on failure.
    Result<Quantity> minus(const Quantity& other) const;
    /// The same amount with the opposite sign.
    Quantity negated() const { return Quantity(-m_milli, m_unit); }
    /// Same amount, positive.
    Quantity abs() const { return m_milli < 0 ? negated() : *this; }

    double toDouble() const;
    /// Shortest exact decimal: "3", "1.5", "-0.25".
    std::string toDecimalString() const;

    friend bool operator==(const Quantity& a, const Quantity& b)
    {
        return a.m_milli == b.m_milli && a.m_unit == b.m_unit;
    }

private:
    Quantity(std::int64_t milli, Unit unit)
        : m_milli(milli)
        , m_unit(std::move(unit))
    { }

    std::int64_t m_milli = 0;
    Unit m_unit;
};

/// JSON number for a quantity: an integer when it is whole (3), else a double (1.5).
/// The unit is not included.
nlohmann::json quantityToJson(const Quantity& quantity);

} // namespace tosserp::domain
