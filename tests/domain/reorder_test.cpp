#include "domain/reorder.h"

#include "expect_error.h"

#include <gtest/gtest.h>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

Quantity pcs(std::int64_t whole)
{
    return Quantity::fromMilli(whole * 1000, Unit()).value();
}

TEST(ReorderPointTest, RefusesBadInput)
{
    EXPECT_TRUE(
        failsWith(ReorderPoint::create(0, 1, pcs(5), pcs(10)), ErrorKind::Invalid, "invalid_product_id", "product_id"));
    EXPECT_TRUE(failsWith(
        ReorderPoint::create(1, 0, pcs(5), pcs(10)), ErrorKind::Invalid, "invalid_warehouse_id", "warehouse_id"));
    EXPECT_TRUE(failsWith(
        ReorderPoint::create(1, 1, pcs(-1), pcs(10)), ErrorKind::Invalid, "invalid_min_quantity", "min_quantity"));
    EXPECT_TRUE(failsWith(ReorderPoint::create(1, 1, pcs(5), pcs(0)), ErrorKind::Invalid, "invalid_reorder_quantity",
        "reorder_quantity"));
    EXPECT_TRUE(failsWith(ReorderPoint::create(1, 1, pcs(5), pcs(-3)), ErrorKind::Invalid, "invalid_reorder_quantity",
        "reorder_quantity"));
    const auto kg = Quantity::fromMilli(2500, Unit::parse("kg").value()).value();
    EXPECT_TRUE(
        failsWith(ReorderPoint::create(1, 1, pcs(5), kg), ErrorKind::Invalid, "unit_mismatch", "reorder_quantity"));
}

TEST(ReorderPointTest, BelowMeansStrictlyLessThanTheMinimum)
{
    const auto point = ReorderPoint::create(4, 2, pcs(5), pcs(20));
    ASSERT_TRUE(succeeds(point));
    EXPECT_EQ(point->productId, 4);
    EXPECT_EQ(point->warehouseId, 2);
    EXPECT_EQ(point->reorderQuantity.milli(), 20000);
    EXPECT_TRUE(point->isBelow(4999));
    EXPECT_TRUE(point->isBelow(-1000));
    EXPECT_FALSE(point->isBelow(5000));
    EXPECT_FALSE(point->isBelow(6000));
}

TEST(ReorderPointTest, ZeroMinimumIsOnlyBelowWhenNegative)
{
    const auto point = ReorderPoint::create(4, 2, pcs(0), pcs(1));
    ASSERT_TRUE(succeeds(point));
    EXPECT_FALSE(point->isBelow(0));
    EXPECT_TRUE(point->isBelow(-1000));
}

} // namespace
} // namespace tosserp::domain
