#include "domain/reorder.h"

namespace tosserp::domain {

Result<ReorderPoint> ReorderPoint::create(
    std::int64_t productId, std::int64_t warehouseId, Quantity minQuantity, Quantity reorderQuantity)
{
    if (productId <= 0)
        return invalid("invalid_product_id", "The product id must be positive.", "product_id");
    if (warehouseId <= 0)
        return invalid("invalid_warehouse_id", "The warehouse id must be positive.", "warehouse_id");
    if (minQuantity.isNegative())
        return invalid("invalid_min_quantity", "The minimum quantity cannot be negative.", "min_quantity");
    if (!reorderQuantity.isPositive())
        return invalid("invalid_reorder_quantity", "The reorder quantity must be positive.", "reorder_quantity");
    if (!(minQuantity.unit() == reorderQuantity.unit()))
        return invalid(
            "unit_mismatch", "The minimum and reorder quantities must use the same unit.", "reorder_quantity");
    ReorderPoint point;
    point.productId = productId;
    point.warehouseId = warehouseId;
    point.minQuantity = std::move(minQuantity);
    point.reorderQuantity = std::move(reorderQuantity);
    return point;
}

} // namespace tosserp::domain
