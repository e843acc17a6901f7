#pragma once

#include "server/stock/catalog_service.h"
#include "server/stock/inventory_service.h"
#include "server/stock/warehouse_service.h"

namespace tosserp::stock {

/// What the demo seed created.
struct DemoSummary {
    int warehouses = 0;
    int locations = 0;
    int categories = 0;
    int products = 0;
    int movements = 0;
};

/// Seeds a small demo company — two warehouses with shelf locations, a few categories,
/// about 200 products with valid EAN-13 barcodes, reorder points and some receipts,
/// transfers and shipments — through the services, so every row has its events. Does
/// nothing (returns an empty summary) when any product or warehouse exists already.
/// Deterministic: the same data on every fresh directory.
DemoSummary seedDemoCompany(CatalogService& catalog, WarehouseService& warehouses, InventoryService& inventory);

} // namespace tosserp::stock
