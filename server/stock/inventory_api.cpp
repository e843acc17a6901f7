#include "server/stock/stock_api.h"

#include "domain/quantity.h"
#include "domain/security.h"
#include "domain/serialization.h"
#include "server/core/ids.h"
#include "server/http/api.h"

namespace tosserp::stock {

using namespace tosserp::http;

namespace {

/// Refuses (403) a warehouse outside the caller's scope.
void requireScope(const Request& request, std::int64_t warehouseId, std::string_view field)
{
    unwrap(domain::checkWarehouseScope(*request.principal, warehouseId, field));
}

/// Refuses (403) a location in a warehouse outside the caller's scope; virtual locations are
/// everybody's.
void requireLocationScope(const Request& request, const domain::Location& location)
{
    if (location.warehouseId) {
        requireScope(request, *location.warehouseId, "id");
    }
}

nlohmann::json milliJson(std::int64_t milli, const std::string& unitCode)
{
    const auto unit = domain::Unit::parse(unitCode).value();
    return domain::quantityToJson(domain::Quantity::fromMilli(milli, unit).value());
}

MovementInput readMovement(const nlohmann::json& json, const std::string& prefix, std::vector<FieldError>& errors)
{
    JsonReader body(json,
        { "kind", "product_id", "sku", "quantity", "from_location_id", "to_location_id", "location_id", "reason",
            "reference", "snapshot_quantity" },
        prefix);
    MovementInput input;
    input.kind = body.requiredString("kind");
    input.productId = body.optionalInt("product_id");
    input.sku = body.optionalString("sku");
    input.quantity = body.requiredDecimal("quantity");
    input.fromLocationId = body.optionalInt("from_location_id");
    input.toLocationId = body.optionalInt("to_location_id");
    input.locationId = body.optionalInt("location_id");
    input.reason = body.optionalString("reason").value_or("");
    input.reference = body.optionalString("reference").value_or("");
    input.snapshotQuantity = body.optionalDecimal("snapshot_quantity");
    for (auto& e : body.takeErrors()) {
        errors.push_back(std::move(e));
    }
    return input;
}

Response recordMovements(InventoryService& inventory, Request& request)
{
    const auto json = parseJsonBody(request);
    std::vector<MovementInput> inputs;
    std::vector<FieldError> errors;
    // A single movement object, or {"movements": [...]} for a batch.
    const bool batch = json.is_object() && json.contains("movements");
    if (batch) {
        JsonReader body(json, { "movements" });
        const auto* list = body.optionalArray("movements");
        errors = body.takeErrors();
        if (list) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                inputs.push_back(readMovement((*list)[i], "movements[" + std::to_string(i) + "]", errors));
            }
        }
    } else {
        inputs.push_back(readMovement(json, "", errors));
    }
    throwIfErrors(std::move(errors));

    const auto key = idempotencyKey(request);
    auto result = inventory.recordMovements(inputs, key, eventContext(request), &*request.principal);
    if (!result.ok() && !batch) {
        // A single movement reports its fields without the batch prefix.
        auto error = result.error();
        if (error.field.rfind("movements[0].", 0) == 0) {
            error.field = error.field.substr(13);
        } else if (error.field == "movements[0]") {
            error.field.clear();
        }
        throw fromDomain(error);
    }
    const auto recorded = unwrap(std::move(result));
    auto items = nlohmann::json::array();
    for (const auto& outcome : recorded.outcomes) {
        if (outcome.movement) {
            items.push_back(movementJson(*outcome.movement));
        } else {
            items.push_back({ { "id", nullptr }, { "kind", outcome.kind }, { "product_id", outcome.productId },
                { "location_id", outcome.locationId }, { "quantity", 0 }, { "unit", outcome.unit } });
        }
    }
    auto response = Response::json(201, { { "movements", std::move(items) } });
    if (recorded.replayed) {
        response.withHeader("Idempotent-Replayed", "true");
    }
    return response;
}

