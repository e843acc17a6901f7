#pragma once

#include "server/http/router.h"
#include "server/stock/catalog_service.h"
#include "server/stock/inventory_service.h"
#include "server/stock/warehouse_service.h"

namespace tosserp::stock {

/// The Stock service's REST routes under /api/v1: categories, products, warehouses,
/// locations, stock movements, levels, reservations and reorder points. Handlers only parse
/// and serialise; the services decide.
/// A movement as the API shows it: the domain's shape with `occurred_at` as ISO 8601 UTC.
nlohmann::json movementJson(const domain::StockMovement& movement);

void registerCatalogRoutes(http::Router& router, CatalogService& catalog, InventoryService& inventory);
void registerInventoryRoutes(http::Router& router, WarehouseService& warehouses, InventoryService& inventory);

} // namespace tosserp::stock
