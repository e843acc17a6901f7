#pragma once

#include "domain/category.h"
#include "domain/location.h"
#include "domain/movement.h"
#include "domain/product.h"
#include "domain/reorder.h"
#include "domain/reservation.h"
#include "domain/serialization.h"
#include "domain/warehouse.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tosserp::domain {

// Domain events: one plain struct per accepted change, recorded after the change is
// stored (ids assigned). Handle them with std::visit over StockEvent.

/// A product was created; `product` carries its stored id.
struct ProductCreated {
    Product product;
};
/// A product changed: `changed` as returned by Product::apply, `values` the new values of
/// those fields (productFieldsToJson), `version` the version after the change.
struct ProductUpdated {
    std::int64_t productId = 0;
    std::vector<std::string> changed;
    nlohmann::json values = nlohmann::json::object();
    std::int64_t version = 0;
};
struct ProductDeleted {
    std::int64_t productId = 0;
    std::string sku;
};
struct CategoryCreated {
    Category category;
};
/// `category` is the state after the change; `changed` names the fields ("name", "parent_id").
struct CategoryUpdated {
    Category category;
    std::vector<std::string> changed;
};
struct CategoryDeleted {
    std::int64_t categoryId = 0;
    std::string name;
};
struct WarehouseCreated {
    Warehouse warehouse;
};
struct WarehouseUpdated {
    Warehouse warehouse;
    std::vector<std::string> changed;
};
struct LocationCreated {
    Location location;
};
struct LocationUpdated {
    Location location;
    std::vector<std::string> changed;
};
/// Stock moved; part of the product's stream so its history shows its movements.
struct StockMoved {
    StockMovement movement;
};
struct ReservationCreated {
    Reservation reservation;
};
struct ReservationReleased {
    std::int64_t reservationId = 0;
    std::int64_t productId = 0;
    std::int64_t warehouseId = 0;
};
struct ReservationConsumed {
    std::int64_t reservationId = 0;
    std::int64_t productId = 0;
    std::int64_t warehouseId = 0;
};
/// A reorder point was set or replaced; part of the product's stream.
struct ReorderPointSet {
    ReorderPoint point;
};

using StockEvent = std::variant<ProductCreated, ProductUpdated, ProductDeleted, CategoryCreated, CategoryUpdated,
    CategoryDeleted, WarehouseCreated, WarehouseUpdated, LocationCreated, LocationUpdated, StockMoved,
    ReservationCreated, ReservationReleased, ReservationConsumed, ReorderPointSet>;

/// The struct's name: "ProductCreated", "StockMoved", ...
std::string_view eventType(const StockEvent& event);

/// The aggregate stream the event belongs to: "product-42" (product events, StockMoved
/// and ReorderPointSet, by product id), "category-3", "warehouse-1", "location-5",
/// "reservation-7".
std::string streamId(const StockEvent& event);

/// The event's data as a JSON object with snake_case keys:
/// ProductCreated → productToJson; ProductUpdated → {product_id, changed, values, version};
/// ProductDeleted → {product_id, sku}; Category{Created,Updated} → categoryToJson (+changed);
/// CategoryDeleted → {category_id, name}; Warehouse* → warehouseToJson (+changed);
/// Location* → locationToJson (+changed); StockMoved → movementToJson;
/// ReservationCreated → reservationToJson; Reservation{Released,Consumed} →
/// {reservation_id, product_id, warehouse_id}; ReorderPointSet → reorderPointToJson.
nlohmann::json eventPayload(const StockEvent& event);

/// Builds the ProductUpdated event for `after` (the product once apply() succeeded).
ProductUpdated productUpdated(const Product& after, std::vector<std::string> changed);

} // namespace tosserp::domain
