#include "client/src/replica.h"

#include "domain/quantity.h"
#include "sync/checksum.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <atomic>

namespace tosserp::client {

namespace {

std::atomic<int> g_connections { 0 };

[[noreturn]] void fail(const QSqlQuery& query, const char* what)
{
    throw ReplicaError(std::string("replica: ") + what + ": " + query.lastError().text().toStdString());
}

QSqlQuery prepared(const QSqlDatabase& db, const QString& sql)
{
    QSqlQuery query(db);
    if (!query.prepare(sql)) {
        fail(query, "prepare");
    }
    return query;
}

void execute(QSqlQuery& query, const char* what)
{
    if (!query.exec()) {
        fail(query, what);
    }
}

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

std::int64_t milliOf(const nlohmann::json& quantity)
{
    if (quantity.is_string()) {
        // Decimal text as the person typed it; three decimals is the finest any unit allows.
        const auto parsed = domain::Quantity::parse(quantity.get<std::string>(), domain::Unit::parse("kg").value());
        return parsed ? parsed.value().milli() : 0;
    }
    const auto value = sync::quantityMilli(quantity);
    return value ? value.value() : 0;
}

/// Commits on success, rolls back when an exception leaves the scope.
class Transaction {
public:
    explicit Transaction(QSqlDatabase& db)
        : m_db(db)
    {
        QSqlQuery begin(m_db);
        if (!begin.exec("BEGIN IMMEDIATE")) {
            fail(begin, "begin");
        }
    }
    ~Transaction()
    {
        if (!m_done) {
            QSqlQuery(m_db).exec("ROLLBACK");
        }
    }
    void commit()
    {
        QSqlQuery commit(m_db);
        if (!commit.exec("COMMIT")) {
            fail(commit, "commit");
        }
        m_done = true;
    }

private:
    QSqlDatabase& m_db;
    bool m_done = false;
};

/// The stock effect of a movement command: (product, location, delta) triples.
std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> effectsOf(
    sync::CommandType type, const nlohmann::json& payload, std::int64_t productId, std::int64_t onHandMilli)
{
    using T = sync::CommandType;
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> out;
    switch (type) {
    case T::ReceiveStock:
        out.emplace_back(productId, payload.value("location_id", 0), milliOf(payload.at("quantity")));
        break;
    case T::ShipStock:
        out.emplace_back(productId, payload.value("location_id", 0), -milliOf(payload.at("quantity")));
        break;
    case T::MoveStock:
        out.emplace_back(productId, payload.value("from_location_id", 0), -milliOf(payload.at("quantity")));
        out.emplace_back(productId, payload.value("to_location_id", 0), milliOf(payload.at("quantity")));
        break;
    case T::AdjustStock:
        out.emplace_back(productId, payload.value("location_id", 0), milliOf(payload.at("quantity")));
        break;
    case T::CountStock: {
        // Counted against the snapshot the counter saw: the adjustment is counted − snapshot.
        const auto counted = milliOf(payload.at("counted"));
        const auto snapshot
            = payload.contains("snapshot_quantity") ? milliOf(payload["snapshot_quantity"]) : onHandMilli;
        out.emplace_back(productId, payload.value("location_id", 0), counted - snapshot);
        break;
    }
    case T::UpdateProduct:
        break;
    }
    return out;
}

} // namespace

Replica::Replica(const QString& path)
    : m_connection(QString("replica-%1").arg(g_connections.fetch_add(1)))
{
    m_db = QSqlDatabase::addDatabase("QSQLITE", m_connection);
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        throw ReplicaError(
            "cannot open the replica " + path.toStdString() + ": " + m_db.lastError().text().toStdString());
    }
    // Durable on every commit: a command the person saw accepted survives a crash or a power cut.
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    exec("PRAGMA foreign_keys = ON");
    QSqlQuery check(m_db);
    if (!check.exec("SELECT count(*) FROM sqlite_master")) {
        throw ReplicaError("this file is not a TossErp replica (" + check.lastError().text().toStdString() + ")");
    }
    migrateReplica(m_db);
    // Indexes a newer version added appear in a replica made by an older one (not while a
    // snapshot is filling it: it builds them once at its end).
    if (meta("search_index") != "pending") {
        createCatalogIndexes(m_db);
    }
}

