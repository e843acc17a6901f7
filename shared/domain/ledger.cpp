#include "domain/ledger.h"

#include "domain/checked_math.h"
#include "domain/decimal.h"

#include <limits>

namespace tosserp::domain {

Result<void> StockLedger::apply(const StockMovement& movement, bool allowNegativeInternal, LocationKind fromKind)
{
    const auto amount = movement.quantity.milli();
    if (amount <= 0)
        return invalid("invalid_quantity", "A movement moves a positive quantity.", "quantity");
    const auto fromBefore = balanceMilli(movement.productId, movement.fromLocationId);
    const auto toBefore = balanceMilli(movement.productId, movement.toLocationId);
    const auto fromAfter = checkedSub(fromBefore, amount);
    const auto toAfter = checkedAdd(toBefore, amount);
    if (!fromAfter || !toAfter)
        return invalid("quantity_overflow", "The resulting balance is too large.", "quantity");
    if (fromKind == LocationKind::Internal && !allowNegativeInternal && *fromAfter < 0) {
        const auto& unit = movement.quantity.unit().code();
        return unprocessable("insufficient_stock",
            "Only " + formatScaledDecimal(fromBefore, 3, true) + " " + unit + " on hand at location "
                + std::to_string(movement.fromLocationId) + ", " + movement.quantity.toDecimalString() + " " + unit
                + " requested.",
            "quantity");
    }
    m_balances[{ movement.productId, movement.fromLocationId }] = *fromAfter;
    m_balances[{ movement.productId, movement.toLocationId }] = *toAfter;
    ++m_movementCount;
    return {};
}

std::int64_t StockLedger::balanceMilli(std::int64_t productId, std::int64_t locationId) const
{
    const auto it = m_balances.find({ productId, locationId });
    return it == m_balances.end() ? 0 : it->second;
}

std::int64_t StockLedger::totalMilli(std::int64_t productId) const
{
    // Summed modulo 2^64 so partial sums cannot overflow; a zero-sum set still totals 0.
    std::int64_t total = 0;
    for (auto it = m_balances.lower_bound({ productId, std::numeric_limits<std::int64_t>::min() });
         it != m_balances.end() && it->first.first == productId; ++it) {
        total = static_cast<std::int64_t>(static_cast<std::uint64_t>(total) + static_cast<std::uint64_t>(it->second));
    }
    return total;
}

std::vector<LedgerBalance> StockLedger::balances() const
{
    std::vector<LedgerBalance> out;
    for (const auto& [key, milli] : m_balances) {
        if (milli != 0)
            out.push_back(LedgerBalance { key.first, key.second, milli });
    }
    return out;
}

} // namespace tosserp::domain
