#include "domain/serialization.h"

namespace tosserp::domain {
namespace {

nlohmann::json optionalId(const std::optional<std::int64_t>& id)
{
    return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

} // namespace

nlohmann::json moneyToJson(const Money& money)
{
    return { { "amount", money.toDecimalString() }, { "currency", money.currency().code() } };
}

nlohmann::json productToJson(const Product& product)
{
    auto barcodes = nlohmann::json::array();
    for (const auto& barcode : product.barcodes())
        barcodes.push_back(
            { { "code", barcode.value() }, { "symbology", std::string(symbologyName(barcode.symbology())) } });
    return {
        { "id", product.id() },
        { "sku", product.sku().value() },
        { "name", product.name() },
        { "description", product.description() },
        { "category_id", optionalId(product.categoryId()) },
        { "unit", product.unit().code() },
        { "price", moneyToJson(product.price()) },
        { "barcodes", std::move(barcodes) },
        { "active", product.active() },
        { "version", product.version() },
    };
}

nlohmann::json productFieldsToJson(const Product& product, const std::vector<std::string>& fields)
{
    const auto full = productToJson(product);
    auto out = nlohmann::json::object();
    for (const auto& field : fields) {
        if (full.contains(field))
            out[field] = full[field];
    }
    return out;
}

nlohmann::json categoryToJson(const Category& category)
{
    return {
        { "id", category.id },
        { "name", category.name },
        { "parent_id", optionalId(category.parentId) },
        { "version", category.version },
    };
}

nlohmann::json warehouseToJson(const Warehouse& warehouse)
{
    return {
        { "id", warehouse.id },
        { "code", warehouse.code },
        { "name", warehouse.name },
        { "active", warehouse.active },
        { "version", warehouse.version },
    };
}

nlohmann::json locationToJson(const Location& location)
{
    return {
        { "id", location.id },
        { "warehouse_id", optionalId(location.warehouseId) },
        { "code", location.code },
        { "name", location.name },
        { "kind", std::string(locationKindName(location.kind)) },
        { "active", location.active },
    };
}

nlohmann::json movementToJson(const StockMovement& movement)
{
    return {
        { "id", movement.id },
        { "kind", std::string(movementKindName(movement.kind)) },
        { "product_id", movement.productId },
        { "from_location_id", movement.fromLocationId },
        { "to_location_id", movement.toLocationId },
        { "quantity", quantityToJson(movement.quantity) },
        { "unit", movement.quantity.unit().code() },
        { "reason", movement.reason },
        { "reference", movement.reference },
        { "occurred_at_ms", movement.occurredAtMs },
    };
}

nlohmann::json reservationToJson(const Reservation& reservation)
{
    return {
        { "id", reservation.id },
        { "product_id", reservation.productId },
        { "warehouse_id", reservation.warehouseId },
        { "quantity", quantityToJson(reservation.quantity) },
        { "unit", reservation.quantity.unit().code() },
        { "reference", reservation.reference },
        { "state", std::string(reservationStateName(reservation.state)) },
    };
}

nlohmann::json reorderPointToJson(const ReorderPoint& point)
{
    return {
        { "product_id", point.productId },
        { "warehouse_id", point.warehouseId },
        { "min_quantity", quantityToJson(point.minQuantity) },
        { "reorder_quantity", quantityToJson(point.reorderQuantity) },
        { "unit", point.minQuantity.unit().code() },
    };
}

nlohmann::json errorToJson(const Error& error)
{
    nlohmann::json out
        = { { "kind", std::string(errorKindName(error.kind)) }, { "code", error.code }, { "message", error.message } };
    if (!error.field.empty())
        out["field"] = error.field;
    return out;
}

} // namespace tosserp::domain
