#include "domain/order.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

Money eur(std::int64_t minor)
{
    return Money::of(minor, Currency::parse("EUR").value());
}

Quantity pcs(std::int64_t units)
{
    return Quantity::fromMilli(units * 1000, Unit::parse("pcs").value()).value();
}

OrderLine line(std::int64_t product, std::int64_t units, std::int64_t priceMinor = 0)
{
    return OrderLine { product, "SKU-" + std::to_string(product), "Product", pcs(units), eur(priceMinor) };
}

Order placedOrder()
{
    auto order = Order::draft(1, 1, { line(10, 2), line(11, 1) }, 1900).value();
    EXPECT_TRUE(succeeds(order.place({ line(10, 2, 1250), line(11, 1, 999) })));
    return order;
}

TEST(CustomerTest, NeedsANameAndAValidEmailWhenGiven)
{
    EXPECT_TRUE(failsWith(Customer::create(" ", ""), ErrorKind::Invalid, "required", "name"));
    EXPECT_TRUE(failsWith(Customer::create("Ada", "not-an-email"), ErrorKind::Invalid, "invalid_email", "email"));
    const auto customer = Customer::create("  Ada Lovelace ", "").value();
    EXPECT_EQ(customer.name, "Ada Lovelace");
    EXPECT_EQ(customer.email, "");
    EXPECT_EQ(Customer::create("Ada", "ada@example.com").value().email, "ada@example.com");
}

TEST(OrderTest, DraftRefusesBadInput)
{
    EXPECT_TRUE(failsWith(Order::draft(1, 1, {}, 0), ErrorKind::Invalid, "invalid_lines", "lines"));
    EXPECT_TRUE(
        failsWith(Order::draft(0, 1, { line(1, 1) }, 0), ErrorKind::Invalid, "invalid_customer_id", "customer_id"));
    EXPECT_TRUE(
        failsWith(Order::draft(1, -1, { line(1, 1) }, 0), ErrorKind::Invalid, "invalid_warehouse_id", "warehouse_id"));
    EXPECT_TRUE(failsWith(Order::draft(1, 1, { line(1, 1), line(0, 1) }, 0), ErrorKind::Invalid, "invalid_product_id",
        "lines[1].product_id"));
    EXPECT_TRUE(
        failsWith(Order::draft(1, 1, { line(1, 0) }, 0), ErrorKind::Invalid, "invalid_quantity", "lines[0].quantity"));
    EXPECT_TRUE(failsWith(Order::draft(1, 1, { line(1, 1), line(1, 2) }, 0), ErrorKind::Invalid, "duplicate_product",
        "lines[1].product_id"));
    EXPECT_TRUE(
        failsWith(Order::draft(1, 1, { line(1, 1) }, 10001), ErrorKind::Invalid, "invalid_tax_rate", "tax_rate"));
    EXPECT_TRUE(failsWith(Order::draft(1, 1, { line(1, 1) }, -1), ErrorKind::Invalid, "invalid_tax_rate", "tax_rate"));
    std::vector<OrderLine> many;
    for (std::int64_t i = 1; i <= static_cast<std::int64_t>(Order::kMaxLines) + 1; ++i) {
        many.push_back(line(i, 1));
    }
    EXPECT_TRUE(failsWith(Order::draft(1, 1, many, 0), ErrorKind::Invalid, "invalid_lines", "lines"));
    many.pop_back();
    EXPECT_TRUE(succeeds(Order::draft(1, 1, many, 0)));
}

TEST(OrderTest, TotalsRoundEachStepHalfAwayFromZero)
{
    const auto order = placedOrder();
    const auto totals = order.totals().value();
    EXPECT_EQ(totals.net, eur(2 * 1250 + 999)); // 34.99
    ASSERT_EQ(totals.taxes.size(), 1u);
    EXPECT_EQ(totals.taxes[0].rateBasisPoints, 1900);
    EXPECT_EQ(totals.taxes[0].tax, eur(665)); // 6.6481 → 6.65
    EXPECT_EQ(totals.gross, eur(3499 + 665));

    // A fractional quantity: 0.333 kg at 2.99/kg = 0.99567 → 1.00.
    OrderLine kg { 5, "K", "Cheese", Quantity::fromMilli(333, Unit::parse("kg").value()).value(), eur(299) };
    EXPECT_EQ(kg.net().value(), eur(100));
    EXPECT_EQ(applyRate(eur(5), 1000).value(), eur(1)); // 0.5 → 1
    EXPECT_EQ(applyRate(eur(-5), 1000).value(), eur(-1));
    EXPECT_EQ(applyRate(eur(4), 1000).value(), eur(0));
    EXPECT_TRUE(
        failsWith(applyRate(eur(INT64_MAX), 10000).value().plus(eur(1)), ErrorKind::Invalid, "amount_overflow"));
    OrderLine huge { 5, "H", "Huge", pcs(1000000), eur(INT64_MAX / 10) };
    EXPECT_TRUE(failsWith(huge.net(), ErrorKind::Invalid, "amount_overflow"));
}

