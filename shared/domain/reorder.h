#pragma once

#include "domain/quantity.h"
#include "domain/result.h"

#include <cstdint>

namespace tosserp::domain {

/// Replenishment rule for one product in one warehouse: when available stock drops below
/// minQuantity, order reorderQuantity.
struct ReorderPoint {
    std::int64_t productId = 0;
    std::int64_t warehouseId = 0;
    Quantity minQuantity;
    Quantity reorderQuantity;

    /// Validates: product and warehouse ids positive ("invalid_product_id" /
    /// "invalid_warehouse_id"), min ≥ 0 (Invalid "invalid_min_quantity", field
    /// "min_quantity"), reorder > 0 ("invalid_reorder_quantity", field
    /// "reorder_quantity"), both in the same unit ("unit_mismatch", field "reorder_quantity").
    static Result<ReorderPoint> create(
        std::int64_t productId, std::int64_t warehouseId, Quantity minQuantity, Quantity reorderQuantity);

    /// True when `availableMilli` (thousandths of the unit) is strictly below the minimum.
    bool isBelow(std::int64_t availableMilli) const { return availableMilli < minQuantity.milli(); }

    friend bool operator==(const ReorderPoint&, const ReorderPoint&) = default;
};

} // namespace tosserp::domain
