#include "client/src/replica.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace tosserp::client {

namespace {

// Synced tables hold what the server sent (the whole row as JSON, plus the columns the
// client filters and sorts on). The outbox and its effects are local intent.
const char* const kSchema[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL, "
    "category_id INTEGER, active INTEGER NOT NULL, version INTEGER NOT NULL, row TEXT NOT NULL)",
    "CREATE TABLE product_barcodes (code TEXT NOT NULL, product_id INTEGER NOT NULL)",
    "CREATE VIRTUAL TABLE products_fts USING fts5(name, sku, barcodes, tokenize = 'trigram')",
    "CREATE TABLE categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL, parent_id INTEGER, version INTEGER NOT "
    "NULL, row TEXT NOT NULL)",
    "CREATE TABLE warehouses (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, active INTEGER NOT "
    "NULL, version INTEGER NOT NULL, row TEXT NOT NULL)",
    "CREATE TABLE locations (id INTEGER PRIMARY KEY, warehouse_id INTEGER, code TEXT NOT NULL, name TEXT NOT NULL, "
    "kind TEXT NOT NULL, active INTEGER NOT NULL, row TEXT NOT NULL)",
    "CREATE TABLE stock_levels (product_id INTEGER NOT NULL, location_id INTEGER NOT NULL, warehouse_id INTEGER NOT "
    "NULL, quantity_milli INTEGER NOT NULL, unit TEXT NOT NULL, PRIMARY KEY (product_id, location_id)) WITHOUT "
    "ROWID",
    "CREATE TABLE reorder_points (product_id INTEGER NOT NULL, warehouse_id INTEGER NOT NULL, min_milli INTEGER NOT "
    "NULL, reorder_milli INTEGER NOT NULL, unit TEXT NOT NULL, PRIMARY KEY (product_id, warehouse_id)) WITHOUT "
    "ROWID",
    "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, "
    "payload TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', created_at INTEGER NOT NULL, attempts INTEGER "
    "NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX outbox_state ON outbox (state, seq)",
    "CREATE TABLE outbox_effects (seq INTEGER NOT NULL REFERENCES outbox (seq) ON DELETE CASCADE, product_id "
    "INTEGER NOT NULL, location_id INTEGER NOT NULL, delta_milli INTEGER NOT NULL)",
    "CREATE INDEX outbox_effects_seq ON outbox_effects (seq)",
    "CREATE TABLE conflicts (id INTEGER PRIMARY KEY AUTOINCREMENT, command_id TEXT NOT NULL, product_id INTEGER NOT "
    "NULL, field TEXT NOT NULL, base TEXT NOT NULL, mine TEXT NOT NULL, theirs TEXT NOT NULL, created_at INTEGER "
    "NOT NULL, resolution TEXT NOT NULL DEFAULT '')",
};

// Built after the tables in a new replica, and again after a snapshot fills them (sorting
// once beats inserting 100,000 keys in random order).
const char* const kCatalogIndexes[][2] = {
    { "products_sku", "products (sku)" },
    { "products_sku_nocase", "products (sku COLLATE NOCASE)" },
    { "products_name", "products (name COLLATE NOCASE)" },
    { "product_barcodes_code", "product_barcodes (code)" },
    { "product_barcodes_product", "product_barcodes (product_id)" },
};

QSqlQuery run(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        throw ReplicaError("replica: " + query.lastError().text().toStdString() + " in " + sql.toStdString());
    }
    return query;
}

} // namespace

void dropCatalogIndexes(QSqlDatabase& db)
{
    for (const auto& index : kCatalogIndexes) {
        run(db, QString("DROP INDEX IF EXISTS %1").arg(index[0]));
    }
}

void createCatalogIndexes(QSqlDatabase& db)
{
    for (const auto& index : kCatalogIndexes) {
        run(db, QString("CREATE INDEX IF NOT EXISTS %1 ON %2").arg(index[0], index[1]));
    }
}

void migrateReplica(QSqlDatabase& db)
{
    auto tables = run(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    tables.next();
    if (tables.value(0).toInt() == 0) {
        auto others = run(db, "SELECT count(*) FROM sqlite_master");
        others.next();
        if (others.value(0).toInt() != 0) {
            throw ReplicaError("this file is not a TossErp replica");
        }
        run(db, "BEGIN IMMEDIATE");
        for (const auto* statement : kSchema) {
            run(db, statement);
        }
        createCatalogIndexes(db);
        run(db, QString("INSERT INTO meta (key, value) VALUES ('schema_version', '%1')").arg(kReplicaSchemaVersion));
        run(db, "COMMIT");
        return;
    }
    auto version = run(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    const int found = version.next() ? version.value(0).toInt() : 0;
    if (found > kReplicaSchemaVersion) {
        throw ReplicaError("this replica was written by a newer version of TossErp (schema " + std::to_string(found)
            + "); update the program or start a new replica");
    }
    if (found < 1) {
        throw ReplicaError("this replica has no schema version; start a new replica");
    }
}

} // namespace tosserp::client
