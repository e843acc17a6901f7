#include "domain/quantity.h"

#include "domain/checked_math.h"
#include "domain/decimal.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace tosserp::domain {
namespace {

struct UnitInfo {
    std::string_view code;
    int decimals;
};

constexpr std::array kUnits {
    UnitInfo { "pcs", 0 },
    UnitInfo { "box", 0 },
    UnitInfo { "pack", 0 },
    UnitInfo { "kg", 3 },
    UnitInfo { "g", 0 },
    UnitInfo { "l", 3 },
    UnitInfo { "ml", 0 },
    UnitInfo { "m", 3 },
    UnitInfo { "cm", 0 },
};

// Largest magnitude accepted from a double, in milli: well inside the 2^53 range where
// doubles still hold every integer exactly.
constexpr double kMaxDoubleMilli = 9e15;

std::int64_t stepFor(const Unit& unit)
{
    std::int64_t step = 1;
    for (int i = unit.decimals(); i < 3; ++i)
        step *= 10;
    return step;
}

Error mismatch(const Unit& a, const Unit& b)
{
    return invalid("unit_mismatch", "Cannot combine quantities in " + a.code() + " and " + b.code() + ".");
}

Error overflow()
{
    return invalid("quantity_overflow", "The quantity is too large.", "quantity");
}

} // namespace

Unit::Unit()
    : m_code("pcs")
    , m_decimals(0)
{ }

Result<Unit> Unit::parse(std::string_view code)
{
    const auto it
        = std::find_if(kUnits.begin(), kUnits.end(), [code](const UnitInfo& info) { return info.code == code; });
    if (it == kUnits.end())
        return invalid("unknown_unit", "The unit is not one of pcs, box, pack, kg, g, l, ml, m, cm.", "unit");
    return Unit(std::string(it->code), it->decimals);
}

std::vector<std::string> Unit::knownCodes()
{
    std::vector<std::string> codes;
    for (const auto& info : kUnits)
        codes.emplace_back(info.code);
    return codes;
}

Result<Quantity> Quantity::fromMilli(std::int64_t milli, Unit unit)
{
    if (milli == std::numeric_limits<std::int64_t>::min())
        return invalid("invalid_quantity", "The quantity is out of range.", "quantity");
    if (milli % stepFor(unit) != 0) {
        return invalid("invalid_quantity_precision",
            "Quantities in " + unit.code() + " have at most " + std::to_string(unit.decimals()) + " decimal places.",
            "quantity");
    }
    return Quantity(milli, std::move(unit));
}

Result<Quantity> Quantity::parse(std::string_view decimal, Unit unit)
{
    const auto parsed = parseScaledDecimal(decimal, 3);
    if (const auto* milli = std::get_if<std::int64_t>(&parsed))
        return fromMilli(*milli, std::move(unit));
    if (std::get<DecimalError>(parsed) == DecimalError::Precision) {
        return invalid("invalid_quantity_precision",
            "Quantities in " + unit.code() + " have at most " + std::to_string(unit.decimals()) + " decimal places.",
            "quantity");
    }
    return invalid("invalid_quantity", "The quantity must be a plain decimal number such as 1.5.", "quantity");
}

Result<Quantity> Quantity::fromDouble(double value, Unit unit)
{
    if (!std::isfinite(value))
        return invalid("invalid_quantity", "The quantity must be a finite number.", "quantity");
    const double scaled = value * 1000.0;
    if (std::fabs(scaled) > kMaxDoubleMilli)
        return invalid("invalid_quantity", "The quantity is out of range.", "quantity");
    const double rounded = std::nearbyint(scaled);
    // Accept binary noise such as 0.30000000000000004, refuse a real sub-milli part.
    const double tolerance = std::max(std::fabs(scaled) * 1e-9, 1e-9);
    if (std::fabs(scaled - rounded) > tolerance) {
        return invalid("invalid_quantity_precision",
            "Quantities in " + unit.code() + " have at most " + std::to_string(unit.decimals()) + " decimal places.",
            "quantity");
    }
    return fromMilli(static_cast<std::int64_t>(rounded), std::move(unit));
}

Result<Quantity> Quantity::plus(const Quantity& other) const
{
    if (!(m_unit == other.m_unit))
        return mismatch(m_unit, other.m_unit);
    const auto sum = checkedAdd(m_milli, other.m_milli);
    if (!sum || *sum == std::numeric_limits<std::int64_t>::min())
        return overflow();
    return Quantity(*sum, m_unit);
}

Result<Quantity> Quantity::minus(const Quantity& other) const
{
    if (!(m_unit == other.m_unit))
        return mismatch(m_unit, other.m_unit);
    const auto difference = checkedSub(m_milli, other.m_milli);
    if (!difference || *difference == std::numeric_limits<std::int64_t>::min())
        return overflow();
    return Quantity(*difference, m_unit);
}

double Quantity::toDouble() const
{
    return static_cast<double>(m_milli) / 1000.0;
}

std::string Quantity::toDecimalString() const
{
    return formatScaledDecimal(m_milli, 3, true);
}

nlohmann::json quantityToJson(const Quantity& quantity)
{
    if (quantity.milli() % 1000 == 0)
        return quantity.milli() / 1000;
    return quantity.toDouble();
}

} // namespace tosserp::domain
