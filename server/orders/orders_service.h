#pragma once

#include "domain/order.h"
#include "server/core/idempotency.h"
#include "server/core/page.h"
#include "server/db/database.h"
#include "server/events/event_store.h"
#include "server/events/replay.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tosserp::orders {

struct LineRequest {
    std::int64_t productId = 0;
    std::string quantity;
};

struct OrderRequest {
    std::int64_t customerId = 0;
    std::int64_t warehouseId = 0;
    std::vector<LineRequest> lines;
    int taxRateBasisPoints = 0;
};

struct OrderQuery {
    std::optional<domain::OrderState> state;
    std::optional<std::int64_t> customerId;
    /// Only orders of these warehouses (a scoped caller's); nullopt for all.
    std::optional<std::set<std::int64_t>> warehouses;
    std::int64_t afterId = 0;
    int limit = 100;
};

/// The Orders domain: customers, orders and their life, and the Orders' side of the order
/// saga. Every change appends its events (stream "order-ID", "customer-ID") in the same
/// transaction. Thread-safe.
///
/// The saga: place → OrderPlaced; Stock answers OrderStockReserved (→ reserved,
/// OrderReserved) or OrderStockRejected (→ rejected); Payments answers PaymentCaptured
/// (→ paid, OrderPaid) or PaymentFailed (→ cancelled, OrderCancelled, and Stock releases).
class OrdersService {
public:
    explicit OrdersService(db::Database& database);

    domain::Result<domain::Customer> createCustomer(
        const std::string& name, const std::string& email, const events::EventContext& context);
    domain::Result<domain::Customer> customer(std::int64_t id) const;
    Page<domain::Customer> customers(std::int64_t afterId, int limit) const;

    /// A draft with the lines priced as the catalog has them now. Refused: an unknown
    /// customer (Unprocessable "customer_not_found", field "customer_id"); a product the
    /// catalog does not have or no longer sells ("product_not_found" / "product_inactive",
    /// field "lines[i].product_id"); a quantity the product's unit cannot hold; the
    /// domain's draft rules. With a key seen before, the first answer's order.
    domain::Result<domain::Order> createOrder(
        const OrderRequest& request, const std::optional<IdempotencyKey>& key, const events::EventContext& context);
    domain::Result<domain::Order> order(std::int64_t id) const;
    Page<domain::Order> orders(const OrderQuery& query) const;
    /// How many orders created at or after `sinceMs` are in each state now (in `warehouses`
    /// only, when given).
    std::map<std::string, std::int64_t> orderCounts(
        std::int64_t sinceMs, const std::optional<std::set<std::int64_t>>& warehouses) const;

    /// Draft → placed, re-priced from the catalog; starts the saga (OrderPlaced).
    domain::Result<domain::Order> place(std::int64_t id, const events::EventContext& context);
    /// Cancels with the person's reason; Stock releases any reservation, Payments refunds
    /// any capture that lands afterwards.
    domain::Result<domain::Order> cancel(
        std::int64_t id, const std::string& reason, const events::EventContext& context);
    /// Paid → shipped; Stock turns the reservations into shipments (OrderShipped).
    domain::Result<domain::Order> ship(std::int64_t id, const events::EventContext& context);

    /// The Orders' consumers (see EventDispatcher): Stock's product events keep the catalog
    /// projection, Stock's and Payments' saga answers move orders on.
    static const std::vector<std::string>& stockEventTypes();
    static const std::vector<std::string>& paymentEventTypes();
    void onStockEvent(const events::EventRecord& event);
    void onPaymentEvent(const events::EventRecord& event);
    static constexpr const char* kStockConsumer = "orders.stock";

    /// Rebuilds the Orders' projections from events and compares them with the live tables,
    /// replacing what differs unless `dryRun`: the catalog copy from Stock's product events
    /// (up to the position the consumer has applied), and each order's state from its own
    /// events. Each runs in one write transaction.
    std::vector<events::ReplayReport> replay(db::Database& stock, bool dryRun);
    static constexpr const char* kPaymentsConsumer = "orders.payments";

private:
    db::Database& m_db;
};

/// {"id", "name", "email", "version"}.
nlohmann::json customerToJson(const domain::Customer& customer);
/// {"id", "customer_id", "warehouse_id", "state", "reason", "tax_rate", "lines": [{"product_id",
/// "sku", "name", "quantity", "unit", "unit_price", "net"}], "totals": {"net", "taxes": [{"rate",
/// "base", "tax"}], "gross"}, "version"}.
nlohmann::json orderToJson(const domain::Order& order);

} // namespace tosserp::orders