Replica::~Replica()
{
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlQuery& Replica::statement(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        it = m_statements.emplace(sql, prepared(m_db, sql)).first;
    }
    return it->second;
}

void Replica::exec(const QString& sql) const
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        fail(query, "exec");
    }
}

std::string Replica::meta(const std::string& key) const
{
    auto query = prepared(m_db, "SELECT value FROM meta WHERE key = ?");
    query.addBindValue(text(key));
    execute(query, "meta");
    return query.next() ? query.value(0).toString().toStdString() : std::string();
}

void Replica::setMeta(const std::string& key, const std::string& value)
{
    auto query = prepared(m_db,
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value");
    query.addBindValue(text(key));
    query.addBindValue(text(value));
    execute(query, "set meta");
}

void Replica::applyChange(const sync::Change& change)
{
    const auto& row = change.row;
    const bool remove = change.op == sync::ChangeOp::Delete;
    auto bind = [](QSqlQuery& q, std::initializer_list<QVariant> values) -> QSqlQuery& {
        int i = 0;
        for (const auto& value : values) {
            q.bindValue(i++, value);
        }
        return q;
    };
    auto optionalId = [](const nlohmann::json& value) {
        return value.is_number_integer() ? QVariant(qlonglong(value.get<std::int64_t>())) : QVariant();
    };
    if (change.table == "products") {
        const auto id = static_cast<qlonglong>(std::stoll(change.key));
        for (const char* sql : { "DELETE FROM products WHERE id = ?",
                 "DELETE FROM product_barcodes WHERE product_id = ?", "DELETE FROM products_fts WHERE rowid = ?" }) {
            if (m_deferIndex) {
                break; // a snapshot sends each product once, into empty tables
            }
            execute(bind(statement(sql), { id }), "delete product");
        }
        if (remove) {
            return;
        }
        execute(bind(statement("INSERT INTO products (id, sku, name, unit, category_id, active, version, row) VALUES "
                               "(?, ?, ?, ?, ?, ?, ?, ?)"),
                    { id, text(row.value("sku", "")), text(row.value("name", "")), text(row.value("unit", "pcs")),
                        optionalId(row.value("category_id", nlohmann::json())), row.value("active", true) ? 1 : 0,
                        qlonglong(row.value("version", std::int64_t { 1 })), text(row.dump()) }),
            "insert product");
        std::string codes;
        for (const auto& barcode : row.value("barcodes", nlohmann::json::array())) {
            const auto code = barcode.value("code", "");
            execute(
                bind(statement("INSERT INTO product_barcodes (code, product_id) VALUES (?, ?)"), { text(code), id }),
                "insert barcode");
            codes += code + " ";
        }
        if (m_deferIndex) {
            return; // indexed in one statement when the snapshot is complete
        }
        execute(bind(statement("INSERT INTO products_fts (rowid, name, sku, barcodes) VALUES (?, ?, ?, ?)"),
                    { id, text(row.value("name", "")), text(row.value("sku", "")), text(codes) }),
            "index product");
        return;
    }
    if (change.table == "stock_levels" || change.table == "reorder_points") {
        const auto pair = sync::parsePairKey(change.key);
        if (!pair) {
            throw ReplicaError("replica: bad key " + change.key);
        }
        const bool levels = change.table == "stock_levels";
        const QVariant first = qlonglong(pair->first);
        const QVariant second = qlonglong(pair->second);
        if (remove) {
            execute(bind(statement(levels ? "DELETE FROM stock_levels WHERE product_id = ? AND location_id = ?"
                                          : "DELETE FROM reorder_points WHERE product_id = ? AND warehouse_id = ?"),
                        { first, second }),
                "delete pair");
            return;
        }
        if (levels) {
            execute(bind(statement("INSERT OR REPLACE INTO stock_levels (product_id, location_id, warehouse_id, "
                                   "quantity_milli, unit) VALUES (?, ?, ?, ?, ?)"),
                        { first, second, qlonglong(row.value("warehouse_id", std::int64_t { 0 })),
                            qlonglong(milliOf(row.at("quantity"))), text(row.value("unit", "pcs")) }),
                "insert level");
        } else {
            execute(bind(statement("INSERT OR REPLACE INTO reorder_points (product_id, warehouse_id, min_milli, "
                                   "reorder_milli, unit) VALUES (?, ?, ?, ?, ?)"),
                        { first, second, qlonglong(milliOf(row.at("min_quantity"))),
                            qlonglong(milliOf(row.at("reorder_quantity"))), text(row.value("unit", "pcs")) }),
                "insert reorder point");
        }
        return;
    }
    const auto id = static_cast<qlonglong>(std::stoll(change.key));
    execute(bind(statement(QString("DELETE FROM %1 WHERE id = ?").arg(text(change.table))), { id }), "delete row");
    if (remove) {
        return;
    }
    if (change.table == "categories") {
        execute(bind(statement("INSERT INTO categories (id, name, parent_id, version, row) VALUES (?, ?, ?, ?, ?)"),
                    { id, text(row.value("name", "")), optionalId(row.value("parent_id", nlohmann::json())),
                        qlonglong(row.value("version", std::int64_t { 1 })), text(row.dump()) }),
            "insert category");
    } else if (change.table == "warehouses") {
        execute(
            bind(statement("INSERT INTO warehouses (id, code, name, active, version, row) VALUES (?, ?, ?, ?, ?, ?)"),
                { id, text(row.value("code", "")), text(row.value("name", "")), row.value("active", true) ? 1 : 0,
                    qlonglong(row.value("version", std::int64_t { 1 })), text(row.dump()) }),
            "insert warehouse");
    } else {
        execute(
            bind(statement("INSERT INTO locations (id, warehouse_id, code, name, kind, active, row) VALUES (?, ?, ?, "
                           "?, ?, ?, ?)"),
                { id, optionalId(row.value("warehouse_id", nlohmann::json())), text(row.value("code", "")),
                    text(row.value("name", "")), text(row.value("kind", "internal")), row.value("active", true) ? 1 : 0,
                    text(row.dump()) }),
            "insert location");
    }
}

void Replica::applyPage(const sync::ChangePage& page, bool complete)
{
    Transaction transaction(m_db);
    // A snapshot fills the tables from empty: indexing each product for search as it arrives
    // costs more than indexing them all in one statement at the end.
    const bool resumed = meta("search_index") == "pending";
    const bool snapshot = meta("cursor").empty() || resumed;
    m_deferIndex = snapshot;
    if (snapshot && !resumed) {
        dropCatalogIndexes(m_db);
        setMeta("search_index", "pending");
    }
    for (const auto& change : page.changes) {
        applyChange(change);
    }
    m_deferIndex = false;
    if (snapshot && page.phase == sync::Phase::Tail) {
        createCatalogIndexes(m_db);
        exec("DELETE FROM products_fts");
        exec("INSERT INTO products_fts (rowid, name, sku, barcodes) SELECT p.id, p.name, p.sku, COALESCE((SELECT "
             "group_concat(code, ' ') FROM product_barcodes b WHERE b.product_id = p.id), '') FROM products p");
        setMeta("search_index", "ready");
    }
    setMeta("cursor", page.nextCursor);
    setMeta("server_id", page.serverId);
    setMeta("position", std::to_string(page.position));
    if (complete) {
        exec("DELETE FROM outbox_effects WHERE seq IN (SELECT seq FROM outbox WHERE state = 'acked')");
        exec("DELETE FROM outbox WHERE state = 'acked'");
        setMeta("last_sync", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
    }
    transaction.commit();
}

void Replica::resetSyncedData()
{
    Transaction transaction(m_db);
    for (const char* table : { "products", "product_barcodes", "products_fts", "categories", "warehouses", "locations",
             "stock_levels", "reorder_points" }) {
        exec(QString("DELETE FROM %1").arg(table));
    }
    exec("DELETE FROM meta WHERE key IN ('cursor', 'server_id', 'position', 'search_index')");
    transaction.commit();
}

std::string Replica::enqueue(sync::CommandType type, const nlohmann::json& payload)
{
    const auto id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    Transaction transaction(m_db);
    auto q = prepared(m_db, "INSERT INTO outbox (id, type, payload, created_at) VALUES (?, ?, ?, ?)");
    q.addBindValue(text(id));
    q.addBindValue(text(std::string(sync::commandTypeName(type))));
    q.addBindValue(text(payload.dump()));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    execute(q, "enqueue");
    const auto seq = q.lastInsertId().toLongLong();
    if (type != sync::CommandType::UpdateProduct) {
        std::int64_t productId = payload.value("product_id", std::int64_t { 0 });
        if (productId == 0 && payload.contains("sku")) {
            if (const auto p = productBySku(payload["sku"].get<std::string>())) {
                productId = (*p)["id"].get<std::int64_t>();
            }
        }
        const auto onHand = type == sync::CommandType::CountStock && !payload.contains("snapshot_quantity")
            ? shownMilli(productId, payload.value("location_id", std::int64_t { 0 }))
            : 0;
        for (const auto& [product, location, delta] : effectsOf(type, payload, productId, onHand)) {
            auto e = prepared(m_db,
                "INSERT INTO outbox_effects (seq, product_id, location_id, delta_milli) VALUES (?, "
                "?, ?, ?)");
            e.addBindValue(seq);
            e.addBindValue(qlonglong(product));
            e.addBindValue(qlonglong(location));
            e.addBindValue(qlonglong(delta));
            execute(e, "record effect");
        }
    }
    transaction.commit();
    return id;
}

std::vector<OutboxEntry> Replica::outbox(const std::vector<std::string>& states, int limit) const
{
    std::vector<OutboxEntry> out;
    QStringList quoted;
    for (const auto& state : states) {
        quoted << "'" + text(state) + "'";
    }
    QSqlQuery q(m_db);
    if (!q.exec(QString("SELECT seq, id, type, payload, state, attempts, last_error FROM outbox WHERE state IN (%1) "
                        "ORDER BY seq LIMIT %2")
                    .arg(quoted.join(","))
                    .arg(limit))) {
        fail(q, "outbox");
    }
    while (q.next()) {
        OutboxEntry e;
        e.seq = q.value(0).toLongLong();
        e.id = q.value(1).toString().toStdString();
        e.type = q.value(2).toString().toStdString();
        e.payload = nlohmann::json::parse(q.value(3).toString().toStdString());
        e.state = q.value(4).toString().toStdString();
        e.attempts = q.value(5).toInt();
        e.lastError = q.value(6).toString().toStdString();
        out.push_back(std::move(e));
    }
    return out;
}

void Replica::markAttempt(const std::vector<std::string>& ids, const std::string& error)
{
    Transaction transaction(m_db);
    for (const auto& id : ids) {
        auto q = prepared(m_db, "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?");
        q.addBindValue(text(error));
        q.addBindValue(text(id));
        execute(q, "mark attempt");
    }
    transaction.commit();
}

void Replica::recordResults(const std::vector<sync::CommandResult>& results)
{
    Transaction transaction(m_db);
    for (const auto& result : results) {
        std::string state = "acked";
        if (result.status == sync::CommandStatus::Rejected) {
            state = "rejected";
        } else if (result.status == sync::CommandStatus::Conflict) {
            state = "conflict";
        }
        auto q = prepared(m_db, "UPDATE outbox SET state = ?, last_error = ? WHERE id = ? AND state = 'pending'");
        q.addBindValue(text(state));
        q.addBindValue(text(result.code.empty() ? std::string() : result.code + ": " + result.message));
        q.addBindValue(text(result.id));
        execute(q, "record result");
        if (state != "acked") {
            // A refused command has no effect; the person sees server truth again.
            auto e = prepared(m_db, "DELETE FROM outbox_effects WHERE seq = (SELECT seq FROM outbox WHERE id = ?)");
            e.addBindValue(text(result.id));
            execute(e, "drop effect");
        }
        std::int64_t productId = result.server.is_object() ? result.server.value("id", std::int64_t { 0 }) : 0;
        for (const auto& conflict : result.conflicts) {
            auto c = prepared(m_db,
                "INSERT INTO conflicts (command_id, product_id, field, base, mine, theirs, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
            c.addBindValue(text(result.id));
            c.addBindValue(qlonglong(productId));
            c.addBindValue(text(conflict.field));
            c.addBindValue(text(conflict.base.dump()));
            c.addBindValue(text(conflict.mine.dump()));
            c.addBindValue(text(conflict.theirs.dump()));
            c.addBindValue(QDateTime::currentMSecsSinceEpoch());
            execute(c, "record conflict");
        }
    }
    transaction.commit();
}

} // namespace tosserp::client
