#include "domain/ledger.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <utility>
#include <vector>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

constexpr std::int64_t kSupplier = 1;
constexpr std::int64_t kCustomer = 2;
constexpr std::int64_t kAdjustment = 3;
constexpr std::int64_t kShelfA = 10;
constexpr std::int64_t kShelfB = 11;
constexpr std::int64_t kTransit = 20;

Quantity pcs(std::int64_t whole)
{
    return Quantity::fromMilli(whole * 1000, Unit()).value();
}

StockMovement move(MovementKind kind, std::int64_t product, std::int64_t from, std::int64_t to, std::int64_t whole)
{
    StockMovement m;
    m.kind = kind;
    m.productId = product;
    m.fromLocationId = from;
    m.toLocationId = to;
    m.quantity = pcs(whole);
    return m;
}

TEST(LedgerTest, RefusesInsufficientStockWithoutChangingBalances)
{
    StockLedger ledger;
    ASSERT_TRUE(
        succeeds(ledger.apply(move(MovementKind::Receipt, 7, kSupplier, kShelfA, 5), false, LocationKind::Supplier)));
    const auto before = ledger.balances();
    EXPECT_TRUE(
        failsWith(ledger.apply(move(MovementKind::Shipment, 7, kShelfA, kCustomer, 6), false, LocationKind::Internal),
            ErrorKind::Unprocessable, "insufficient_stock", "quantity"));
    EXPECT_EQ(ledger.balances(), before);
    EXPECT_EQ(ledger.balanceMilli(7, kShelfA), 5000);
    EXPECT_EQ(ledger.balanceMilli(7, kCustomer), 0);
    EXPECT_EQ(ledger.movementCount(), 1u);
    // Another product's stock does not help.
    EXPECT_TRUE(
        failsWith(ledger.apply(move(MovementKind::Shipment, 8, kShelfA, kCustomer, 1), false, LocationKind::Internal),
            ErrorKind::Unprocessable, "insufficient_stock", "quantity"));
}

