#pragma once

#include "domain/money.h"
#include "domain/quantity.h"
#include "domain/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::domain {

/// Someone who orders. Name required (≤200 characters, "required" / "too_long", field
/// "name"); email optional and valid when given ("invalid_email", field "email").
struct Customer {
    static constexpr std::size_t kMaxNameLength = 200;

    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::int64_t version = 1;

    static Result<Customer> create(std::string_view name, std::string_view email);

    friend bool operator==(const Customer&, const Customer&) = default;
};

/// One line of an order: a product by id with the SKU, name and unit price copied from the
/// catalog when the order is placed, so a later price change never alters a placed order.
struct OrderLine {
    std::int64_t productId = 0;
    std::string sku;
    std::string name;
    Quantity quantity;
    Money unitPrice = Money::of(0, Currency::parse("EUR").value());

    /// unit price × quantity, rounded half away from zero to the currency's minor unit.
    Result<Money> net() const;

    friend bool operator==(const OrderLine&, const OrderLine&) = default;
};

/// The tax of an order at one rate: the rate in basis points (1900 = 19 %) and the tax
/// on the lines' net total, rounded half away from zero.
struct TaxLine {
    int rateBasisPoints = 0;
    Money base = Money::of(0, Currency::parse("EUR").value());
    Money tax = Money::of(0, Currency::parse("EUR").value());

    friend bool operator==(const TaxLine&, const TaxLine&) = default;
};

struct OrderTotals {
    Money net;
    std::vector<TaxLine> taxes;
    Money gross;

    friend bool operator==(const OrderTotals&, const OrderTotals&) = default;
};

enum class OrderState { Draft, Placed, Reserved, Paid, Shipped, Cancelled, Rejected };

/// "draft", "placed", "reserved", "paid", "shipped", "cancelled", "rejected".
std::string_view orderStateName(OrderState state);
std::optional<OrderState> parseOrderState(std::string_view name);
/// Shipped, cancelled and rejected orders change no more.
bool isFinal(OrderState state);

/// A customer's order and its life: draft → placed → reserved → paid → shipped, or
/// cancelled / rejected with a reason a person can read. Every transition out of the
/// wrong state is refused with Conflict "invalid_order_state" and changes nothing.
class Order {
public:
    static constexpr std::size_t kMaxLines = 200;
    static constexpr std::size_t kMaxReasonLength = 500;
    static constexpr int kMaxTaxRateBasisPoints = 10000;

    /// A draft. Refused (Invalid): no lines or more than kMaxLines ("invalid_lines", field
    /// "lines"); a non-positive customer or warehouse id ("invalid_customer_id" /
    /// "invalid_warehouse_id"); a line with a non-positive product id or quantity
    /// ("invalid_product_id" / "invalid_quantity", field "lines[i].…"); the same product
    /// twice ("duplicate_product"); a tax rate outside 0..10000 basis points
    /// ("invalid_tax_rate", field "tax_rate").
    static Result<Order> draft(
        std::int64_t customerId, std::int64_t warehouseId, std::vector<OrderLine> lines, int taxRateBasisPoints);

    std::int64_t id() const { return m_id; }
    std::int64_t customerId() const { return m_customerId; }
    std::int64_t warehouseId() const { return m_warehouseId; }
    OrderState state() const { return m_state; }
    const std::vector<OrderLine>& lines() const { return m_lines; }
    int taxRateBasisPoints() const { return m_taxRate; }
    /// Why the order was cancelled or rejected ("" otherwise).
    const std::string& reason() const { return m_reason; }
    std::int64_t version() const { return m_version; }

    /// Net, one tax line, gross; Invalid "currency_mismatch" when the lines' prices are in
    /// different currencies, "amount_overflow" past int64 minor units.
    Result<OrderTotals> totals() const;

    /// Draft → placed with the lines priced as the catalog has them now: each priced line
    /// must be the same product and quantity as the draft's line at the same index, and all
    /// prices one currency (Invalid "currency_mismatch"; "lines_changed" otherwise).
    Result<void> place(std::vector<OrderLine> priced);
    /// Placed → reserved (stock promised).
    Result<void> markReserved();
    /// Placed → rejected (e.g. not enough stock), with the reason.
    Result<void> reject(std::string_view reason);
    /// Reserved → paid (payment captured).
    Result<void> markPaid();
    /// Paid → shipped.
    Result<void> ship();
    /// Draft, placed or reserved → cancelled, with the reason. A paid order is refunded
    /// first (Conflict "refund_first").
    Result<void> cancel(std::string_view reason);

    /// Rebuilds an order as stored (no validation; for repositories).
    static Order restore(std::int64_t id, std::int64_t customerId, std::int64_t warehouseId, OrderState state,
        std::vector<OrderLine> lines, int taxRateBasisPoints, std::string reason, std::int64_t version);
    void setId(std::int64_t id) { m_id = id; }
    void setVersion(std::int64_t version) { m_version = version; }

    friend bool operator==(const Order&, const Order&) = default;

private:
    Result<void> move(std::initializer_list<OrderState> from, OrderState to, std::string_view action);

    std::int64_t m_id = 0;
    std::int64_t m_customerId = 0;
    std::int64_t m_warehouseId = 0;
    OrderState m_state = OrderState::Draft;
    std::vector<OrderLine> m_lines;
    int m_taxRate = 0;
    std::string m_reason;
    std::int64_t m_version = 1;
};

/// `amount` × basisPoints / 10000, rounded half away from zero; Invalid "amount_overflow".
Result<Money> applyRate(const Money& amount, int basisPoints);

} // namespace tosserp::domain