TEST(OrderTest, PlaceCopiesThePricesAndRefusesOtherLinesOrCurrencies)
{
    auto order = Order::draft(1, 1, { line(10, 2), line(11, 1) }, 0).value();
    EXPECT_TRUE(failsWith(order.place({ line(10, 2, 100) }), ErrorKind::Invalid, "lines_changed", "lines"));
    EXPECT_TRUE(failsWith(order.place({ line(10, 3, 100), line(11, 1, 100) }), ErrorKind::Invalid, "lines_changed",
        "lines[0].product_id"));
    auto usd = line(11, 1);
    usd.unitPrice = Money::of(100, Currency::parse("USD").value());
    EXPECT_TRUE(failsWith(
        order.place({ line(10, 2, 100), usd }), ErrorKind::Invalid, "currency_mismatch", "lines[1].unit_price"));
    EXPECT_EQ(order.state(), OrderState::Draft);
    EXPECT_EQ(order.lines()[0].unitPrice, eur(0)); // nothing changed
    ASSERT_TRUE(succeeds(order.place({ line(10, 2, 100), line(11, 1, 250) })));
    EXPECT_EQ(order.state(), OrderState::Placed);
    EXPECT_EQ(order.lines()[1].unitPrice, eur(250));
    EXPECT_TRUE(
        failsWith(order.place({ line(10, 2, 100), line(11, 1, 250) }), ErrorKind::Conflict, "invalid_order_state"));
}

TEST(OrderTest, TheHappyPathEndsShipped)
{
    auto order = placedOrder();
    EXPECT_TRUE(failsWith(order.markPaid(), ErrorKind::Conflict, "invalid_order_state"));
    EXPECT_TRUE(failsWith(order.ship(), ErrorKind::Conflict, "invalid_order_state"));
    ASSERT_TRUE(succeeds(order.markReserved()));
    EXPECT_TRUE(failsWith(order.reject("late"), ErrorKind::Conflict, "invalid_order_state"));
    ASSERT_TRUE(succeeds(order.markPaid()));
    EXPECT_TRUE(failsWith(order.cancel("changed my mind"), ErrorKind::Conflict, "refund_first"));
    ASSERT_TRUE(succeeds(order.ship()));
    EXPECT_TRUE(isFinal(order.state()));
    EXPECT_TRUE(failsWith(order.cancel("too late"), ErrorKind::Conflict, "invalid_order_state"));
}

TEST(OrderTest, RejectAndCancelKeepAReadableReason)
{
    auto rejected = placedOrder();
    EXPECT_TRUE(failsWith(rejected.reject(" "), ErrorKind::Invalid, "required", "reason"));
    EXPECT_EQ(rejected.state(), OrderState::Placed);
    ASSERT_TRUE(succeeds(rejected.reject("Not enough stock of SKU-10 in MAIN: 1 available, 2 ordered.")));
    EXPECT_EQ(rejected.state(), OrderState::Rejected);
    EXPECT_EQ(rejected.reason(), "Not enough stock of SKU-10 in MAIN: 1 available, 2 ordered.");
    EXPECT_TRUE(failsWith(rejected.markReserved(), ErrorKind::Conflict, "invalid_order_state"));

    for (auto reserve : { false, true }) {
        auto order = placedOrder();
        if (reserve) {
            ASSERT_TRUE(succeeds(order.markReserved()));
        }
        ASSERT_TRUE(succeeds(order.cancel("Payment declined")));
        EXPECT_EQ(order.state(), OrderState::Cancelled);
        EXPECT_EQ(order.reason(), "Payment declined");
    }
    auto draft = Order::draft(1, 1, { line(1, 1) }, 0).value();
    ASSERT_TRUE(succeeds(draft.cancel("Typed by mistake")));
}

TEST(OrderTest, StateNamesRoundTrip)
{
    for (auto state : { OrderState::Draft, OrderState::Placed, OrderState::Reserved, OrderState::Paid,
             OrderState::Shipped, OrderState::Cancelled, OrderState::Rejected }) {
        EXPECT_EQ(parseOrderState(orderStateName(state)), state);
    }
    EXPECT_FALSE(parseOrderState("Paid").has_value());
    EXPECT_FALSE(parseOrderState("").has_value());
}

} // namespace
} // namespace tosserp::domain