TEST(LedgerTest, RefusesNonPositiveMovements)
{
    StockLedger ledger;
    EXPECT_TRUE(
        failsWith(ledger.apply(move(MovementKind::Receipt, 7, kSupplier, kShelfA, 0), false, LocationKind::Supplier),
            ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(
        failsWith(ledger.apply(move(MovementKind::Receipt, 7, kSupplier, kShelfA, -2), true, LocationKind::Supplier),
            ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(ledger.balances().empty());
}

TEST(LedgerTest, RefusesBalanceOverflow)
{
    StockLedger ledger;
    auto huge = move(MovementKind::Receipt, 7, kSupplier, kShelfA, 1);
    huge.quantity = Quantity::fromMilli(std::numeric_limits<std::int64_t>::max(), Unit::parse("kg").value()).value();
    ASSERT_TRUE(succeeds(ledger.apply(huge, false, LocationKind::Supplier)));
    auto more = huge;
    more.quantity = Quantity::fromMilli(1, Unit::parse("kg").value()).value();
    EXPECT_TRUE(failsWith(
        ledger.apply(more, false, LocationKind::Supplier), ErrorKind::Invalid, "quantity_overflow", "quantity"));
    EXPECT_EQ(ledger.balanceMilli(7, kShelfA), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(ledger.totalMilli(7), 0);
}

TEST(LedgerTest, VirtualLocationsAndAllowedNegativesGoBelowZero)
{
    StockLedger ledger;
    ASSERT_TRUE(
        succeeds(ledger.apply(move(MovementKind::Shipment, 7, kShelfA, kCustomer, 2), true, LocationKind::Internal)));
    EXPECT_EQ(ledger.balanceMilli(7, kShelfA), -2000);
    EXPECT_EQ(ledger.balanceMilli(7, kCustomer), 2000);
    ASSERT_TRUE(
        succeeds(ledger.apply(move(MovementKind::Receipt, 7, kSupplier, kShelfA, 3), false, LocationKind::Supplier)));
    EXPECT_EQ(ledger.balanceMilli(7, kSupplier), -3000);
    EXPECT_EQ(ledger.balanceMilli(7, kShelfA), 1000);
    EXPECT_EQ(ledger.totalMilli(7), 0);
    EXPECT_EQ(ledger.balances(),
        (std::vector<LedgerBalance> { { 7, kSupplier, -3000 }, { 7, kCustomer, 2000 }, { 7, kShelfA, 1000 } }));
}

TEST(LedgerTest, BalancesOmitZeroAndAreOrdered)
{
    StockLedger ledger;
    ASSERT_TRUE(
        ledger.apply(move(MovementKind::Receipt, 9, kSupplier, kShelfB, 4), false, LocationKind::Supplier).ok());
    ASSERT_TRUE(
        ledger.apply(move(MovementKind::Receipt, 5, kSupplier, kShelfA, 1), false, LocationKind::Supplier).ok());
    ASSERT_TRUE(
        ledger.apply(move(MovementKind::Shipment, 9, kShelfB, kCustomer, 4), false, LocationKind::Internal).ok());
    EXPECT_EQ(ledger.balances(),
        (std::vector<LedgerBalance> {
            { 5, kSupplier, -1000 }, { 5, kShelfA, 1000 }, { 9, kSupplier, -4000 }, { 9, kCustomer, 4000 } }));
    EXPECT_EQ(ledger.balanceMilli(9, kShelfB), 0);
    EXPECT_EQ(ledger.balanceMilli(99, kShelfB), 0);
    EXPECT_EQ(ledger.movementCount(), 3u);
}

struct Route {
    MovementKind kind;
    std::int64_t from;
    std::int64_t to;
    LocationKind fromKind;
};

TEST(LedgerTest, RandomMovementsKeepDoubleEntryAndRefuseOverdrafts)
{
    const std::array routes {
        Route { MovementKind::Receipt, kSupplier, kShelfA, LocationKind::Supplier },
        Route { MovementKind::Receipt, kSupplier, kShelfB, LocationKind::Supplier },
        Route { MovementKind::Shipment, kShelfA, kCustomer, LocationKind::Internal },
        Route { MovementKind::Shipment, kShelfB, kCustomer, LocationKind::Internal },
        Route { MovementKind::Transfer, kShelfA, kShelfB, LocationKind::Internal },
        Route { MovementKind::Transfer, kShelfB, kTransit, LocationKind::Internal },
        Route { MovementKind::Transfer, kTransit, kShelfA, LocationKind::Transit },
        Route { MovementKind::Adjustment, kAdjustment, kShelfA, LocationKind::Adjustment },
        Route { MovementKind::Adjustment, kShelfB, kAdjustment, LocationKind::Internal },
    };
    const std::array internal { kShelfA, kShelfB };
    std::mt19937 rng(20240611u);
    StockLedger ledger;
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> model;
    int accepted = 0;
    int refused = 0;

    for (int step = 0; step < 5000; ++step) {
        const auto& route = routes[rng() % routes.size()];
        const std::int64_t product = 1 + static_cast<std::int64_t>(rng() % 3);
        const std::int64_t amount = 1 + static_cast<std::int64_t>(rng() % 20);
        const auto movement = move(route.kind, product, route.from, route.to, amount);
        const auto before = ledger.balances();
        const auto fromBefore = ledger.balanceMilli(product, route.from);
        const auto result = ledger.apply(movement, false, route.fromKind);
        if (route.fromKind == LocationKind::Internal && fromBefore < amount * 1000) {
            ASSERT_TRUE(failsWith(result, ErrorKind::Unprocessable, "insufficient_stock", "quantity")) << step;
            ASSERT_EQ(ledger.balances(), before) << step;
            ++refused;
        } else {
            ASSERT_TRUE(succeeds(result)) << step;
            model[{ product, route.from }] -= amount * 1000;
            model[{ product, route.to }] += amount * 1000;
            ++accepted;
        }
        for (std::int64_t p = 1; p <= 3; ++p) {
            ASSERT_EQ(ledger.totalMilli(p), 0) << step;
            std::int64_t sum = 0;
            for (const auto& balance : ledger.balances()) {
                if (balance.productId == p)
                    sum += balance.milli;
            }
            ASSERT_EQ(sum, 0) << step;
            for (auto location : internal)
                ASSERT_GE(ledger.balanceMilli(p, location), 0) << step;
        }
    }
    for (const auto& [key, milli] : model)
        EXPECT_EQ(ledger.balanceMilli(key.first, key.second), milli);
    EXPECT_EQ(ledger.movementCount(), static_cast<std::size_t>(accepted));
    // The sequence must exercise both outcomes to prove anything.
    EXPECT_GT(accepted, 1000);
    EXPECT_GT(refused, 100);
}

} // namespace
} // namespace tosserp::domain
