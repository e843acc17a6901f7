// The read side of Replica: products with local edits applied, search, levels, conflicts.
#include "client/src/replica.h"

#include "sync/checksum.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>
#include <set>

namespace tosserp::client {

namespace {

[[noreturn]] void fail(const QSqlQuery& query, const char* what)
{
    throw ReplicaError(std::string("replica: ") + what + ": " + query.lastError().text().toStdString());
}

QSqlQuery run(const QSqlDatabase& db, const QString& sql, const QVariantList& values = {})
{
    QSqlQuery query(db);
    if (!query.prepare(sql)) {
        fail(query, "prepare");
    }
    for (const auto& value : values) {
        query.addBindValue(value);
    }
    if (!query.exec()) {
        fail(query, "query");
    }
    return query;
}

QString text(const std::string& s)
{
    return QString::fromStdString(s);
}

nlohmann::json parse(const QVariant& value)
{
    return nlohmann::json::parse(value.toString().toStdString());
}

/// The payloads of the UpdateProduct commands still pending, in the order they were made.
std::vector<nlohmann::json> pendingEdits(const QSqlDatabase& db)
{
    auto q = run(db, "SELECT payload FROM outbox WHERE type = 'UpdateProduct' AND state = 'pending' ORDER BY seq");
    std::vector<nlohmann::json> edits;
    while (q.next()) {
        edits.push_back(parse(q.value(0)));
    }
    return edits;
}

/// Applies the pending edits of this product, in order, over its synced row.
void overlay(const std::vector<nlohmann::json>& edits, nlohmann::json& row)
{
    const auto id = row.value("id", std::int64_t { 0 });
    for (const auto& payload : edits) {
        if (payload.value("product_id", std::int64_t { -1 }) != id) {
            continue;
        }
        const auto changes = payload.value("changes", nlohmann::json::object());
        for (const auto& [field, value] : changes.items()) {
            if (field == "barcodes") {
                auto list = nlohmann::json::array();
                for (const auto& code : value) {
                    list.push_back({ { "code", code }, { "symbology", "pending" } });
                }
                row[field] = list;
            } else {
                row[field] = value;
            }
        }
        row["pending"] = true;
    }
}

} // namespace

std::vector<ConflictEntry> Replica::conflicts(bool openOnly) const
{
    auto q = run(m_db,
        QString("SELECT id, command_id, product_id, field, base, mine, theirs, resolution FROM conflicts %1 "
                "ORDER BY id")
            .arg(openOnly ? "WHERE resolution = ''" : ""));
    std::vector<ConflictEntry> out;
    while (q.next()) {
        ConflictEntry c;
        c.id = q.value(0).toLongLong();
        c.commandId = q.value(1).toString().toStdString();
        c.productId = q.value(2).toLongLong();
        c.field = q.value(3).toString().toStdString();
        c.base = parse(q.value(4));
        c.mine = parse(q.value(5));
        c.theirs = parse(q.value(6));
        c.resolution = q.value(7).toString().toStdString();
        out.push_back(std::move(c));
    }
    return out;
}

bool Replica::resolveConflict(std::int64_t id, bool keepMine)
{
    std::optional<ConflictEntry> found;
    for (auto& c : conflicts(true)) {
        if (c.id == id) {
            found = c;
        }
    }
    if (!found) {
        return false;
    }
    if (keepMine) {
        // Against the server's value as it is now: a deliberate overwrite, merged like any edit.
        const auto current = product(found->productId);
        nlohmann::json base = { { found->field, current ? (*current)[found->field] : found->theirs } };
        enqueue(sync::CommandType::UpdateProduct,
            { { "product_id", found->productId }, { "base", base }, { "changes", { { found->field, found->mine } } } });
    }
    run(m_db, "UPDATE conflicts SET resolution = ? WHERE id = ?", { keepMine ? "mine" : "theirs", qlonglong(id) });
    return true;
}

std::optional<nlohmann::json> Replica::product(std::int64_t id) const
{
    auto q = run(m_db, "SELECT row FROM products WHERE id = ?", { qlonglong(id) });
    if (!q.next()) {
        return std::nullopt;
    }
    auto row = parse(q.value(0));
    overlay(pendingEdits(m_db), row);
    return row;
}

std::optional<nlohmann::json> Replica::productBySku(const std::string& sku) const
{
    auto q = run(m_db, "SELECT id FROM products WHERE sku = ?", { text(sku) });
    return q.next() ? product(q.value(0).toLongLong()) : std::nullopt;
}

std::optional<nlohmann::json> Replica::productByBarcode(const std::string& code) const
{
    auto q = run(m_db, "SELECT product_id FROM product_barcodes WHERE code = ?", { text(code) });
    return q.next() ? product(q.value(0).toLongLong()) : std::nullopt;
}

std::int64_t Replica::shownMilli(std::int64_t productId, std::int64_t locationId) const
{
    for (const auto& level : levels(productId)) {
        if (level.locationId == locationId) {
            return level.serverMilli + level.pendingMilli;
        }
    }
    return 0;
}

std::optional<nlohmann::json> Replica::productByCode(const std::string& code) const
{
    const auto first = code.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return std::nullopt;
    }
    const auto trimmed = code.substr(first, code.find_last_not_of(" \t") - first + 1);
    auto found = productBySku(trimmed);
    return found ? found : productByBarcode(trimmed);
}