Response listMovements(InventoryService& inventory, Request& request)
{
    MovementQuery query;
    query.productId = queryId(request, "product_id");
    query.locationId = queryId(request, "location_id");
    query.limit = pageLimit(request, 100, 1000);
    query.afterId = cursorKey(request);
    query.warehouses = request.principal->warehouses;
    const auto page = inventory.movements(query);
    auto items = nlohmann::json::array();
    for (const auto& movement : page.items) {
        items.push_back(movementJson(movement));
    }
    return Response::json(200, pageJson(std::move(items), page.nextCursor));
}

Response listLevels(InventoryService& inventory, Request& request)
{
    LevelQuery query;
    query.productId = queryId(request, "product_id");
    query.warehouseId = queryId(request, "warehouse_id");
    query.belowReorder = queryBool(request, "below_reorder").value_or(false);
    query.locationId = queryId(request, "location_id");
    // A location filter lists per location unless the caller asked otherwise.
    const auto groupBy = request.queryParam("group_by").value_or(query.locationId ? "location" : "warehouse");
    if (groupBy != "warehouse" && groupBy != "location") {
        throw ApiError(400, "invalid_query", "group_by is warehouse or location.",
            { { "group_by", "invalid_value", "Expected warehouse or location." } });
    }
    query.byLocation = groupBy == "location";
    if (query.locationId && !query.byLocation) {
        throw ApiError(400, "invalid_query", "A location filter lists per location: use group_by=location.",
            { { "location_id", "unsupported_combination", "Not available with group_by=warehouse." } });
    }
    if (query.byLocation && query.belowReorder) {
        throw ApiError(400, "invalid_query", "Reorder points are per warehouse: use below_reorder without group_by.",
            { { "below_reorder", "unsupported_combination", "Not available with group_by=location." } });
    }
    query.limit = pageLimit(request, 100, 1000);
    std::tie(query.afterProduct, query.afterPlace) = cursorPair(request);
    query.warehouses = request.principal->warehouses;
    const auto page = inventory.levels(query);
    auto items = nlohmann::json::array();
    for (const auto& level : page.items) {
        nlohmann::json item = {
            { "product_id", level.productId },
            { "sku", level.sku },
            { "name", level.name },
            { "unit", level.unit },
            { "warehouse_id", level.warehouseId },
            { "on_hand", milliJson(level.onHandMilli, level.unit) },
        };
        if (level.locationId) {
            item["location_id"] = *level.locationId;
        } else {
            item["reserved"] = milliJson(level.reservedMilli, level.unit);
            item["available"] = milliJson(level.onHandMilli - level.reservedMilli, level.unit);
            item["reorder_min"]
                = level.reorderMinMilli ? milliJson(*level.reorderMinMilli, level.unit) : nlohmann::json();
            item["below_reorder"]
                = level.reorderMinMilli.has_value() && level.onHandMilli - level.reservedMilli < *level.reorderMinMilli;
        }
        items.push_back(std::move(item));
    }
    return Response::json(200, pageJson(std::move(items), page.nextCursor));
}

Response createReservation(InventoryService& inventory, Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "product_id", "warehouse_id", "quantity", "reference" });
    const auto productId = body.requiredInt("product_id");
    const auto warehouseId = body.requiredInt("warehouse_id");
    const auto quantity = body.requiredDecimal("quantity");
    const auto reference = body.requiredString("reference");
    body.finish();
    requireScope(request, warehouseId, "warehouse_id");
    const auto reservation
        = unwrap(inventory.reserve(productId, warehouseId, quantity, reference, eventContext(request)));
    return Response::json(201, domain::reservationToJson(reservation))
        .withHeader("Location", "/api/v1/stock/reservations/" + std::to_string(reservation.id));
}

