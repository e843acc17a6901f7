#pragma once

#include "server/http/router.h"
#include "server/stock/catalog_service.h"
#include "server/stock/inventory_service.h"
#include "server/stock/warehouse_service.h"

namespace tosserp::stock {

/// A movement as the API shows it: the domain's shape with `occurred_at` as ISO 8601 UTC.
nlohmann::json movementJson(const domain::StockMovement& movement);

/// The editable fields of a product (sku, name, description, category_id, unit, price,
/// barcodes, active), as PATCH /api/v1/products/{id} and the sync UpdateProduct command both
/// take them. Throws ApiError 400 naming each unknown field ("unknown_field") and each wrong
/// type ("invalid_type"), with `prefix` before the field names.
domain::ProductPatch productPatchFromJson(const nlohmann::json& fields, const std::string& prefix = {});

/// The Stock service's REST routes under /api/v1: categories, products, warehouses,
/// locations, stock movements, levels, reservations and reorder points. Handlers only parse
/// and serialise; the services decide.
void registerCatalogRoutes(http::Router& router, CatalogService& catalog, InventoryService& inventory);
void registerInventoryRoutes(http::Router& router, WarehouseService& warehouses, InventoryService& inventory);

} // namespace tosserp::stock
