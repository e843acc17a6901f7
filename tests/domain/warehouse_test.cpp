#include "domain/warehouse.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;

TEST(WarehouseTest, RefusesBadCodes)
{
    for (const char* code : { "", "  ", "WH 1", "WH_1", "WH.1", "W\xC3\x89", "ABCDEFGHIJKLMNOPQ" })
        EXPECT_TRUE(failsWith(Warehouse::create(code, "Main"), ErrorKind::Invalid, "invalid_warehouse_code", "code"))
            << code;
}

TEST(WarehouseTest, RefusesBadNames)
{
    EXPECT_TRUE(failsWith(Warehouse::create("WH1", " "), ErrorKind::Invalid, "required", "name"));
    EXPECT_TRUE(failsWith(Warehouse::create("WH1", std::string(101, 'n')), ErrorKind::Invalid, "too_long", "name"));
}

TEST(WarehouseTest, UppercasesTheCode)
{
    const auto warehouse = Warehouse::create(" wh-north1 ", " North ");
    ASSERT_TRUE(warehouse.ok());
    EXPECT_EQ(warehouse->code, "WH-NORTH1");
    EXPECT_EQ(warehouse->name, "North");
    EXPECT_EQ(warehouse->id, 0);
    EXPECT_TRUE(warehouse->active);
    EXPECT_EQ(warehouse->version, 1);
    EXPECT_EQ(Warehouse::create("ABCDEFGHIJKLMNOP", "Long")->code, "ABCDEFGHIJKLMNOP");
    EXPECT_EQ(Warehouse::normalizeCode("a-1").value(), "A-1");
}

} // namespace
} // namespace tosserp::domain