Response setReorderPoint(InventoryService& inventory, Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "product_id", "warehouse_id", "min_quantity", "reorder_quantity" });
    const auto productId = body.requiredInt("product_id");
    const auto warehouseId = body.requiredInt("warehouse_id");
    const auto min = body.requiredDecimal("min_quantity");
    const auto reorder = body.requiredDecimal("reorder_quantity");
    body.finish();
    requireScope(request, warehouseId, "warehouse_id");
    const auto point = unwrap(inventory.setReorderPoint(productId, warehouseId, min, reorder, eventContext(request)));
    return Response::json(200, domain::reorderPointToJson(point));
}

Response createWarehouse(WarehouseService& warehouses, Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "code", "name" });
    const auto code = body.requiredString("code");
    const auto name = body.requiredString("name");
    body.finish();
    if (request.principal->warehouses) {
        throw ApiError(403, "warehouse_out_of_scope", "You work in some warehouses only and cannot create new ones.");
    }
    const auto warehouse = unwrap(warehouses.createWarehouse(code, name, eventContext(request)));
    return Response::json(201, domain::warehouseToJson(warehouse))
        .withHeader("ETag", etag(warehouse.version))
        .withHeader("Location", "/api/v1/warehouses/" + std::to_string(warehouse.id));
}

Response updateWarehouse(WarehouseService& warehouses, Request& request)
{
    const auto id = pathId(request);
    const auto expected = ifMatchVersion(request);
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "name", "active" });
    const auto name = body.optionalString("name");
    const auto active = body.optionalBool("active");
    body.finish();
    requireScope(request, id, "id");
    const auto warehouse = unwrap(warehouses.updateWarehouse(id, name, active, expected, eventContext(request)));
    return Response::json(200, domain::warehouseToJson(warehouse)).withHeader("ETag", etag(warehouse.version));
}

Response createLocation(WarehouseService& warehouses, Request& request)
{
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "warehouse_id", "code", "name", "kind" });
    const auto warehouseId = body.requiredInt("warehouse_id");
    const auto code = body.requiredString("code");
    const auto name = body.requiredString("name");
    const auto kind = body.optionalString("kind").value_or("internal");
    body.finish();
    requireScope(request, warehouseId, "warehouse_id");
    const auto location = unwrap(warehouses.createLocation(warehouseId, code, name, kind, eventContext(request)));
    return Response::json(201, domain::locationToJson(location))
        .withHeader("Location", "/api/v1/locations/" + std::to_string(location.id));
}

Response updateLocation(WarehouseService& warehouses, Request& request)
{
    const auto id = pathId(request);
    const auto json = parseJsonBody(request);
    JsonReader body(json, { "name", "active" });
    const auto name = body.optionalString("name");
    const auto active = body.optionalBool("active");
    body.finish();
    requireLocationScope(request, unwrap(warehouses.location(id)));
    return Response::json(
        200, domain::locationToJson(unwrap(warehouses.updateLocation(id, name, active, eventContext(request)))));
}

} // namespace

nlohmann::json movementJson(const domain::StockMovement& movement)
{
    auto json = domain::movementToJson(movement);
    json.erase("occurred_at_ms");
    json["occurred_at"] = isoTime(movement.occurredAtMs);
    return json;
}

