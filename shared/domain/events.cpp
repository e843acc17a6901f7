#include "domain/events.h"

namespace tosserp::domain {
namespace {

template <class... Fs> struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs> Overloaded(Fs...) -> Overloaded<Fs...>;

std::string stream(std::string_view prefix, std::int64_t id)
{
    return std::string(prefix) + "-" + std::to_string(id);
}

nlohmann::json withChanged(nlohmann::json object, const std::vector<std::string>& changed)
{
    object["changed"] = changed;
    return object;
}

nlohmann::json reservationState(std::int64_t reservationId, std::int64_t productId, std::int64_t warehouseId)
{
    return { { "reservation_id", reservationId }, { "product_id", productId }, { "warehouse_id", warehouseId } };
}

} // namespace

std::string_view eventType(const StockEvent& event)
{
    return std::visit(Overloaded {
                          [](const ProductCreated&) { return std::string_view("ProductCreated"); },
                          [](const ProductUpdated&) { return std::string_view("ProductUpdated"); },
                          [](const ProductDeleted&) { return std::string_view("ProductDeleted"); },
                          [](const CategoryCreated&) { return std::string_view("CategoryCreated"); },
                          [](const CategoryUpdated&) { return std::string_view("CategoryUpdated"); },
                          [](const CategoryDeleted&) { return std::string_view("CategoryDeleted"); },
                          [](const WarehouseCreated&) { return std::string_view("WarehouseCreated"); },
                          [](const WarehouseUpdated&) { return std::string_view("WarehouseUpdated"); },
                          [](const LocationCreated&) { return std::string_view("LocationCreated"); },
                          [](const LocationUpdated&) { return std::string_view("LocationUpdated"); },
                          [](const StockMoved&) { return std::string_view("StockMoved"); },
                          [](const ReservationCreated&) { return std::string_view("ReservationCreated"); },
                          [](const ReservationReleased&) { return std::string_view("ReservationReleased"); },
                          [](const ReservationConsumed&) { return std::string_view("ReservationConsumed"); },
                          [](const ReorderPointSet&) { return std::string_view("ReorderPointSet"); },
                      },
        event);
}

std::string streamId(const StockEvent& event)
{
    return std::visit(Overloaded {
                          [](const ProductCreated& e) { return stream("product", e.product.id()); },
                          [](const ProductUpdated& e) { return stream("product", e.productId); },
                          [](const ProductDeleted& e) { return stream("product", e.productId); },
                          [](const CategoryCreated& e) { return stream("category", e.category.id); },
                          [](const CategoryUpdated& e) { return stream("category", e.category.id); },
                          [](const CategoryDeleted& e) { return stream("category", e.categoryId); },
                          [](const WarehouseCreated& e) { return stream("warehouse", e.warehouse.id); },
                          [](const WarehouseUpdated& e) { return stream("warehouse", e.warehouse.id); },
                          [](const LocationCreated& e) { return stream("location", e.location.id); },
                          [](const LocationUpdated& e) { return stream("location", e.location.id); },
                          [](const StockMoved& e) { return stream("product", e.movement.productId); },
                          [](const ReservationCreated& e) { return stream("reservation", e.reservation.id); },
                          [](const ReservationReleased& e) { return stream("reservation", e.reservationId); },
                          [](const ReservationConsumed& e) { return stream("reservation", e.reservationId); },
                          [](const ReorderPointSet& e) { return stream("product", e.point.productId); },
                      },
        event);
}

nlohmann::json eventPayload(const StockEvent& event)
{
    return std::visit(
        Overloaded {
            [](const ProductCreated& e) { return productToJson(e.product); },
            [](const ProductUpdated& e) {
                return nlohmann::json { { "product_id", e.productId }, { "changed", e.changed }, { "values", e.values },
                    { "version", e.version } };
            },
            [](const ProductDeleted& e) {
                return nlohmann::json { { "product_id", e.productId }, { "sku", e.sku } };
            },
            [](const CategoryCreated& e) { return categoryToJson(e.category); },
            [](const CategoryUpdated& e) { return withChanged(categoryToJson(e.category), e.changed); },
            [](const CategoryDeleted& e) {
                return nlohmann::json { { "category_id", e.categoryId }, { "name", e.name } };
            },
            [](const WarehouseCreated& e) { return warehouseToJson(e.warehouse); },
            [](const WarehouseUpdated& e) { return withChanged(warehouseToJson(e.warehouse), e.changed); },
            [](const LocationCreated& e) { return locationToJson(e.location); },
            [](const LocationUpdated& e) { return withChanged(locationToJson(e.location), e.changed); },
            [](const StockMoved& e) { return movementToJson(e.movement); },
            [](const ReservationCreated& e) { return reservationToJson(e.reservation); },
            [](const ReservationReleased& e) { return reservationState(e.reservationId, e.productId, e.warehouseId); },
            [](const ReservationConsumed& e) { return reservationState(e.reservationId, e.productId, e.warehouseId); },
            [](const ReorderPointSet& e) { return reorderPointToJson(e.point); },
        },
        event);
}

ProductUpdated productUpdated(const Product& after, std::vector<std::string> changed)
{
    ProductUpdated event;
    event.productId = after.id();
    event.values = productFieldsToJson(after, changed);
    event.changed = std::move(changed);
    event.version = after.version();
    return event;
}

} // namespace tosserp::domain
