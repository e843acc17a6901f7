#pragma once

#include "domain/category.h"
#include "domain/error.h"
#include "domain/location.h"
#include "domain/money.h"
#include "domain/movement.h"
#include "domain/product.h"
#include "domain/reorder.h"
#include "domain/reservation.h"
#include "domain/warehouse.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tosserp::domain {

// JSON shapes shared by the REST API, domain event payloads and sync. Keys are
// snake_case; money is {"amount": "12.34", "currency": "EUR"} (amount as an exact decimal
// string); quantities are numbers (quantityToJson) next to a "unit" key.

/// {"amount": "12.34", "currency": "EUR"}.
nlohmann::json moneyToJson(const Money& money);

/// {"id", "sku", "name", "description", "category_id" (null if none), "unit",
///  "price": {"amount", "currency"}, "barcodes": [{"code", "symbology"}], "active", "version"}.
nlohmann::json productToJson(const Product& product);

/// The productToJson values of just the `fields` named (as Product::apply reports them;
/// "price" gives the price object). Unknown names are skipped.
nlohmann::json productFieldsToJson(const Product& product, const std::vector<std::string>& fields);

/// {"id", "name", "parent_id" (null if none), "version"}.
nlohmann::json categoryToJson(const Category& category);

/// {"id", "code", "name", "active", "version"}.
nlohmann::json warehouseToJson(const Warehouse& warehouse);

/// {"id", "warehouse_id" (null if none), "code", "name", "kind", "active"}.
nlohmann::json locationToJson(const Location& location);

/// {"id", "kind", "product_id", "from_location_id", "to_location_id", "quantity", "unit",
///  "reason", "reference", "occurred_at_ms"}.
nlohmann::json movementToJson(const StockMovement& movement);

/// {"id", "product_id", "warehouse_id", "quantity", "unit", "reference", "state"}.
nlohmann::json reservationToJson(const Reservation& reservation);

/// {"product_id", "warehouse_id", "min_quantity", "reorder_quantity", "unit"}.
nlohmann::json reorderPointToJson(const ReorderPoint& point);

/// {"kind", "code", "message", "field"} ("field" omitted when empty).
nlohmann::json errorToJson(const Error& error);

} // namespace tosserp::domain
