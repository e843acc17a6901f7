#include "domain/movement.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

constexpr std::array kAllLocationKinds {
    LocationKind::Internal,
    LocationKind::Supplier,
    LocationKind::Customer,
    LocationKind::Adjustment,
    LocationKind::Transit,
};

constexpr std::array kAllMovementKinds {
    MovementKind::Receipt,
    MovementKind::Shipment,
    MovementKind::Transfer,
    MovementKind::Adjustment,
    MovementKind::Count,
};

Quantity pcs(std::int64_t whole)
{
    return Quantity::fromMilli(whole * 1000, Unit()).value();
}

Location location(std::int64_t id, LocationKind kind)
{
    Location l;
    l.id = id;
    l.warehouseId = 1;
    l.code = "L" + std::to_string(id);
    l.name = "Location " + std::to_string(id);
    l.kind = kind;
    return l;
}

MovementRequest request(MovementKind kind, std::int64_t from = 1, std::int64_t to = 2)
{
    MovementRequest r;
    r.kind = kind;
    r.productId = 42;
    r.quantity = pcs(5);
    r.fromLocationId = from;
    r.toLocationId = to;
    r.reason = "damaged";
    r.reference = "PO-7";
    return r;
}

bool expectedAllowed(MovementKind kind, LocationKind from, LocationKind to)
{
    using K = LocationKind;
    const std::set<std::pair<K, K>> adjustmentRoutes { { K::Adjustment, K::Internal }, { K::Internal, K::Adjustment } };
    switch (kind) {
    case MovementKind::Receipt:
        return from == K::Supplier && to == K::Internal;
    case MovementKind::Shipment:
        return from == K::Internal && to == K::Customer;
    case MovementKind::Transfer:
        return std::set<std::pair<K, K>> {
            { K::Internal, K::Internal }, { K::Internal, K::Transit }, { K::Transit, K::Internal }
        }.count({ from, to });
    case MovementKind::Adjustment:
    case MovementKind::Count:
        return adjustmentRoutes.count({ from, to }) != 0;
    }
    return false;
}

TEST(MovementTest, RefusesNonPositiveQuantity)
{
    auto zero = request(MovementKind::Receipt);
    zero.quantity = pcs(0);
    const auto supplier = location(1, LocationKind::Supplier);
    const auto shelf = location(2, LocationKind::Internal);
    EXPECT_TRUE(failsWith(planMovement(zero, supplier, shelf), ErrorKind::Invalid, "invalid_quantity", "quantity"));
    auto negative = request(MovementKind::Receipt);
    negative.quantity = pcs(-3);
    EXPECT_TRUE(failsWith(planMovement(negative, supplier, shelf), ErrorKind::Invalid, "invalid_quantity", "quantity"));
}

TEST(MovementTest, RefusesBadProductId)
{
    auto r = request(MovementKind::Receipt);
    r.productId = 0;
    EXPECT_TRUE(failsWith(planMovement(r, location(1, LocationKind::Supplier), location(2, LocationKind::Internal)),
        ErrorKind::Invalid, "invalid_product_id", "product_id"));
}

TEST(MovementTest, RefusesSameLocation)
{
    const auto shelf = location(2, LocationKind::Internal);
    EXPECT_TRUE(failsWith(planMovement(request(MovementKind::Transfer, 2, 2), shelf, shelf), ErrorKind::Invalid,
        "same_location", "to_location_id"));
}

TEST(MovementTest, RefusesInactiveLocations)
{
    auto supplier = location(1, LocationKind::Supplier);
    auto shelf = location(2, LocationKind::Internal);
    shelf.active = false;
    EXPECT_TRUE(failsWith(planMovement(request(MovementKind::Receipt), supplier, shelf), ErrorKind::Unprocessable,
        "location_inactive", "to_location_id"));
    shelf.active = true;
    supplier.active = false;
    EXPECT_TRUE(failsWith(planMovement(request(MovementKind::Receipt), supplier, shelf), ErrorKind::Unprocessable,
        "location_inactive", "from_location_id"));
}

