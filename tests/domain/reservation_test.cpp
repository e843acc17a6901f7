#include "domain/reservation.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

Quantity kg(std::int64_t milli)
{
    return Quantity::fromMilli(milli, Unit::parse("kg").value()).value();
}

TEST(ReservationTest, CreateRefusesBadInput)
{
    EXPECT_TRUE(
        failsWith(Reservation::create(1, 2, kg(0), "SO-1"), ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(
        failsWith(Reservation::create(1, 2, kg(-5), "SO-1"), ErrorKind::Invalid, "invalid_quantity", "quantity"));
    EXPECT_TRUE(
        failsWith(Reservation::create(0, 2, kg(5), "SO-1"), ErrorKind::Invalid, "invalid_product_id", "product_id"));
    EXPECT_TRUE(failsWith(
        Reservation::create(1, 0, kg(5), "SO-1"), ErrorKind::Invalid, "invalid_warehouse_id", "warehouse_id"));
    EXPECT_TRUE(failsWith(Reservation::create(1, 2, kg(5), " "), ErrorKind::Invalid, "required", "reference"));
    EXPECT_TRUE(failsWith(
        Reservation::create(1, 2, kg(5), std::string(101, 'r')), ErrorKind::Invalid, "too_long", "reference"));
}

TEST(ReservationTest, Create)
{
    const auto reservation = Reservation::create(1, 2, kg(1500), " SO-1 ");
    ASSERT_TRUE(succeeds(reservation));
    EXPECT_EQ(reservation->id, 0);
    EXPECT_EQ(reservation->productId, 1);
    EXPECT_EQ(reservation->warehouseId, 2);
    EXPECT_EQ(reservation->quantity, kg(1500));
    EXPECT_EQ(reservation->reference, "SO-1");
    EXPECT_EQ(reservation->state, Reservation::State::Active);
}

TEST(ReservationTest, OnlyActiveReservationsChangeState)
{
    auto released = Reservation::create(1, 2, kg(1000), "SO-1").value();
    ASSERT_TRUE(succeeds(released.release()));
    EXPECT_EQ(released.state, Reservation::State::Released);
    EXPECT_TRUE(failsWith(released.release(), ErrorKind::Conflict, "reservation_not_active"));
    EXPECT_TRUE(failsWith(released.consume(), ErrorKind::Conflict, "reservation_not_active"));
    EXPECT_EQ(released.state, Reservation::State::Released);

    auto consumed = Reservation::create(1, 2, kg(1000), "SO-2").value();
    ASSERT_TRUE(succeeds(consumed.consume()));
    EXPECT_EQ(consumed.state, Reservation::State::Consumed);
    EXPECT_TRUE(failsWith(consumed.release(), ErrorKind::Conflict, "reservation_not_active"));
    EXPECT_TRUE(failsWith(consumed.consume(), ErrorKind::Conflict, "reservation_not_active"));
    EXPECT_EQ(consumed.state, Reservation::State::Consumed);
}

TEST(ReservationTest, ReserveAllowedRefusesMoreThanAvailable)
{
    EXPECT_TRUE(failsWith(reserveAllowed(1499, kg(1500)), ErrorKind::Unprocessable, "insufficient_stock", "quantity"));
    EXPECT_TRUE(failsWith(reserveAllowed(-2000, kg(1)), ErrorKind::Unprocessable, "insufficient_stock", "quantity"));
    EXPECT_TRUE(succeeds(reserveAllowed(1500, kg(1500))));
    EXPECT_TRUE(succeeds(reserveAllowed(9000, kg(1))));
    const auto refused = reserveAllowed(1499, kg(1500));
    EXPECT_EQ(refused.error().message, "Only 1.499 kg available, 1.5 kg requested.");
}

TEST(ReservationTest, StateNamesRoundTrip)
{
    EXPECT_EQ(reservationStateName(Reservation::State::Active), "active");
    EXPECT_EQ(reservationStateName(Reservation::State::Released), "released");
    EXPECT_EQ(reservationStateName(Reservation::State::Consumed), "consumed");
    EXPECT_EQ(parseReservationState("released"), Reservation::State::Released);
    EXPECT_EQ(parseReservationState("Active"), std::nullopt);
}

} // namespace
} // namespace tosserp::domain