void registerInventoryRoutes(Router& router, WarehouseService& warehouses, InventoryService& inventory)
{
    router.add("GET", "/api/v1/warehouses", std::string(domain::permission::kStockRead), [&](Request& r) {
        auto items = nlohmann::json::array();
        for (const auto& warehouse : warehouses.warehouses()) {
            if (!r.principal->canUseWarehouse(warehouse.id)) {
                continue;
            }
            items.push_back(domain::warehouseToJson(warehouse));
        }
        return Response::json(200, pageJson(std::move(items), std::nullopt));
    });
    router.add("POST", "/api/v1/warehouses", std::string(domain::permission::kWarehousesManage),
        [&](Request& r) { return createWarehouse(warehouses, r); });
    router.add("GET", "/api/v1/warehouses/{id}", std::string(domain::permission::kStockRead), [&](Request& r) {
        const auto id = pathId(r);
        requireScope(r, id, "id");
        const auto warehouse = unwrap(warehouses.warehouse(id));
        return Response::json(200, domain::warehouseToJson(warehouse)).withHeader("ETag", etag(warehouse.version));
    });
    router.add("PATCH", "/api/v1/warehouses/{id}", std::string(domain::permission::kWarehousesManage),
        [&](Request& r) { return updateWarehouse(warehouses, r); });

    router.add("GET", "/api/v1/locations", std::string(domain::permission::kStockRead), [&](Request& r) {
        auto items = nlohmann::json::array();
        for (const auto& location : warehouses.locations(queryId(r, "warehouse_id"))) {
            if (location.warehouseId && !r.principal->canUseWarehouse(*location.warehouseId)) {
                continue;
            }
            items.push_back(domain::locationToJson(location));
        }
        return Response::json(200, pageJson(std::move(items), std::nullopt));
    });
    router.add("POST", "/api/v1/locations", std::string(domain::permission::kWarehousesManage),
        [&](Request& r) { return createLocation(warehouses, r); });
    router.add("GET", "/api/v1/locations/{id}", std::string(domain::permission::kStockRead), [&](Request& r) {
        const auto location = unwrap(warehouses.location(pathId(r)));
        requireLocationScope(r, location);
        return Response::json(200, domain::locationToJson(location));
    });
    router.add("PATCH", "/api/v1/locations/{id}", std::string(domain::permission::kWarehousesManage),
        [&](Request& r) { return updateLocation(warehouses, r); });

    router.add("GET", "/api/v1/stock/movements/summary", std::string(domain::permission::kStockRead), [&](Request& r) {
        const auto since = queryTime(r, "since");
        return countsResponse(since, "by_kind", inventory.movementCounts(since, r.principal->warehouses));
    });
    router.add("GET", "/api/v1/stock/movements", std::string(domain::permission::kStockRead),
        [&](Request& r) { return listMovements(inventory, r); });
    router.add("POST", "/api/v1/stock/movements", std::string(domain::permission::kStockMove),
        [&](Request& r) { return recordMovements(inventory, r); });
    router.add("GET", "/api/v1/stock/levels", std::string(domain::permission::kStockRead),
        [&](Request& r) { return listLevels(inventory, r); });
    router.add("POST", "/api/v1/stock/reservations", std::string(domain::permission::kStockReserve),
        [&](Request& r) { return createReservation(inventory, r); });
    router.add("GET", "/api/v1/stock/reservations/{id}", std::string(domain::permission::kStockRead), [&](Request& r) {
        const auto reservation = unwrap(inventory.reservation(pathId(r)));
        requireScope(r, reservation.warehouseId, "id");
        return Response::json(200, domain::reservationToJson(reservation));
    });
    router.add("POST", "/api/v1/stock/reservations/{id}/release", std::string(domain::permission::kStockReserve),
        [&](Request& r) {
            const auto id = pathId(r);
            requireScope(r, unwrap(inventory.reservation(id)).warehouseId, "id");
            return Response::json(
                200, domain::reservationToJson(unwrap(inventory.releaseReservation(id, eventContext(r)))));
        });
    router.add("GET", "/api/v1/stock/reorder-points", std::string(domain::permission::kStockRead), [&](Request& r) {
        auto items = nlohmann::json::array();
        for (const auto& point : inventory.reorderPoints(queryId(r, "warehouse_id"))) {
            if (!r.principal->canUseWarehouse(point.warehouseId)) {
                continue;
            }
            items.push_back(domain::reorderPointToJson(point));
        }
        return Response::json(200, pageJson(std::move(items), std::nullopt));
    });
    router.add("PUT", "/api/v1/stock/reorder-points", std::string(domain::permission::kWarehousesManage),
        [&](Request& r) { return setReorderPoint(inventory, r); });
}

} // namespace tosserp::stock