TEST(MovementTest, EveryRouteIsAllowedOrRefusedAsSpecified)
{
    int allowed = 0;
    int refused = 0;
    for (auto kind : kAllMovementKinds) {
        for (auto fromKind : kAllLocationKinds) {
            for (auto toKind : kAllLocationKinds) {
                const auto result = planMovement(request(kind), location(1, fromKind), location(2, toKind));
                const std::string label = std::string(movementKindName(kind)) + " "
                    + std::string(locationKindName(fromKind)) + "->" + std::string(locationKindName(toKind));
                if (expectedAllowed(kind, fromKind, toKind)) {
                    EXPECT_TRUE(succeeds(result)) << label;
                    ++allowed;
                } else {
                    ASSERT_TRUE(failsWith(result, ErrorKind::Unprocessable, "invalid_movement_route")) << label;
                    const std::string expectedTail = "not from " + std::string(locationKindName(fromKind)) + " to "
                        + std::string(locationKindName(toKind)) + ".";
                    EXPECT_NE(result.error().message.find(expectedTail), std::string::npos)
                        << label << ": " << result.error().message;
                    ++refused;
                }
            }
        }
    }
    EXPECT_EQ(allowed, 1 + 1 + 3 + 2 + 2);
    EXPECT_EQ(refused, 5 * 25 - allowed);
}

TEST(MovementTest, AdjustmentNeedsAReason)
{
    auto r = request(MovementKind::Adjustment);
    r.reason = "   ";
    EXPECT_TRUE(failsWith(planMovement(r, location(1, LocationKind::Adjustment), location(2, LocationKind::Internal)),
        ErrorKind::Invalid, "reason_required", "reason"));
}

TEST(MovementTest, RefusesOverlongReasonAndReference)
{
    const auto supplier = location(1, LocationKind::Supplier);
    const auto shelf = location(2, LocationKind::Internal);
    auto longReason = request(MovementKind::Receipt);
    longReason.reason = std::string(201, 'r');
    EXPECT_TRUE(failsWith(planMovement(longReason, supplier, shelf), ErrorKind::Invalid, "too_long", "reason"));
    auto longReference = request(MovementKind::Receipt);
    longReference.reference = std::string(101, 'x');
    EXPECT_TRUE(failsWith(planMovement(longReference, supplier, shelf), ErrorKind::Invalid, "too_long", "reference"));
    auto newline = request(MovementKind::Receipt);
    newline.reference = "a\nb";
    EXPECT_TRUE(failsWith(planMovement(newline, supplier, shelf), ErrorKind::Invalid, "invalid_text", "reference"));
}

TEST(MovementTest, PlansTheMovementToRecord)
{
    auto r = request(MovementKind::Receipt, 1, 2);
    r.reason = "  ";
    r.reference = " PO-7 ";
    const auto movement = planMovement(r, location(1, LocationKind::Supplier), location(2, LocationKind::Internal));
    ASSERT_TRUE(succeeds(movement));
    EXPECT_EQ(movement->id, 0);
    EXPECT_EQ(movement->kind, MovementKind::Receipt);
    EXPECT_EQ(movement->productId, 42);
    EXPECT_EQ(movement->fromLocationId, 1);
    EXPECT_EQ(movement->toLocationId, 2);
    EXPECT_EQ(movement->quantity.milli(), 5000);
    EXPECT_EQ(movement->reason, "");
    EXPECT_EQ(movement->reference, "PO-7");
    EXPECT_EQ(movement->occurredAtMs, 0);
}

TEST(MovementTest, CountReasonDefaultsToCount)
{
    auto r = request(MovementKind::Count, 2, 3);
    r.reason = "";
    const auto movement = planMovement(r, location(2, LocationKind::Internal), location(3, LocationKind::Adjustment));
    ASSERT_TRUE(succeeds(movement));
    EXPECT_EQ(movement->reason, "count");
    r.reason = "cycle count aisle 4";
    EXPECT_EQ(planMovement(r, location(2, LocationKind::Internal), location(3, LocationKind::Adjustment))->reason,
        "cycle count aisle 4");
}

TEST(MovementTest, KindNamesRoundTrip)
{
    EXPECT_EQ(movementKindName(MovementKind::Receipt), "receipt");
    EXPECT_EQ(movementKindName(MovementKind::Shipment), "shipment");
    EXPECT_EQ(movementKindName(MovementKind::Transfer), "transfer");
    EXPECT_EQ(movementKindName(MovementKind::Adjustment), "adjustment");
    EXPECT_EQ(movementKindName(MovementKind::Count), "count");
    for (auto kind : kAllMovementKinds)
        EXPECT_EQ(parseMovementKind(movementKindName(kind)), kind);
    EXPECT_EQ(parseMovementKind("Receipt"), std::nullopt);
    EXPECT_EQ(parseMovementKind("sale"), std::nullopt);
}

