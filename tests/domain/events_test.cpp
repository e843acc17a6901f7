#include "domain/events.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace tosserp::domain {
namespace {

using nlohmann::json;

Product sampleProduct()
{
    ProductDraft draft;
    draft.sku = "TEA-001";
    draft.name = "Green tea";
    draft.priceAmount = "4.5";
    draft.barcodes = { "96385074" };
    auto product = Product::create(draft).value();
    product.setId(42);
    return product;
}

Quantity pcs(std::int64_t whole)
{
    return Quantity::fromMilli(whole * 1000, Unit()).value();
}

void expectEvent(const StockEvent& event, std::string_view type, const std::string& stream, const json& payload)
{
    EXPECT_EQ(eventType(event), type);
    EXPECT_EQ(streamId(event), stream) << type;
    EXPECT_EQ(eventPayload(event), payload) << type << ": " << eventPayload(event).dump();
}

TEST(EventsTest, ProductCreated)
{
    const auto product = sampleProduct();
    expectEvent(ProductCreated { product }, "ProductCreated", "product-42",
        json::parse(R"({"id": 42, "sku": "TEA-001", "name": "Green tea", "description": "", "category_id": null,
                "unit": "pcs", "price": {"amount": "4.50", "currency": "EUR"},
                "barcodes": [{"code": "96385074", "symbology": "ean8"}], "active": true, "version": 1})"));
}

TEST(EventsTest, ProductUpdatedCarriesChangedFieldsAndNewValues)
{
    auto product = sampleProduct();
    ProductPatch patch;
    patch.name = "Black tea";
    patch.priceAmount = "5";
    const auto changed = product.apply(patch);
    ASSERT_TRUE(changed.ok());
    const auto event = productUpdated(product, changed.value());
    EXPECT_EQ(event.productId, 42);
    EXPECT_EQ(event.version, 2);
    expectEvent(event, "ProductUpdated", "product-42",
        json::parse(R"({"product_id": 42, "changed": ["name", "price"], "version": 2,
                "values": {"name": "Black tea", "price": {"amount": "5.00", "currency": "EUR"}}})"));
}

TEST(EventsTest, ProductDeleted)
{
    expectEvent(ProductDeleted { 42, "TEA-001" }, "ProductDeleted", "product-42",
        json::parse(R"({"product_id": 42, "sku": "TEA-001"})"));
}

TEST(EventsTest, CategoryEvents)
{
    const Category category { 3, "Tea", 1, 2 };
    expectEvent(CategoryCreated { category }, "CategoryCreated", "category-3",
        json::parse(R"({"id": 3, "name": "Tea", "parent_id": 1, "version": 2})"));
    expectEvent(CategoryUpdated { category, { "name" } }, "CategoryUpdated", "category-3",
        json::parse(R"({"id": 3, "name": "Tea", "parent_id": 1, "version": 2, "changed": ["name"]})"));
    expectEvent(CategoryDeleted { 3, "Tea" }, "CategoryDeleted", "category-3",
        json::parse(R"({"category_id": 3, "name": "Tea"})"));
}

TEST(EventsTest, WarehouseEvents)
{
    const Warehouse warehouse { 1, "MAIN", "Main", true, 1 };
    expectEvent(WarehouseCreated { warehouse }, "WarehouseCreated", "warehouse-1",
        json::parse(R"({"id": 1, "code": "MAIN", "name": "Main", "active": true, "version": 1})"));
    expectEvent(WarehouseUpdated { warehouse, { "name", "active" } }, "WarehouseUpdated", "warehouse-1",
        json::parse(
            R"({"id": 1, "code": "MAIN", "name": "Main", "active": true, "version": 1, "changed": ["name", "active"]})"));
}

TEST(EventsTest, LocationEvents)
{
    const Location shelf { 5, 1, "A-1", "Shelf A1", LocationKind::Internal, true };
    expectEvent(LocationCreated { shelf }, "LocationCreated", "location-5",
        json::parse(
            R"({"id": 5, "warehouse_id": 1, "code": "A-1", "name": "Shelf A1", "kind": "internal", "active": true})"));
    expectEvent(LocationUpdated { shelf, { "code" } }, "LocationUpdated", "location-5",
        json::parse(R"({"id": 5, "warehouse_id": 1, "code": "A-1", "name": "Shelf A1", "kind": "internal",
                "active": true, "changed": ["code"]})"));
}

TEST(EventsTest, StockMovedBelongsToTheProductStream)
{
    StockMovement movement;
    movement.id = 9;
    movement.kind = MovementKind::Shipment;
    movement.productId = 42;
    movement.fromLocationId = 5;
    movement.toLocationId = 2;
    movement.quantity = pcs(3);
    movement.reference = "SO-1";
    movement.occurredAtMs = 1000;
    expectEvent(StockMoved { movement }, "StockMoved", "product-42",
        json::parse(R"({"id": 9, "kind": "shipment", "product_id": 42, "from_location_id": 5, "to_location_id": 2,
                "quantity": 3, "unit": "pcs", "reason": "", "reference": "SO-1", "occurred_at_ms": 1000})"));
}

TEST(EventsTest, ReservationEvents)
{
    auto reservation = Reservation::create(42, 1, pcs(2), "SO-1").value();
    reservation.id = 7;
    expectEvent(ReservationCreated { reservation }, "ReservationCreated", "reservation-7",
        json::parse(R"({"id": 7, "product_id": 42, "warehouse_id": 1, "quantity": 2, "unit": "pcs",
                "reference": "SO-1", "state": "active"})"));
    expectEvent(ReservationReleased { 7, 42, 1 }, "ReservationReleased", "reservation-7",
        json::parse(R"({"reservation_id": 7, "product_id": 42, "warehouse_id": 1})"));
    expectEvent(ReservationConsumed { 7, 42, 1 }, "ReservationConsumed", "reservation-7",
        json::parse(R"({"reservation_id": 7, "product_id": 42, "warehouse_id": 1})"));
}

TEST(EventsTest, ReorderPointSetBelongsToTheProductStream)
{
    const auto point = ReorderPoint::create(42, 1, pcs(5), pcs(20)).value();
    expectEvent(ReorderPointSet { point }, "ReorderPointSet", "product-42",
        json::parse(
            R"({"product_id": 42, "warehouse_id": 1, "min_quantity": 5, "reorder_quantity": 20, "unit": "pcs"})"));
}

TEST(EventsTest, EveryAlternativeHasADistinctType)
{
    std::set<std::string_view> types;
    const auto product = sampleProduct();
    const std::vector<StockEvent> events { ProductCreated { product }, ProductUpdated {}, ProductDeleted {},
        CategoryCreated {}, CategoryUpdated {}, CategoryDeleted {}, WarehouseCreated {}, WarehouseUpdated {},
        LocationCreated {}, LocationUpdated {}, StockMoved {}, ReservationCreated {}, ReservationReleased {},
        ReservationConsumed {}, ReorderPointSet {} };
    for (const auto& event : events) {
        types.insert(eventType(event));
        EXPECT_TRUE(eventPayload(event).is_object()) << eventType(event);
    }
    EXPECT_EQ(types.size(), std::variant_size_v<StockEvent>);
    EXPECT_EQ(events.size(), std::variant_size_v<StockEvent>);
}

} // namespace
} // namespace tosserp::domain
