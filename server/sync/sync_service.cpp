#include "server/sync/sync_service.h"

#include "domain/serialization.h"
#include "server/core/ids.h"
#include "server/events/event_store.h"
#include "server/http/api.h"
#include "server/http/json_body.h"
#include "server/stock/stock_api.h"
#include "server/stock/warehouse_service.h"
#include "sync/merge.h"
#include "sync/protocol.h"

#include <set>

namespace tosserp::syncserver {

using domain::Result;
using sync::Change;
using sync::ChangeOp;

namespace {

constexpr std::int64_t kPairShift = 32;

std::int64_t pairKey(std::int64_t a, std::int64_t b)
{
    return (a << kPairShift) | b;
}

bool visibleWarehouse(const domain::Principal& who, std::optional<std::int64_t> warehouseId)
{
    return !warehouseId || who.canUseWarehouse(*warehouseId);
}

Change upsert(std::string table, std::string key, nlohmann::json row)
{
    return Change { std::move(table), ChangeOp::Upsert, std::move(key), std::move(row) };
}

Change remove(std::string table, std::string key)
{
    return Change { std::move(table), ChangeOp::Delete, std::move(key), nlohmann::json() };
}

nlohmann::json milli(std::int64_t value, const std::string& unit)
{
    return domain::quantityToJson(domain::Quantity::fromMilli(value, domain::Unit::parse(unit).value()).value());
}

std::optional<nlohmann::json> levelRow(
    db::Connection& c, const domain::Principal& who, std::int64_t productId, std::int64_t locationId)
{
    auto& q = c.prepare("SELECT COALESCE(s.quantity_milli, 0), p.unit, l.warehouse_id, l.kind FROM locations l "
                        "JOIN products p ON p.id = ?1 LEFT JOIN stock_levels s ON s.product_id = ?1 AND "
                        "s.location_id = l.id WHERE l.id = ?2");
    q.bindAll({ productId, locationId });
    std::optional<nlohmann::json> row;
    if (q.step() && q.text(3) == "internal" && visibleWarehouse(who, q.optionalInteger(2))) {
        row = nlohmann::json { { "product_id", productId }, { "location_id", locationId },
            { "warehouse_id", q.integer(2) }, { "quantity", milli(q.integer(0), q.text(1)) }, { "unit", q.text(1) } };
    }
    q.reset();
    return row;
}

std::optional<nlohmann::json> reorderRow(db::Connection& c, std::int64_t productId, std::int64_t warehouseId)
{
    auto& q = c.prepare("SELECT r.min_milli, r.reorder_milli, p.unit FROM reorder_points r JOIN products p ON p.id "
                        "= r.product_id WHERE r.product_id = ? AND r.warehouse_id = ?");
    q.bindAll({ productId, warehouseId });
    std::optional<nlohmann::json> row;
    if (q.step()) {
        row = nlohmann::json { { "product_id", productId }, { "warehouse_id", warehouseId },
            { "min_quantity", milli(q.integer(0), q.text(2)) }, { "reorder_quantity", milli(q.integer(1), q.text(2)) },
            { "unit", q.text(2) } };
    }
    q.reset();
    return row;
}

std::optional<nlohmann::json> categoryRow(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare("SELECT id, name, parent_id, version FROM categories WHERE id = ?");
    q.bind(1, id);
    std::optional<nlohmann::json> row;
    if (q.step()) {
        row = domain::categoryToJson(domain::Category { q.integer(0), q.text(1), q.optionalInteger(2), q.integer(3) });
    }
    q.reset();
    return row;
}

/// One snapshot page of `table` after `after`; returns the last key read (or -1 when done).
std::int64_t snapshotPage(db::Connection& c, const std::string& table, std::int64_t after, int limit,
    const domain::Principal& who, std::vector<Change>& out)
{
    std::int64_t last = -1;
    if (table == "categories" || table == "warehouses" || table == "locations") {
        // Small tables: the page's ids in one query, each row through its loader.
        auto& q = c.prepare("SELECT id FROM " + table + " WHERE id > ? ORDER BY id LIMIT ?");
        q.bindAll({ after, std::int64_t { limit } });
        std::vector<std::int64_t> ids;
        while (q.step()) {
            ids.push_back(q.integer(0));
        }
        q.reset();
        for (const auto id : ids) {
            last = id;
            std::optional<nlohmann::json> row;
            if (table == "categories") {
                row = categoryRow(c, id);
            } else if (table == "warehouses") {
                const auto w = stock::loadWarehouse(c, id);
                if (w && who.canUseWarehouse(id)) {
                    row = domain::warehouseToJson(*w);
                }
            } else if (const auto l = stock::loadLocation(c, id); l && visibleWarehouse(who, l->warehouseId)) {
                row = domain::locationToJson(*l);
            }
            if (row) {
                out.push_back(upsert(table, std::to_string(id), std::move(*row)));
            }
        }
    } else if (table == "products") {
        for (auto& product : stock::loadProductsAfter(c, after, limit)) {
            last = product.id();
            out.push_back(upsert(table, std::to_string(product.id()), domain::productToJson(product)));
        }
    } else if (table == "stock_levels") {
        auto& q = c.prepare(
            "SELECT s.product_id, s.location_id, s.quantity_milli, p.unit, l.warehouse_id FROM stock_levels s JOIN "
            "locations l ON l.id = s.location_id JOIN products p ON p.id = s.product_id WHERE l.kind = 'internal' "
            "AND p.deleted_at IS NULL AND (s.product_id, s.location_id) > (?1, ?2) ORDER BY s.product_id, "
            "s.location_id LIMIT ?3");
        q.bindAll({ after >> kPairShift, after & ((std::int64_t { 1 } << kPairShift) - 1), std::int64_t { limit } });
        while (q.step()) {
            const auto product = q.integer(0);
            const auto location = q.integer(1);
            last = pairKey(product, location);
            if (!who.canUseWarehouse(q.integer(4))) {
                continue;
            }
            out.push_back(upsert(table, std::to_string(product) + ":" + std::to_string(location),
                { { "product_id", product }, { "location_id", location }, { "warehouse_id", q.integer(4) },
                    { "quantity", milli(q.integer(2), q.text(3)) }, { "unit", q.text(3) } }));
        }
        q.reset();
    } else if (table == "reorder_points") {
        auto& q = c.prepare("SELECT r.product_id, r.warehouse_id FROM reorder_points r JOIN products p ON p.id = "
                            "r.product_id WHERE p.deleted_at IS NULL AND (r.product_id, r.warehouse_id) > (?1, ?2) "
                            "ORDER BY r.product_id, r.warehouse_id LIMIT ?3");
        q.bindAll({ after >> kPairShift, after & ((std::int64_t { 1 } << kPairShift) - 1), std::int64_t { limit } });
        std::vector<std::pair<std::int64_t, std::int64_t>> keys;
        while (q.step()) {
            keys.emplace_back(q.integer(0), q.integer(1));
        }
        q.reset();
        for (const auto& [product, warehouse] : keys) {
            last = pairKey(product, warehouse);
            if (!who.canUseWarehouse(warehouse)) {
                continue;
            }
            if (auto row = reorderRow(c, product, warehouse)) {
                out.push_back(
                    upsert(table, std::to_string(product) + ":" + std::to_string(warehouse), std::move(*row)));
            }
        }
    }
    return last;
}

/// What an event changed, as (table, key) pairs.
void touched(const events::EventRecord& event, std::vector<std::pair<std::string, std::string>>& out)
{
    const auto dash = event.streamId.rfind('-');
    if (dash == std::string::npos) {
        return;
    }
    const auto kind = event.streamId.substr(0, dash);
    const auto id = event.streamId.substr(dash + 1);
    if (kind == "product") {
        if (event.type == "StockMoved") {
            for (const auto* side : { "from_location_id", "to_location_id" }) {
                out.emplace_back("stock_levels", id + ":" + std::to_string(event.payload.value(side, 0)));
            }
        } else if (event.type == "ReorderPointSet") {
            out.emplace_back("reorder_points", id + ":" + std::to_string(event.payload.value("warehouse_id", 0)));
        } else {
            out.emplace_back("products", id);
        }
    } else if (kind == "category") {
        out.emplace_back("categories", id);
    } else if (kind == "warehouse") {
        out.emplace_back("warehouses", id);
    } else if (kind == "location") {
        out.emplace_back("locations", id);
    }
}

std::optional<Change> currentRow(
    db::Connection& c, const std::string& table, const std::string& key, const domain::Principal& who)
{
    const auto colon = key.find(':');
    const auto first = std::stoll(key.substr(0, colon));
    if (table == "products") {
        const auto product = stock::loadProduct(c, first);
        return product ? upsert(table, key, domain::productToJson(*product)) : remove(table, key);
    }
    if (table == "categories") {
        const auto row = categoryRow(c, first);
        return row ? upsert(table, key, *row) : remove(table, key);
    }
    if (table == "warehouses") {
        const auto w = stock::loadWarehouse(c, first);
        if (!w || !who.canUseWarehouse(first)) {
            return std::nullopt;
        }
        return upsert(table, key, domain::warehouseToJson(*w));
    }
    if (table == "locations") {
        const auto l = stock::loadLocation(c, first);
        if (!l || !visibleWarehouse(who, l->warehouseId)) {
            return std::nullopt;
        }
        return upsert(table, key, domain::locationToJson(*l));
    }
    const auto second = std::stoll(key.substr(colon + 1));
    if (table == "stock_levels") {
        const auto row = levelRow(c, who, first, second);
        return row ? std::optional(upsert(table, key, *row)) : std::nullopt;
    }
    if (table == "reorder_points" && who.canUseWarehouse(second)) {
        const auto row = reorderRow(c, first, second);
        return row ? upsert(table, key, *row) : remove(table, key);
    }
    return std::nullopt;
}

} // namespace

SyncService::SyncService(db::Database& stock, stock::CatalogService& catalog, stock::InventoryService& inventory)
    : m_db(stock)
    , m_catalog(catalog)
    , m_inventory(inventory)
{
    m_serverId = m_db.read([](db::Connection& c) {
        auto& q = c.prepare("SELECT value FROM meta WHERE key = 'server_id'");
        std::string id = q.step() ? q.text(0) : std::string();
        q.reset();
        return id;
    });
}

Result<sync::ChangePage> SyncService::changes(
    const std::optional<sync::Cursor>& given, int limit, const domain::Principal& who) const
{
    return m_db.readSnapshot([&](db::Connection& c) -> Result<sync::ChangePage> {
        const auto last = events::EventStore::lastPosition(c);
        auto cursor = given ? *given : sync::Cursor::start(m_serverId, last);
        if (cursor.serverId != m_serverId) {
            return domain::conflict("cursor_from_another_server",
                "This replica was synced with another server; start again from a snapshot.");
        }
        if (cursor.position > last) {
            return domain::conflict(
                "cursor_in_future", "The cursor is ahead of this server (restored from a backup?); start again.");
        }
        sync::ChangePage page;
        page.protocol = sync::kProtocolVersion;
        page.serverId = m_serverId;
        if (cursor.phase == sync::Phase::Snapshot) {
            std::string table = cursor.table;
            std::int64_t after = cursor.after;
            // Fill the page table by table; an exhausted table hands over to the next one.
            while (static_cast<int>(page.changes.size()) < limit) {
                const auto room = limit - static_cast<int>(page.changes.size());
                const auto lastKey = snapshotPage(c, table, after, room, who, page.changes);
                if (lastKey >= 0) {
                    after = lastKey;
                    continue;
                }
                const auto next = sync::nextSnapshotTable(table);
                if (!next) {
                    cursor.phase = sync::Phase::Tail;
                    cursor.table.clear();
                    cursor.after = 0;
                    break;
                }
                table = *next;
                after = 0;
            }
            if (cursor.phase == sync::Phase::Snapshot) {
                cursor.table = table;
                cursor.after = after;
            }
            page.hasMore = true;
        } else {
            events::EventFilter filter;
            filter.afterPosition = cursor.position;
            filter.limit = limit;
            const auto records = events::EventStore::list(c, filter);
            std::vector<std::pair<std::string, std::string>> keys;
            for (const auto& record : records) {
                touched(record, keys);
                cursor.position = record.position;
            }
            std::set<std::pair<std::string, std::string>> seen;
            for (auto it = keys.rbegin(); it != keys.rend(); ++it) {
                if (seen.insert(*it).second) {
                    if (auto change = currentRow(c, it->first, it->second, who)) {
                        page.changes.push_back(std::move(*change));
                    }
                }
            }
            std::reverse(page.changes.begin(), page.changes.end());
            page.hasMore = static_cast<int>(records.size()) == limit;
        }
        page.phase = cursor.phase;
        page.position = cursor.position;
        page.nextCursor = cursor.encode();
        return page;
    });
}

nlohmann::json SyncService::checksum(const domain::Principal& who) const
{
    return m_db.readSnapshot([&](db::Connection& c) {
        nlohmann::json scope = nullptr;
        if (who.warehouses) {
            scope = std::vector<std::int64_t>(who.warehouses->begin(), who.warehouses->end());
        }
        const db::Value scopeText = scope.is_null() ? db::Value(nullptr) : db::Value(scope.dump());
        const std::vector<std::pair<std::string, std::string>> queries = {
            { "categories",
                "SELECT COUNT(*), COALESCE(SUM(((id % 1000003) * 7919 + (version % 1000003) * 104729) % "
                "1000000007), 0) FROM categories WHERE CAST(?1 AS TEXT) IS NULL OR CAST(?1 AS TEXT) IS NOT NULL" },
            { "warehouses",
                "SELECT COUNT(*), COALESCE(SUM(((id % 1000003) * 7919 + (version % 1000003) * 104729) % "
                "1000000007), 0) FROM warehouses WHERE (?1 IS NULL OR id IN (SELECT value FROM json_each(?1)))" },
            { "locations",
                "SELECT COUNT(*), COALESCE(SUM(((id % 1000003) * 7919 + ((CASE WHEN active <> 0 THEN 2 ELSE 1 END) "
                "% 1000003) * 104729) % 1000000007), 0) FROM locations WHERE (?1 IS NULL OR warehouse_id IS "
                "NULL OR warehouse_id IN (SELECT value FROM json_each(?1)))" },
            { "products",
                "SELECT COUNT(*), COALESCE(SUM(((id % 1000003) * 7919 + (version % 1000003) * 104729) % "
                "1000000007), 0) FROM products WHERE deleted_at IS NULL AND (CAST(?1 AS TEXT) IS NULL OR CAST(?1 AS "
                "TEXT) IS NOT NULL)" },
            { "stock_levels",
                "SELECT COUNT(*), COALESCE(SUM(((s.product_id % 1000003) * 7919 + (s.location_id % 1000003) * 104729 + "
                "((s.quantity_milli % 1000000007) + 1000000007) % 1000000007) % 1000000007), 0) FROM stock_levels s "
                "JOIN "
                "locations l ON l.id = s.location_id JOIN products p ON p.id = s.product_id WHERE l.kind = 'internal' "
                "AND "
                "p.deleted_at IS NULL AND (?1 IS NULL OR l.warehouse_id IN (SELECT value FROM json_each(?1)))" },
            { "reorder_points",
                "SELECT COUNT(*), COALESCE(SUM(((r.product_id % 1000003) * 7919 + (r.warehouse_id % 1000003) * 104729 "
                "+ "
                "((r.min_milli % 1000000007) + 1000000007) % 1000000007) % 1000000007), 0) FROM reorder_points r JOIN "
                "products p ON p.id = r.product_id WHERE p.deleted_at IS NULL AND (?1 IS NULL OR r.warehouse_id IN "
                "(SELECT value FROM json_each(?1)))" },
        };
        nlohmann::json tables = nlohmann::json::object();
        for (const auto& [table, sql] : queries) {
            auto& q = c.prepare(sql);
            q.bind(1, scopeText);
            q.step();
            tables[table] = { { "count", q.integer(0) }, { "sum", q.integer(1) } };
            q.reset();
        }
        return nlohmann::json { { "position", events::EventStore::lastPosition(c) }, { "tables", tables } };
    });
}

} // namespace tosserp::syncserver
