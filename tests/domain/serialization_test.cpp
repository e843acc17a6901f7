#include "domain/serialization.h"

#include <gtest/gtest.h>

namespace tosserp::domain {
namespace {

using nlohmann::json;

Product sampleProduct()
{
    ProductDraft draft;
    draft.sku = "TEA-001";
    draft.name = "Green tea";
    draft.description = "Loose leaf.";
    draft.categoryId = 3;
    draft.unit = "kg";
    draft.priceAmount = "12.5";
    draft.currency = "EUR";
    draft.barcodes = { "4006381333931", "SHELF-7" };
    auto product = Product::create(draft).value();
    product.setId(42);
    product.setVersion(3);
    return product;
}

TEST(SerializationTest, ProductShapeIsExact)
{
    const json expected = json::parse(R"({
            "id": 42, "sku": "TEA-001", "name": "Green tea", "description": "Loose leaf.",
            "category_id": 3, "unit": "kg", "price": {"amount": "12.50", "currency": "EUR"},
            "barcodes": [{"code": "4006381333931", "symbology": "ean13"},
                         {"code": "SHELF-7", "symbology": "internal"}],
            "active": true, "version": 3})");
    EXPECT_EQ(productToJson(sampleProduct()), expected);
}

TEST(SerializationTest, ProductWithoutCategoryHasNullCategory)
{
    auto product = sampleProduct();
    ProductPatch patch;
    patch.categoryId = std::optional<std::int64_t> {};
    ASSERT_TRUE(product.apply(patch).ok());
    const auto out = productToJson(product);
    ASSERT_TRUE(out.contains("category_id"));
    EXPECT_TRUE(out["category_id"].is_null());
}

TEST(SerializationTest, ProductFieldsPicksChangedFields)
{
    EXPECT_EQ(productFieldsToJson(sampleProduct(), { "name", "price", "nonsense" }),
        json::parse(R"({"name": "Green tea", "price": {"amount": "12.50", "currency": "EUR"}})"));
    EXPECT_EQ(productFieldsToJson(sampleProduct(), {}), json::object());
}

TEST(SerializationTest, Money)
{
    const auto jpy = Currency::parse("JPY").value();
    EXPECT_EQ(moneyToJson(Money::of(1200, jpy)), json::parse(R"({"amount": "1200", "currency": "JPY"})"));
}

TEST(SerializationTest, CategoryWarehouseLocation)
{
    Category category { 3, "Tea", 1, 2 };
    EXPECT_EQ(categoryToJson(category), json::parse(R"({"id": 3, "name": "Tea", "parent_id": 1, "version": 2})"));
    category.parentId.reset();
    EXPECT_TRUE(categoryToJson(category)["parent_id"].is_null());

    const Warehouse warehouse { 1, "MAIN", "Main store", false, 4 };
    EXPECT_EQ(warehouseToJson(warehouse),
        json::parse(R"({"id": 1, "code": "MAIN", "name": "Main store", "active": false, "version": 4})"));

    const Location customer { 5, std::nullopt, "CUST", "Customers", LocationKind::Customer, true };
    EXPECT_EQ(locationToJson(customer),
        json::parse(
            R"({"id": 5, "warehouse_id": null, "code": "CUST", "name": "Customers", "kind": "customer", "active": true})"));
}

TEST(SerializationTest, MovementReservationReorderPoint)
{
    const auto kg = Unit::parse("kg").value();
    StockMovement movement;
    movement.id = 9;
    movement.kind = MovementKind::Transfer;
    movement.productId = 42;
    movement.fromLocationId = 10;
    movement.toLocationId = 11;
    movement.quantity = Quantity::fromMilli(1500, kg).value();
    movement.reason = "rebalance";
    movement.reference = "T-1";
    movement.occurredAtMs = 1700000000000;
    EXPECT_EQ(movementToJson(movement), json::parse(R"({"id": 9, "kind": "transfer", "product_id": 42,
            "from_location_id": 10, "to_location_id": 11, "quantity": 1.5, "unit": "kg", "reason": "rebalance",
            "reference": "T-1", "occurred_at_ms": 1700000000000})"));

    auto reservation = Reservation::create(42, 1, Quantity::fromMilli(2000, kg).value(), "SO-5").value();
    reservation.id = 7;
    const auto reservationJson = reservationToJson(reservation);
    EXPECT_EQ(reservationJson, json::parse(R"({"id": 7, "product_id": 42, "warehouse_id": 1, "quantity": 2,
            "unit": "kg", "reference": "SO-5", "state": "active"})"));
    EXPECT_TRUE(reservationJson["quantity"].is_number_integer());

    const auto point
        = ReorderPoint::create(42, 1, Quantity::fromMilli(500, kg).value(), Quantity::fromMilli(10000, kg).value())
              .value();
    EXPECT_EQ(reorderPointToJson(point), json::parse(R"({"product_id": 42, "warehouse_id": 1,
            "min_quantity": 0.5, "reorder_quantity": 10, "unit": "kg"})"));
}

TEST(SerializationTest, Error)
{
    EXPECT_EQ(errorToJson(invalid("invalid_sku", "Bad.", "sku")),
        json::parse(R"({"kind": "invalid", "code": "invalid_sku", "message": "Bad.", "field": "sku"})"));
    EXPECT_EQ(errorToJson(notFound("category_not_found", "Gone.")),
        json::parse(R"({"kind": "not_found", "code": "category_not_found", "message": "Gone."})"));
}

} // namespace
} // namespace tosserp::domain
