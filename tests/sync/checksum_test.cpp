#include "sync/checksum.h"

#include "tests/domain/expect_error.h"

#include <gtest/gtest.h>

#include <limits>

namespace tosserp::sync {
namespace {

using domain::ErrorKind;
using domain::testing::failsWith;
using domain::testing::succeeds;
using nlohmann::json;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(ChecksumTest, RowHashOfRefusesRowsItCannotHash)
{
    EXPECT_TRUE(failsWith(rowHashOf("users", json::object()), ErrorKind::Invalid, "unknown_table", "table"));
    EXPECT_TRUE(failsWith(rowHashOf("products", json::array()), ErrorKind::Invalid, "invalid_row"));
    EXPECT_TRUE(failsWith(rowHashOf("products", json { { "id", 42 } }), ErrorKind::Invalid, "invalid_row", "version"));
    EXPECT_TRUE(failsWith(
        rowHashOf("products", json { { "id", "42" }, { "version", 1 } }), ErrorKind::Invalid, "invalid_row", "id"));
    EXPECT_TRUE(failsWith(rowHashOf("locations", json { { "id", 5 } }), ErrorKind::Invalid, "invalid_row", "active"));
    EXPECT_TRUE(failsWith(rowHashOf("stock_levels", json { { "product_id", 7 }, { "location_id", 3 } }),
        ErrorKind::Invalid, "invalid_row", "quantity"));
    EXPECT_TRUE(
        failsWith(rowHashOf("stock_levels", json { { "product_id", 7 }, { "location_id", 3 }, { "quantity", "2.5" } }),
            ErrorKind::Invalid, "invalid_row", "quantity"));
    EXPECT_TRUE(failsWith(rowHashOf("reorder_points", json { { "product_id", 7 }, { "location_id", 3 } }),
        ErrorKind::Invalid, "invalid_row", "warehouse_id"));
    EXPECT_TRUE(failsWith(quantityMilli(1e13), ErrorKind::Invalid, "invalid_row", "quantity"));
    EXPECT_TRUE(failsWith(quantityMilli(kMax), ErrorKind::Invalid, "invalid_row", "quantity"));
}

TEST(ChecksumTest, RowHashByHand)
{
    // Product 42, version 3: 42 * 7919 + 3 * 104729 = 332598 + 314187 = 646785.
    EXPECT_EQ(rowHash(42, 3), 646785);
    // 1 * 7919 + 1 * 104729 = 112648.
    EXPECT_EQ(rowHash(1, 1), 112648);
    // Location 5 active (version 2): 39595 + 209458 = 249053; inactive (1): 39595 + 104729 = 144324.
    EXPECT_EQ(rowHash(5, 2), 249053);
    EXPECT_EQ(rowHash(5, 1), 144324);
    // Ids reduce modulo 1000003: 1000003 → 0, so only the version counts: 104729.
    EXPECT_EQ(rowHash(1000003, 1), 104729);
    // 1000004 → 1 and 1000005 → 2: 7919 + 2 * 104729 = 217377.
    EXPECT_EQ(rowHash(1000004, 1000005), 217377);
    // The sum wraps modulo 1000000007: 1000002 * (7919 + 104729) = 112648225296;
    // 112648225296 - 112 * 1000000007 = 112648225296 - 112000000784 = 648224512.
    EXPECT_EQ(rowHash(1000002, 1000002), 648224512);
}

TEST(ChecksumTest, RowHash3ByHand)
{
    // Stock level of product 7 at location 3, 2.5 units = 2500 milli:
    // 7 * 7919 + 3 * 104729 + 2500 = 55433 + 314187 + 2500 = 372120.
    EXPECT_EQ(rowHash3(7, 3, 2500), 372120);
    // A negative quantity, -2.5: (-2500 % M + M) % M = 999997507;
    // 55433 + 314187 + 999997507 = 1000367127, minus M = 367120.
    EXPECT_EQ(rowHash3(7, 3, -2500), 367120);
    EXPECT_EQ(rowHash3(7, 3, 0), 369620);
}

TEST(ChecksumTest, Int64ExtremesNeitherOverflowNorLeaveTheRange)
{
    // INT64_MAX % 1000003 = 675344, and 675344 * (7919 + 104729) = 76076150912;
    // 76076150912 - 76 * 1000000007 = 76076150912 - 76000000532 = 76150380.
    EXPECT_EQ(rowHash(kMax, kMax), 76150380);
    // INT64_MAX % 1000000007 = 291172003: 76076150912 + 291172003 - 76000000532 = 367322383.
    EXPECT_EQ(rowHash3(kMax, kMax, kMax), 367322383);
    // INT64_MIN % 1000000007 = -291172004 (truncated), + M = 708828003;
    // 76076150912 + 708828003 - 76000000532 = 784978383.
    EXPECT_EQ(rowHash3(kMax, kMax, kMin), 784978383);
    for (std::int64_t c : { kMin, kMin + 1, std::int64_t { -1 }, std::int64_t { 0 }, kMax }) {
        const auto h = rowHash3(kMax, 9000000000000000000LL, c);
        EXPECT_GE(h, 0) << c;
        EXPECT_LT(h, kHashModulus) << c;
    }
}

TEST(ChecksumTest, RowHashOfFollowsEachTablesRule)
{
    EXPECT_EQ(rowHashOf("products", json { { "id", 42 }, { "version", 3 }, { "name", "Tea" } }).value(), 646785);
    EXPECT_EQ(rowHashOf("categories", json { { "id", 42 }, { "version", 3 } }).value(), 646785);
    EXPECT_EQ(rowHashOf("warehouses", json { { "id", 1 }, { "version", 1 } }).value(), 112648);
    EXPECT_EQ(rowHashOf("locations", json { { "id", 5 }, { "active", true } }).value(), 249053);
    EXPECT_EQ(rowHashOf("locations", json { { "id", 5 }, { "active", false } }).value(), 144324);
    EXPECT_EQ(
        rowHashOf("stock_levels", json { { "product_id", 7 }, { "location_id", 3 }, { "quantity", 2.5 } }).value(),
        372120);
    EXPECT_EQ(
        rowHashOf("stock_levels", json { { "product_id", 7 }, { "location_id", 3 }, { "quantity", -2.5 } }).value(),
        367120);
    EXPECT_EQ(
        rowHashOf("reorder_points",
            json { { "product_id", 7 }, { "warehouse_id", 3 }, { "min_quantity", 2.5 }, { "reorder_quantity", 10 } })
            .value(),
        372120);
}

TEST(ChecksumTest, QuantityMilliRoundsToTheNearestThousandth)
{
    EXPECT_EQ(quantityMilli(3).value(), 3000);
    EXPECT_EQ(quantityMilli(json(3u)).value(), 3000);
    EXPECT_EQ(quantityMilli(-0.25).value(), -250);
    EXPECT_EQ(quantityMilli(0.1 + 0.2).value(), 300);
    EXPECT_EQ(quantityMilli(1.001).value(), 1001);
    EXPECT_EQ(quantityMilli(9e12).value(), 9000000000000000LL);
}

TEST(ChecksumTest, TableChecksumCountsAndSums)
{
    TableChecksum a;
    a.add(rowHash(42, 3));
    a.add(rowHash(1, 1));
    EXPECT_EQ(a, (TableChecksum { 2, 646785 + 112648 }));
    TableChecksum b;
    b.add(rowHash(1, 1));
    b.add(rowHash(42, 3));
    EXPECT_EQ(a, b) << "order does not matter";
    b.add(0);
    EXPECT_NE(a, b) << "a row with hash 0 still counts";
}

TEST(ChecksumReportTest, RefusesMalformedReports)
{
    EXPECT_TRUE(failsWith(ChecksumReport::fromJson(json::array()), ErrorKind::Invalid, "invalid_checksum"));
    EXPECT_TRUE(failsWith(ChecksumReport::fromJson(json::parse(R"({"tables": {}})")), ErrorKind::Invalid,
        "invalid_checksum", "position"));
    EXPECT_TRUE(failsWith(
        ChecksumReport::fromJson(json::parse(R"({"position": 1})")), ErrorKind::Invalid, "invalid_checksum", "tables"));
    EXPECT_TRUE(failsWith(ChecksumReport::fromJson(json::parse(R"({"position": 1, "tables": {"users": {}}})")),
        ErrorKind::Invalid, "unknown_table", "tables.users"));
    EXPECT_TRUE(failsWith(
        ChecksumReport::fromJson(json::parse(R"({"position": 1, "tables": {"products": {"count": -1, "sum": 0}}})")),
        ErrorKind::Invalid, "invalid_checksum", "tables.products.count"));
    EXPECT_TRUE(
        failsWith(ChecksumReport::fromJson(json::parse(R"({"position": 1, "tables": {"products": {"count": 1}}})")),
            ErrorKind::Invalid, "invalid_checksum", "tables.products.sum"));
}

TEST(ChecksumReportTest, RoundTripsAndNamesMismatchedTables)
{
    ChecksumReport server;
    server.position = 77;
    server.tables["products"] = { 2, 759433 };
    server.tables["locations"] = { 1, 249053 };
    const auto parsed = ChecksumReport::fromJson(toJson(server));
    ASSERT_TRUE(succeeds(parsed));
    EXPECT_EQ(parsed.value(), server);
    EXPECT_EQ(toJson(server), json::parse(R"({"position": 77, "tables": {
        "locations": {"count": 1, "sum": 249053}, "products": {"count": 2, "sum": 759433}}})"));

    std::map<std::string, TableChecksum> replica = server.tables;
    replica["categories"] = {};
    EXPECT_TRUE(mismatchedTables(server.tables, replica).empty()) << "an absent table is an empty one";
    replica["products"].sum += 1;
    replica["stock_levels"] = { 1, 5 };
    EXPECT_EQ(mismatchedTables(server.tables, replica), (std::vector<std::string> { "products", "stock_levels" }));
}

} // namespace
} // namespace tosserp::sync
