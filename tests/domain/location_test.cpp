#include "domain/location.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;

TEST(LocationTest, InternalAndTransitNeedAWarehouse)
{
    EXPECT_TRUE(failsWith(Location::create(std::nullopt, "A-1", "Shelf", LocationKind::Internal), ErrorKind::Invalid,
        "warehouse_required", "warehouse_id"));
    EXPECT_TRUE(failsWith(Location::create(std::nullopt, "TR", "Truck", LocationKind::Transit), ErrorKind::Invalid,
        "warehouse_required", "warehouse_id"));
    EXPECT_TRUE(failsWith(Location::create(0, "A-1", "Shelf", LocationKind::Internal), ErrorKind::Invalid,
        "invalid_warehouse_id", "warehouse_id"));
}

TEST(LocationTest, RefusesBadCodes)
{
    for (const char* code : { "", " ", "A 1", "A#1", "A,1", "\xC3\x89", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456" })
        EXPECT_TRUE(failsWith(Location::create(1, code, "Shelf", LocationKind::Internal), ErrorKind::Invalid,
            "invalid_location_code", "code"))
            << code;
}

TEST(LocationTest, RefusesBadNames)
{
    EXPECT_TRUE(
        failsWith(Location::create(1, "A-1", "", LocationKind::Internal), ErrorKind::Invalid, "required", "name"));
    EXPECT_TRUE(failsWith(Location::create(1, "A-1", std::string(101, 'x'), LocationKind::Internal), ErrorKind::Invalid,
        "too_long", "name"));
}

TEST(LocationTest, Create)
{
    const auto shelf = Location::create(3, " a-1/b_2.c ", " Shelf A1 ", LocationKind::Internal);
    ASSERT_TRUE(shelf.ok());
    EXPECT_EQ(shelf->warehouseId, 3);
    EXPECT_EQ(shelf->code, "a-1/b_2.c");
    EXPECT_EQ(shelf->name, "Shelf A1");
    EXPECT_EQ(shelf->kind, LocationKind::Internal);
    EXPECT_TRUE(shelf->active);
    EXPECT_EQ(shelf->id, 0);
    // Virtual locations may stand alone.
    for (auto kind : { LocationKind::Supplier, LocationKind::Customer, LocationKind::Adjustment }) {
        const auto location = Location::create(std::nullopt, "V", "Virtual", kind);
        ASSERT_TRUE(location.ok());
        EXPECT_EQ(location->warehouseId, std::nullopt);
    }
    EXPECT_TRUE(Location::create(1, std::string(32, 'c'), "Max", LocationKind::Internal).ok());
}

TEST(LocationTest, KindNamesRoundTrip)
{
    EXPECT_EQ(locationKindName(LocationKind::Internal), "internal");
    EXPECT_EQ(locationKindName(LocationKind::Supplier), "supplier");
    EXPECT_EQ(locationKindName(LocationKind::Customer), "customer");
    EXPECT_EQ(locationKindName(LocationKind::Adjustment), "adjustment");
    EXPECT_EQ(locationKindName(LocationKind::Transit), "transit");
    for (auto kind : { LocationKind::Internal, LocationKind::Supplier, LocationKind::Customer, LocationKind::Adjustment,
             LocationKind::Transit })
        EXPECT_EQ(parseLocationKind(locationKindName(kind)), kind);
    EXPECT_EQ(parseLocationKind("Internal"), std::nullopt);
    EXPECT_EQ(parseLocationKind(""), std::nullopt);
}

TEST(LocationTest, OnlyInternalIsReal)
{
    EXPECT_FALSE(isVirtual(LocationKind::Internal));
    EXPECT_TRUE(isVirtual(LocationKind::Supplier));
    EXPECT_TRUE(isVirtual(LocationKind::Customer));
    EXPECT_TRUE(isVirtual(LocationKind::Adjustment));
    EXPECT_TRUE(isVirtual(LocationKind::Transit));
}

} // namespace
} // namespace tosserp::domain
