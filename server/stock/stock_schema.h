#pragma once

#include "server/db/database.h"

#include <vector>

namespace tosserp::stock {

/// Ids of the virtual locations every stock database holds (created by the first migration):
/// the other side of receipts, shipments, adjustments and two-step transfers.
inline constexpr std::int64_t kSupplierLocationId = 1;
inline constexpr std::int64_t kCustomerLocationId = 2;
inline constexpr std::int64_t kAdjustmentLocationId = 3;
inline constexpr std::int64_t kTransitLocationId = 4;

/// The Stock domain's versioned migrations, applied in order at start.
const std::vector<db::Migration>& stockMigrations();

} // namespace tosserp::stock
