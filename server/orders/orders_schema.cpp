#include "server/orders/orders_schema.h"

#include "server/core/idempotency.h"
#include "server/events/dispatcher.h"
#include "server/events/event_store.h"

namespace tosserp::orders {

namespace {

// Orders own customers, orders and their lines. `catalog` is the Orders' own projection of
// Stock's product events (what a line copies at placement), never a read of Stock's tables.
constexpr const char* kOrders = R"sql(
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    warehouse_id INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'placed', 'reserved', 'paid', 'shipped', 'cancelled', 'rejected')),
    tax_rate_bp INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX orders_state ON orders (state, id);
CREATE INDEX orders_customer ON orders (customer_id, id);

CREATE TABLE order_lines (
    order_id INTEGER NOT NULL REFERENCES orders (id),
    line INTEGER NOT NULL,
    product_id INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    price_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    PRIMARY KEY (order_id, line)
) WITHOUT ROWID;

CREATE TABLE catalog (
    product_id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    price_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    active INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
)sql";

} // namespace

const std::vector<db::Migration>& ordersMigrations()
{
    static const std::vector<db::Migration> migrations = {
        { 1, "events table", events::EventStore::schema() },
        { 2, "customers, orders and the catalog projection", kOrders },
        { 3, "consumer checkpoints and idempotency keys",
            std::string(events::Checkpoints::schema()) + idempotencyKeysSchema() },
        { 4, "orders by time (the day's figures)", "CREATE INDEX orders_created ON orders (created_at);" },
    };
    return migrations;
}

} // namespace tosserp::orders
