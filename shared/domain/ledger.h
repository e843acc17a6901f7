#pragma once

#include "domain/location.h"
#include "domain/movement.h"
#include "domain/result.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace tosserp::domain {

/// The balance of one product at one location, in thousandths of the product's unit.
struct LedgerBalance {
    std::int64_t productId = 0;
    std::int64_t locationId = 0;
    std::int64_t milli = 0;

    friend bool operator==(const LedgerBalance&, const LedgerBalance&) = default;
};

/// In-memory double-entry stock ledger: the reference model for on-hand quantities.
/// Every applied movement subtracts from one location and adds the same amount to
/// another, so for each product the sum over all locations is always zero; virtual
/// locations (supplier, customer, adjustment, transit) carry the negative side.
/// On-hand is always derived from movements. Not thread-safe.
class StockLedger {
public:
    /// Books `movement`. `fromKind` is the kind of the source location: when it is
    /// Internal and the movement would take it below zero, the movement is refused with
    /// Unprocessable "insufficient_stock" (field "quantity") unless `allowNegativeInternal`.
    /// A non-positive quantity is Invalid "invalid_quantity"; a balance leaving the 64-bit
    /// range is Invalid "quantity_overflow". On any error nothing changes.
    Result<void> apply(const StockMovement& movement, bool allowNegativeInternal, LocationKind fromKind);

    /// Balance of `productId` at `locationId`; 0 when never touched.
    std::int64_t balanceMilli(std::int64_t productId, std::int64_t locationId) const;
    /// Sum of the product's balances over all locations; 0 by construction.
    std::int64_t totalMilli(std::int64_t productId) const;
    /// All non-zero balances, ordered by product id then location id.
    std::vector<LedgerBalance> balances() const;
    /// Number of movements applied so far.
    std::size_t movementCount() const { return m_movementCount; }

private:
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> m_balances;
    std::size_t m_movementCount = 0;
};

} // namespace tosserp::domain
