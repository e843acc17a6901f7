#include "server/stock/stock_schema.h"

#include "server/events/dispatcher.h"
#include "server/events/event_store.h"

namespace tosserp::stock {

namespace {

// Products, categories, warehouses and locations are the current state (a projection of
// their events, kept in the same transaction). Stock on hand is never stored as the truth:
// `stock_movements` is the double-entry ledger, and `stock_levels` is a projection of it
// that `replay` can rebuild and compare.
constexpr const char* kCatalogAndInventory = R"sql(
CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES categories (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX categories_parent ON categories (parent_id);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category_id INTEGER REFERENCES categories (id),
    unit TEXT NOT NULL,
    price_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE UNIQUE INDEX products_sku ON products (sku) WHERE deleted_at IS NULL;
CREATE INDEX products_category ON products (category_id);

CREATE TABLE product_barcodes (
    code TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    symbology TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX product_barcodes_product ON product_barcodes (product_id, position);

CREATE TABLE warehouses (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE locations (
    id INTEGER PRIMARY KEY,
    warehouse_id INTEGER REFERENCES warehouses (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('internal', 'supplier', 'customer', 'adjustment', 'transit')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX locations_code ON locations (COALESCE(warehouse_id, 0), code);

INSERT INTO locations (id, warehouse_id, code, name, kind, created_at) VALUES
    (1, NULL, 'SUPPLIERS', 'Suppliers', 'supplier', 0),
    (2, NULL, 'CUSTOMERS', 'Customers', 'customer', 0),
    (3, NULL, 'ADJUSTMENTS', 'Inventory adjustments', 'adjustment', 0),
    (4, NULL, 'TRANSIT', 'Goods in transit', 'transit', 0);

CREATE TABLE stock_movements (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (id),
    from_location_id INTEGER NOT NULL REFERENCES locations (id),
    to_location_id INTEGER NOT NULL REFERENCES locations (id),
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    reason TEXT NOT NULL DEFAULT '',
    reference TEXT NOT NULL DEFAULT '',
    occurred_at INTEGER NOT NULL,
    actor TEXT NOT NULL
);
CREATE INDEX stock_movements_product ON stock_movements (product_id, id);

CREATE TABLE stock_levels (
    product_id INTEGER NOT NULL,
    location_id INTEGER NOT NULL,
    quantity_milli INTEGER NOT NULL,
    PRIMARY KEY (product_id, location_id)
) WITHOUT ROWID;
CREATE INDEX stock_levels_location ON stock_levels (location_id, product_id);

CREATE TABLE reservations (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
    quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
    reference TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('active', 'released', 'consumed')),
    created_at INTEGER NOT NULL
);
CREATE INDEX reservations_product ON reservations (product_id, warehouse_id) WHERE state = 'active';

CREATE TABLE reorder_points (
    product_id INTEGER NOT NULL REFERENCES products (id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
    min_milli INTEGER NOT NULL,
    reorder_milli INTEGER NOT NULL,
    PRIMARY KEY (product_id, warehouse_id)
);

CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    result TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
)sql";

} // namespace

const std::vector<db::Migration>& stockMigrations()
{
    static const std::vector<db::Migration> migrations = {
        { 1, "events table", events::EventStore::schema() },
        { 2, "catalog and inventory", kCatalogAndInventory },
        { 3, "server identity for sync cursors",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO meta (key, value) VALUES ('server_id', lower(hex(randomblob(16))));" },
        { 4, "consumer checkpoints (Stock consumes the Orders events)",
            std::string(events::Checkpoints::schema())
                + "CREATE INDEX reservations_reference ON reservations (reference) WHERE state = 'active';" },
        { 5, "movements by time (the day's figures)",
            "CREATE INDEX stock_movements_occurred ON stock_movements (occurred_at);" },
    };
    return migrations;
}

} // namespace tosserp::stock
