#include "domain/order.h"

#include "domain/email.h"
#include "domain/text.h"

#include <set>

namespace tosserp::domain {

namespace {

/// numerator / denominator rounded half away from zero (denominator > 0).
std::int64_t roundedDivide(__int128 numerator, __int128 denominator)
{
    const __int128 half = denominator / 2;
    const __int128 q = numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
    return static_cast<std::int64_t>(q);
}

bool fitsInt64(__int128 value)
{
    return value >= INT64_MIN && value <= INT64_MAX;
}

std::string linesField(std::size_t index, std::string_view member)
{
    return "lines[" + std::to_string(index) + "]." + std::string(member);
}

} // namespace

Result<Customer> Customer::create(std::string_view name, std::string_view email)
{
    auto validName = validateName(name, "name", kMaxNameLength);
    if (!validName)
        return validName.error();
    Customer customer;
    customer.name = std::move(validName).value();
    if (!trimView(email).empty()) {
        auto validEmail = Email::parse(email);
        if (!validEmail)
            return validEmail.error();
        customer.email = validEmail.value().value();
    }
    return customer;
}

Result<Money> OrderLine::net() const
{
    const __int128 product = static_cast<__int128>(unitPrice.minor()) * quantity.milli();
    const __int128 rounded = roundedDivide(product, 1000);
    if (!fitsInt64(product / 1000))
        return invalid("amount_overflow", "The line's amount is too large.");
    return Money::of(static_cast<std::int64_t>(rounded), unitPrice.currency());
}

Result<Money> applyRate(const Money& amount, int basisPoints)
{
    const __int128 product = static_cast<__int128>(amount.minor()) * basisPoints;
    if (!fitsInt64(product / 10000))
        return invalid("amount_overflow", "The tax is too large.");
    return Money::of(roundedDivide(product, 10000), amount.currency());
}

std::string_view orderStateName(OrderState state)
{
    switch (state) {
    case OrderState::Draft:
        return "draft";
    case OrderState::Placed:
        return "placed";
    case OrderState::Reserved:
        return "reserved";
    case OrderState::Paid:
        return "paid";
    case OrderState::Shipped:
        return "shipped";
    case OrderState::Cancelled:
        return "cancelled";
    case OrderState::Rejected:
        return "rejected";
    }
    return "draft";
}

std::optional<OrderState> parseOrderState(std::string_view name)
{
    for (auto state : { OrderState::Draft, OrderState::Placed, OrderState::Reserved, OrderState::Paid,
             OrderState::Shipped, OrderState::Cancelled, OrderState::Rejected }) {
        if (orderStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

bool isFinal(OrderState state)
{
    return state == OrderState::Shipped || state == OrderState::Cancelled || state == OrderState::Rejected;
}

Result<Order> Order::draft(
    std::int64_t customerId, std::int64_t warehouseId, std::vector<OrderLine> lines, int taxRateBasisPoints)
{
    if (customerId <= 0)
        return invalid("invalid_customer_id", "The customer id must be positive.", "customer_id");
    if (warehouseId <= 0)
        return invalid("invalid_warehouse_id", "The warehouse id must be positive.", "warehouse_id");
    if (lines.empty() || lines.size() > kMaxLines) {
        return invalid("invalid_lines", "An order has 1 to " + std::to_string(kMaxLines) + " lines.", "lines");
    }
    if (taxRateBasisPoints < 0 || taxRateBasisPoints > kMaxTaxRateBasisPoints)
        return invalid("invalid_tax_rate", "The tax rate is 0 to 10000 basis points (0 to 100 %).", "tax_rate");
    std::set<std::int64_t> products;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].productId <= 0)
            return invalid("invalid_product_id", "The product id must be positive.", linesField(i, "product_id"));
        if (!lines[i].quantity.isPositive())
            return invalid("invalid_quantity", "Order a positive quantity.", linesField(i, "quantity"));
        if (!products.insert(lines[i].productId).second) {
            return invalid("duplicate_product", "Each product appears on one line; add to its quantity instead.",
                linesField(i, "product_id"));
        }
    }
    Order order;
    order.m_customerId = customerId;
    order.m_warehouseId = warehouseId;
    order.m_lines = std::move(lines);
    order.m_taxRate = taxRateBasisPoints;
    return order;
}

Result<OrderTotals> Order::totals() const
{
    if (m_lines.empty())
        return invalid("invalid_lines", "The order has no lines.", "lines");
    const auto& currency = m_lines.front().unitPrice.currency();
    auto net = Money::of(0, currency);
    for (const auto& line : m_lines) {
        auto lineNet = line.net();
        if (!lineNet)
            return lineNet.error();
        auto sum = net.plus(lineNet.value());
        if (!sum)
            return sum.error();
        net = sum.value();
    }
    auto tax = applyRate(net, m_taxRate);
    if (!tax)
        return tax.error();
    auto gross = net.plus(tax.value());
    if (!gross)
        return gross.error();
    return OrderTotals { net, { TaxLine { m_taxRate, net, tax.value() } }, gross.value() };
}

Result<void> Order::move(std::initializer_list<OrderState> from, OrderState to, std::string_view action)
{
    for (auto state : from) {
        if (m_state == state) {
            m_state = to;
            return {};
        }
    }
    return conflict("invalid_order_state",
        "A " + std::string(orderStateName(m_state)) + " order cannot be " + std::string(action) + ".");
}

Result<void> Order::place(std::vector<OrderLine> priced)
{
    if (m_state != OrderState::Draft)
        return move({}, OrderState::Placed, "placed");
    if (priced.size() != m_lines.size())
        return invalid("lines_changed", "The priced lines do not match the order.", "lines");
    for (std::size_t i = 0; i < priced.size(); ++i) {
        if (priced[i].productId != m_lines[i].productId || !(priced[i].quantity == m_lines[i].quantity))
            return invalid("lines_changed", "The priced lines do not match the order.", linesField(i, "product_id"));
        if (!(priced[i].unitPrice.currency() == priced.front().unitPrice.currency())) {
            return invalid(
                "currency_mismatch", "Every line of an order is priced in one currency.", linesField(i, "unit_price"));
        }
    }
    auto previous = std::move(m_lines);
    m_lines = std::move(priced);
    if (auto sum = totals(); !sum) {
        m_lines = std::move(previous);
        return sum.error();
    }
    m_state = OrderState::Placed;
    return {};
}

Result<void> Order::markReserved()
{
    return move({ OrderState::Placed }, OrderState::Reserved, "reserved");
}

Result<void> Order::reject(std::string_view reason)
{
    auto valid = validateName(reason, "reason", kMaxReasonLength);
    if (!valid)
        return valid.error();
    auto moved = move({ OrderState::Placed }, OrderState::Rejected, "rejected");
    if (moved)
        m_reason = std::move(valid).value();
    return moved;
}

Result<void> Order::markPaid()
{
    return move({ OrderState::Reserved }, OrderState::Paid, "paid");
}

Result<void> Order::ship()
{
    return move({ OrderState::Paid }, OrderState::Shipped, "shipped");
}

Result<void> Order::cancel(std::string_view reason)
{
    auto valid = validateName(reason, "reason", kMaxReasonLength);
    if (!valid)
        return valid.error();
    if (m_state == OrderState::Paid)
        return conflict("refund_first", "A paid order is refunded before it is cancelled.");
    auto moved
        = move({ OrderState::Draft, OrderState::Placed, OrderState::Reserved }, OrderState::Cancelled, "cancelled");
    if (moved)
        m_reason = std::move(valid).value();
    return moved;
}

Order Order::restore(std::int64_t id, std::int64_t customerId, std::int64_t warehouseId, OrderState state,
    std::vector<OrderLine> lines, int taxRateBasisPoints, std::string reason, std::int64_t version)
{
    Order order;
    order.m_id = id;
    order.m_customerId = customerId;
    order.m_warehouseId = warehouseId;
    order.m_state = state;
    order.m_lines = std::move(lines);
    order.m_taxRate = taxRateBasisPoints;
    order.m_reason = std::move(reason);
    order.m_version = version;
    return order;
}

} // namespace tosserp::domain