TEST(CountPlanningTest, RefusesMixedUnits)
{
    const auto kg = Quantity::fromMilli(1000, Unit::parse("kg").value()).value();
    EXPECT_THROW(planCount(42, 2, 9, kg, pcs(1)), std::invalid_argument);
    EXPECT_THROW(planCountAgainstSnapshot(42, 2, 9, pcs(1), pcs(1), kg), std::invalid_argument);
}

TEST(CountPlanningTest, NothingToDoWhenTheCountMatches)
{
    EXPECT_EQ(planCount(42, 2, 9, pcs(7), pcs(7)), std::nullopt);
    EXPECT_EQ(planCountAgainstSnapshot(42, 2, 9, pcs(10), pcs(10), pcs(-3)), std::nullopt);
}

TEST(CountPlanningTest, MissingStockGoesToAdjustment)
{
    const auto plan = planCount(42, 2, 9, pcs(7), pcs(10));
    ASSERT_TRUE(plan.has_value());
    EXPECT_EQ(plan->kind, MovementKind::Count);
    EXPECT_EQ(plan->productId, 42);
    EXPECT_EQ(plan->fromLocationId, 2);
    EXPECT_EQ(plan->toLocationId, 9);
    EXPECT_EQ(plan->quantity.milli(), 3000);
    EXPECT_EQ(plan->reason, "count");
}

TEST(CountPlanningTest, FoundStockComesFromAdjustment)
{
    const auto plan = planCount(42, 2, 9, pcs(12), pcs(10));
    ASSERT_TRUE(plan.has_value());
    EXPECT_EQ(plan->fromLocationId, 9);
    EXPECT_EQ(plan->toLocationId, 2);
    EXPECT_EQ(plan->quantity.milli(), 2000);
    // A negative on-hand counted as zero brings it back up.
    const auto fromNegative = planCount(42, 2, 9, pcs(0), pcs(-4));
    ASSERT_TRUE(fromNegative.has_value());
    EXPECT_EQ(fromNegative->toLocationId, 2);
    EXPECT_EQ(fromNegative->quantity.milli(), 4000);
}

TEST(CountPlanningTest, PlannedCountIsAValidMovement)
{
    const auto plan = planCount(42, 2, 9, pcs(7), pcs(10));
    ASSERT_TRUE(plan.has_value());
    EXPECT_TRUE(
        succeeds(planMovement(*plan, location(2, LocationKind::Internal), location(9, LocationKind::Adjustment))));
}

TEST(CountPlanningTest, SnapshotCountKeepsSalesMadeAfterTheSnapshot)
{
    // Snapshot said 10; the shelf was counted at 8 (2 missing); meanwhile 3 were sold,
    // so the ledger now shows 7. The adjustment must remove 2, leaving 5.
    const auto plan = planCountAgainstSnapshot(42, 2, 9, pcs(8), pcs(10), pcs(-3));
    ASSERT_TRUE(plan.has_value());
    EXPECT_EQ(plan->fromLocationId, 2);
    EXPECT_EQ(plan->toLocationId, 9);
    EXPECT_EQ(plan->quantity.milli(), 2000);
    // Counting against the current on-hand instead would book +1 and erase the sale.
    const auto naive = planCount(42, 2, 9, pcs(8), pcs(7));
    ASSERT_TRUE(naive.has_value());
    EXPECT_EQ(naive->toLocationId, 2);
    EXPECT_EQ(naive->quantity.milli(), 1000);
}

TEST(CountPlanningTest, SnapshotCountWithReceiptsMeanwhile)
{
    // Snapshot 4, counted 6 (2 found); 5 received since. Adjustment +2 → ledger 11.
    const auto plan = planCountAgainstSnapshot(42, 2, 9, pcs(6), pcs(4), pcs(5));
    ASSERT_TRUE(plan.has_value());
    EXPECT_EQ(plan->fromLocationId, 9);
    EXPECT_EQ(plan->toLocationId, 2);
    EXPECT_EQ(plan->quantity.milli(), 2000);
}

} // namespace
} // namespace tosserp::domain