std::vector<nlohmann::json> Replica::search(
    const std::string& query, int limit, std::optional<std::int64_t> categoryId) const
{
    std::vector<nlohmann::json> out;
    if (query.empty()) {
        return out;
    }
    // Cheapest and most telling first: an exact code (a scanner's barcode, a typed SKU), then
    // prefixes as ranges on the indexes (barcode; SKU and name, case-insensitive), each cut
    // at the limit so a letter that starts a million names reads only what is shown. Only
    // when those do not fill the list does the trigram index look inside names, SKUs and
    // barcodes (from three characters on; text quoted for FTS5, where "M8-S" would otherwise
    // be a syntax error), and for a number only when no code starts with it. Every branch
    // keeps to the category when one is chosen.
    std::vector<std::int64_t> ids;
    std::set<std::int64_t> distinct;
    const auto collect = [&](QSqlQuery found) {
        while (found.next()) {
            const auto id = found.value(0).toLongLong();
            if (distinct.insert(id).second) {
                ids.push_back(id);
            }
        }
    };
    const auto typed = text(query);
    const auto end = typed + QChar(0xDBFF) + QChar(0xDFFF);
    const QVariant category = categoryId ? QVariant(qlonglong(*categoryId)) : QVariant();
    collect(run(m_db,
        "SELECT id FROM products WHERE (id IN (SELECT product_id FROM product_barcodes WHERE code = ?) OR sku = ?) "
        "AND (? IS NULL OR category_id = ?)",
        { typed, typed, category, category }));
    collect(run(m_db,
        "SELECT product_id FROM (SELECT b.product_id FROM product_barcodes b JOIN products p ON p.id = b.product_id "
        "WHERE b.code >= ? AND b.code < ? AND (? IS NULL OR p.category_id = ?) ORDER BY b.code LIMIT ?) UNION ALL "
        "SELECT id FROM (SELECT id FROM products WHERE sku >= ? COLLATE NOCASE AND sku < ? COLLATE NOCASE AND (? IS "
        "NULL OR category_id = ?) ORDER BY sku COLLATE NOCASE LIMIT ?) UNION ALL SELECT id FROM (SELECT id FROM "
        "products WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE AND (? IS NULL OR category_id = ?) "
        "ORDER BY name COLLATE NOCASE LIMIT ?)",
        { typed, end, category, category, limit, typed, end, category, category, limit, typed, end, category, category,
            limit }));
    const bool number = std::all_of(query.begin(), query.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (query.size() >= 3 && static_cast<int>(ids.size()) < limit && !(number && !ids.empty())) {
        std::string quoted = "\"";
        for (char c : query) {
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        quoted += "\"";
        collect(run(m_db,
            "SELECT rowid FROM products_fts WHERE products_fts MATCH ? AND (? IS NULL OR rowid IN (SELECT id FROM "
            "products WHERE category_id = ?)) LIMIT ?",
            { text(quoted), category, category, limit }));
    }
    // One read of the pending edits and one prepared statement for all the rows.
    const auto edits = pendingEdits(m_db);
    QSqlQuery row(m_db);
    row.prepare("SELECT row FROM products WHERE id = ?");
    for (const auto id : ids) {
        if (static_cast<int>(out.size()) >= limit) {
            break;
        }
        row.bindValue(0, qlonglong(id));
        if (!row.exec()) {
            fail(row, "query");
        }
        if (row.next()) {
            out.push_back(parse(row.value(0)));
            overlay(edits, out.back());
        }
    }
    return out;
}

std::optional<nlohmann::json> Replica::location(std::int64_t id) const
{
    auto q = run(m_db, "SELECT row FROM locations WHERE id = ?", { qlonglong(id) });
    return q.next() ? std::optional(parse(q.value(0))) : std::nullopt;
}

std::vector<nlohmann::json> Replica::rows(const std::string& table, int limit) const
{
    static const std::set<std::string> allowed = { "products", "categories", "warehouses", "locations" };
    if (!allowed.count(table)) {
        throw ReplicaError("replica: no table " + table);
    }
    auto q = run(m_db, QString("SELECT row FROM %1 ORDER BY id LIMIT %2").arg(text(table)).arg(limit));
    std::vector<nlohmann::json> out;
    while (q.next()) {
        out.push_back(parse(q.value(0)));
    }
    return out;
}

std::vector<nlohmann::json> Replica::products(
    const std::string& order, std::optional<std::int64_t> categoryId, int limit) const
{
    // Each order reads its own index ("name" the case-insensitive one).
    const QString by = order == "sku" ? "sku" : order == "name" ? "name COLLATE NOCASE" : "id";
    const QVariant category = categoryId ? QVariant(qlonglong(*categoryId)) : QVariant();
    auto q
        = run(m_db, QString("SELECT row FROM products WHERE ? IS NULL OR category_id = ? ORDER BY %1 LIMIT ?").arg(by),
            { category, category, limit });
    std::vector<nlohmann::json> out;
    while (q.next()) {
        out.push_back(parse(q.value(0)));
    }
    return out;
}

void Replica::forEachProduct(const std::function<void(const nlohmann::json&)>& visit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec("SELECT row FROM products ORDER BY id")) {
        fail(q, "query");
    }
    while (q.next()) {
        visit(parse(q.value(0)));
    }
}

StockFigures Replica::stockFigures(int top) const
{
    // On hand per product and warehouse, as rows to sum: the server's levels and the effects
    // of work not yet confirmed, both at internal locations only.
    static const QString onHand
        = "WITH onhand AS (SELECT s.product_id, s.warehouse_id, s.quantity_milli AS q FROM stock_levels s LEFT "
          "JOIN locations l ON l.id = s.location_id WHERE COALESCE(l.kind, 'internal') = 'internal' UNION ALL SELECT "
          "e.product_id, COALESCE(l.warehouse_id, 0), e.delta_milli FROM outbox_effects e JOIN outbox o ON o.seq = "
          "e.seq LEFT JOIN locations l ON l.id = e.location_id WHERE o.state IN ('pending', 'acked') AND "
          "COALESCE(l.kind, 'internal') = 'internal') ";
    StockFigures figures;
    auto value = run(m_db,
        onHand
            + "SELECT o.warehouse_id, json_extract(p.row, '$.price.currency'), json_extract(p.row, '$.price.amount'), "
              "SUM(o.q) FROM onhand o JOIN products p ON p.id = o.product_id GROUP BY 1, 2, 3");
    while (value.next()) {
        figures.value.push_back({ value.value(0).toLongLong(), value.value(1).toString().toStdString(),
            value.value(2).toString().toStdString(), value.value(3).toLongLong() });
    }
    // A price edited here and not yet synced counts already: its stock moves from the synced
    // price's group to the new one's.
    std::map<std::int64_t, nlohmann::json> newPrice;
    for (const auto& edit : pendingEdits(m_db)) {
        const auto changes = edit.value("changes", nlohmann::json::object());
        if (changes.contains("price") && changes["price"].is_object()) {
            newPrice[edit.value("product_id", std::int64_t { 0 })] = changes["price"];
        }
    }
    for (const auto& [productId, price] : newPrice) {
        auto synced = run(m_db, "SELECT row FROM products WHERE id = ?", { qlonglong(productId) });
        if (!synced.next()) {
            continue;
        }
        const auto old = parse(synced.value(0)).value("price", nlohmann::json::object());
        auto held
            = run(m_db, onHand + "SELECT o.warehouse_id, SUM(o.q) FROM onhand o WHERE o.product_id = ? GROUP BY 1",
                { qlonglong(productId) });
        while (held.next()) {
            const auto warehouse = held.value(0).toLongLong();
            const auto milli = held.value(1).toLongLong();
            figures.value.push_back({ warehouse, old.value("currency", ""), old.value("amount", ""), -milli });
            figures.value.push_back({ warehouse, price.value("currency", ""), price.value("amount", ""), milli });
        }
    }
    auto most = run(m_db,
        onHand
            + "SELECT o.product_id, SUM(o.q) AS total FROM onhand o GROUP BY o.product_id ORDER BY total DESC LIMIT ?",
        { top });
    while (most.next()) {
        const auto row = product(most.value(0).toLongLong());
        figures.top.emplace_back(row ? row->value("name", "") : std::string(), most.value(1).toLongLong());
    }
    // Each reorder point looks up its own product's levels (the primary key's prefix).
    auto below = run(m_db,
        "SELECT COUNT(*) FROM reorder_points r WHERE r.min_milli > COALESCE((SELECT SUM(s.quantity_milli) FROM "
        "stock_levels s LEFT JOIN locations l ON l.id = s.location_id WHERE s.product_id = r.product_id AND "
        "s.warehouse_id = r.warehouse_id AND COALESCE(l.kind, 'internal') = 'internal'), 0) + COALESCE((SELECT "
        "SUM(e.delta_milli) FROM outbox_effects e JOIN outbox o ON o.seq = e.seq JOIN locations l ON l.id = "
        "e.location_id WHERE o.state IN ('pending', 'acked') AND e.product_id = r.product_id AND l.warehouse_id = "
        "r.warehouse_id AND l.kind = 'internal'), 0)");
    figures.belowReorder = below.next() ? below.value(0).toLongLong() : 0;
    return figures;
}

std::vector<LocalLevel> Replica::levels(std::optional<std::int64_t> productId, int limit) const
{
    const QVariant only = productId ? QVariant(qlonglong(*productId)) : QVariant();
    auto q = run(m_db,
        "WITH pending AS (SELECT e.product_id, e.location_id, SUM(e.delta_milli) AS d FROM outbox_effects e JOIN "
        "outbox o ON o.seq = e.seq WHERE o.state IN ('pending', 'acked') GROUP BY e.product_id, e.location_id), k AS "
        "(SELECT product_id, location_id FROM stock_levels WHERE ? IS NULL OR product_id = ? UNION SELECT "
        "product_id, location_id FROM pending WHERE ? IS NULL OR product_id = ? ORDER BY 1, 2) "
        "SELECT k.product_id, k.location_id, COALESCE(s.quantity_milli, 0), COALESCE(pe.d, 0), p.sku, p.name, "
        "p.unit, l.code, COALESCE(l.warehouse_id, 0) FROM k LEFT JOIN stock_levels s ON s.product_id = "
        "k.product_id AND s.location_id = k.location_id LEFT JOIN pending pe ON pe.product_id = k.product_id AND "
        "pe.location_id = k.location_id LEFT JOIN products p ON p.id = k.product_id LEFT JOIN locations l ON "
        "l.id = k.location_id WHERE COALESCE(l.kind, 'internal') = 'internal' ORDER BY k.product_id, "
        "k.location_id LIMIT ?",
        { only, only, only, only, limit });
    std::vector<LocalLevel> out;
    while (q.next()) {
        LocalLevel level;
        level.productId = q.value(0).toLongLong();
        level.locationId = q.value(1).toLongLong();
        level.serverMilli = q.value(2).toLongLong();
        level.pendingMilli = q.value(3).toLongLong();
        level.sku = q.value(4).toString().toStdString();
        level.name = q.value(5).toString().toStdString();
        level.unit = q.value(6).toString().toStdString();
        level.locationCode = q.value(7).toString().toStdString();
        level.warehouseId = q.value(8).toLongLong();
        out.push_back(std::move(level));
    }
    return out;
}

std::int64_t Replica::count(const std::string& table) const
{
    static const std::set<std::string> allowed = { "products", "categories", "warehouses", "locations", "stock_levels",
        "reorder_points", "outbox", "conflicts" };
    if (!allowed.count(table)) {
        throw ReplicaError("replica: no table " + table);
    }
    auto q = run(m_db, QString("SELECT count(*) FROM %1").arg(text(table)));
    q.next();
    return q.value(0).toLongLong();
}

std::int64_t Replica::pendingCommands() const
{
    auto q = run(m_db, "SELECT count(*) FROM outbox WHERE state = 'pending'");
    q.next();
    return q.value(0).toLongLong();
}

std::int64_t Replica::openConflicts() const
{
    auto q = run(m_db, "SELECT count(*) FROM conflicts WHERE resolution = ''");
    q.next();
    return q.value(0).toLongLong();
}

nlohmann::json Replica::checksum() const
{
    nlohmann::json tables = nlohmann::json::object();
    auto add = [&](const char* table, const QString& sql) {
        sync::TableChecksum sum;
        auto q = run(m_db, sql);
        while (q.next()) {
            sum.add(q.value(2).isNull()
                    ? sync::rowHash(q.value(0).toLongLong(), q.value(1).toLongLong())
                    : sync::rowHash3(q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()));
        }
        tables[table] = { { "count", sum.count }, { "sum", sum.sum } };
    };
    add("categories", "SELECT id, version, NULL FROM categories");
    add("warehouses", "SELECT id, version, NULL FROM warehouses");
    add("locations", "SELECT id, CASE WHEN active THEN 2 ELSE 1 END, NULL FROM locations");
    add("products", "SELECT id, version, NULL FROM products");
    add("stock_levels", "SELECT product_id, location_id, quantity_milli FROM stock_levels");
    add("reorder_points", "SELECT product_id, warehouse_id, min_milli FROM reorder_points");
    return { { "position", std::stoll(meta("position").empty() ? "0" : meta("position")) }, { "tables", tables } };
}

std::string Replica::integrityCheck() const
{
    auto q = run(m_db, "PRAGMA integrity_check");
    return q.next() ? q.value(0).toString().toStdString() : std::string("no answer");
}

} // namespace tosserp::client
