#include "server/stock/inventory_service.h"

#include "domain/events.h"
#include "server/core/ids.h"
#include "server/stock/db_timer.h"
#include "server/stock/stock_events.h"
#include "server/stock/stock_schema.h"
#include "server/stock/warehouse_service.h"

#include <unordered_map>

namespace tosserp::stock {

using domain::Error;
using domain::Result;

namespace {

struct ProductRef {
    std::int64_t id;
    domain::Unit unit;
};

db::Value scopeJson(const std::optional<std::set<std::int64_t>>& warehouses)
{
    if (!warehouses) {
        return nullptr;
    }
    return nlohmann::json(std::vector<std::int64_t>(warehouses->begin(), warehouses->end())).dump();
}

db::Value opt(const std::optional<std::int64_t>& v)
{
    if (!v) {
        return nullptr;
    }
    return *v;
}

Result<ProductRef> findProduct(db::Connection& c, const MovementInput& input)
{
    if (input.productId && input.sku) {
        return domain::invalid("ambiguous_product", "Name the product by product_id or by sku, not both.", "sku");
    }
    if (!input.productId && !input.sku) {
        return domain::invalid("required", "Name the product by product_id or by sku.", "product_id");
    }
    auto& q = input.productId ? c.prepare("SELECT id, unit FROM products WHERE id = ? AND deleted_at IS NULL")
                              : c.prepare("SELECT id, unit FROM products WHERE sku = ? AND deleted_at IS NULL");
    if (input.productId) {
        q.bind(1, *input.productId);
    } else {
        q.bind(1, *input.sku);
    }
    std::optional<ProductRef> found;
    if (q.step()) {
        found = ProductRef { q.integer(0), domain::Unit::parse(q.text(1)).value() };
    }
    q.reset();
    if (!found) {
        if (input.productId) {
            return domain::unprocessable(
                "product_not_found", "There is no product " + std::to_string(*input.productId) + ".", "product_id");
        }
        return domain::unprocessable("unknown_sku", "No product has the SKU " + *input.sku + ".", "sku");
    }
    return *found;
}

std::int64_t levelAt(db::Connection& c, std::int64_t productId, std::int64_t locationId)
{
    auto& q = c.prepare("SELECT quantity_milli FROM stock_levels WHERE product_id = ? AND location_id = ?");
    q.bindAll({ productId, locationId });
    const auto value = q.step() ? q.integer(0) : 0;
    q.reset();
    return value;
}

/// Moves `quantity` of a product from one location's level to another's, in one statement
/// when they differ.
void addLevels(db::Connection& c, std::int64_t productId, std::int64_t from, std::int64_t to, std::int64_t quantity)
{
    if (from == to) {
        return; // nothing changes
    }
    c.prepare("INSERT INTO stock_levels (product_id, location_id, quantity_milli) VALUES (?1, ?2, ?3), (?1, ?4, ?5) "
              "ON CONFLICT (product_id, location_id) DO UPDATE SET quantity_milli = stock_levels.quantity_milli + "
              "excluded.quantity_milli")
        .bindAll({ productId, from, -quantity, to, quantity })
        .run();
}

Result<domain::Location> cachedLocation(
    db::Connection& c, std::unordered_map<std::int64_t, domain::Location>& cache, std::int64_t id, const char* field)
{
    if (auto it = cache.find(id); it != cache.end()) {
        return it->second;
    }
    auto found = loadLocation(c, id);
    if (!found) {
        return domain::unprocessable("location_not_found", "There is no location " + std::to_string(id) + ".", field);
    }
    cache.emplace(id, *found);
    return *found;
}

/// Turns a client's input into the movement request the ledger rules check.
Result<std::optional<domain::MovementRequest>> requestFor(db::Connection& c, const MovementInput& input,
    domain::MovementKind kind, const ProductRef& product, const domain::Quantity& quantity)
{
    using K = domain::MovementKind;
    auto require = [](const std::optional<std::int64_t>& v, const char* field) -> Result<std::int64_t> {
        if (!v) {
            return domain::invalid("required", "This movement needs " + std::string(field) + ".", field);
        }
        return *v;
    };
    domain::MovementRequest request;
    request.kind = kind;
    request.productId = product.id;
    request.quantity = quantity;
    request.reason = input.reason;
    request.reference = input.reference;
    switch (kind) {
    case K::Receipt: {
        auto to = require(input.toLocationId, "to_location_id");
        if (!to) {
            return to.error();
        }
        request.fromLocationId = input.fromLocationId.value_or(kSupplierLocationId);
        request.toLocationId = to.value();
        return std::optional { request };
    }
    case K::Shipment: {
        auto from = require(input.fromLocationId, "from_location_id");
        if (!from) {
            return from.error();
        }
        request.fromLocationId = from.value();
        request.toLocationId = input.toLocationId.value_or(kCustomerLocationId);
        return std::optional { request };
    }
    case K::Transfer: {
        auto from = require(input.fromLocationId, "from_location_id");
        auto to = require(input.toLocationId, "to_location_id");
        if (!from) {
            return from.error();
        }
        if (!to) {
            return to.error();
        }
        request.fromLocationId = from.value();
        request.toLocationId = to.value();
        return std::optional { request };
    }
    case K::Adjustment: {
        auto at = require(input.locationId, "location_id");
        if (!at) {
            return at.error();
        }
        if (quantity.isZero()) {
            return domain::invalid(
                "invalid_quantity", "An adjustment changes stock by a non-zero quantity.", "quantity");
        }
        const bool found = quantity.isPositive();
        request.quantity = found ? quantity : quantity.negated();
        request.fromLocationId = found ? kAdjustmentLocationId : at.value();
        request.toLocationId = found ? at.value() : kAdjustmentLocationId;
        return std::optional { request };
    }
    case K::Count: {
        auto at = require(input.locationId, "location_id");
        if (!at) {
            return at.error();
        }
        if (quantity.milli() < 0) {
            return domain::invalid("invalid_quantity", "A counted quantity cannot be negative.", "quantity");
        }
        std::optional<domain::MovementRequest> planned;
        if (input.snapshotQuantity) {
            auto snapshot = domain::Quantity::parse(*input.snapshotQuantity, product.unit);
            if (!snapshot) {
                return domain::withField(snapshot.error(), "snapshot_quantity");
            }
            const auto zero = domain::Quantity::fromMilli(0, product.unit).value();
            planned = domain::planCountAgainstSnapshot(
                product.id, at.value(), kAdjustmentLocationId, quantity, snapshot.value(), zero);
        } else {
            const auto onHand = domain::Quantity::fromMilli(levelAt(c, product.id, at.value()), product.unit).value();
            planned = domain::planCount(product.id, at.value(), kAdjustmentLocationId, quantity, onHand);
        }
        if (planned) {
            planned->reference = input.reference;
            if (!input.reason.empty()) {
                planned->reason = input.reason;
            }
        }
        return planned;
    }
    }
    return domain::invalid("invalid_kind", "Unknown movement kind.", "kind");
}

Result<MovementOutcome> recordOne(db::Connection& c, const MovementInput& input, const StockPolicy& policy,
    std::unordered_map<std::int64_t, domain::Location>& locations, const events::EventContext& context,
    const domain::Principal* who)
{
    const auto kind = domain::parseMovementKind(input.kind);
    if (!kind) {
        return domain::invalid(
            "invalid_kind", "A movement kind is receipt, shipment, transfer, adjustment or count.", "kind");
    }
    auto product = findProduct(c, input);
    if (!product) {
        return product.error();
    }
    auto quantity = domain::Quantity::parse(input.quantity, product.value().unit);
    if (!quantity) {
        return domain::withField(quantity.error(), "quantity");
    }
    auto request = requestFor(c, input, *kind, product.value(), quantity.value());
    if (!request) {
        return request.error();
    }
    MovementOutcome outcome;
    outcome.kind = input.kind;
    outcome.productId = product.value().id;
    outcome.locationId = input.locationId.value_or(0);
    outcome.unit = product.value().unit.code();
    if (!request.value()) {
        return outcome; // a count that matched the books
    }
    const auto& req = *request.value();
    if (!locations.contains(req.fromLocationId) || !locations.contains(req.toLocationId)) {
        for (auto& location : loadLocations(c, req.fromLocationId, req.toLocationId)) {
            locations.emplace(location.id, std::move(location));
        }
    }
    auto from = cachedLocation(c, locations, req.fromLocationId, "from_location_id");
    if (!from) {
        return from.error();
    }
    auto to = cachedLocation(c, locations, req.toLocationId, "to_location_id");
    if (!to) {
        return to.error();
    }
    auto planned = domain::planMovement(req, from.value(), to.value());
    if (!planned) {
        return planned.error();
    }
    auto movement = planned.value();
    if (who) {
        for (const auto& [location, field] :
            { std::pair { &from.value(), "from_location_id" }, std::pair { &to.value(), "to_location_id" } }) {
            if (location->warehouseId) {
                if (auto scope = domain::checkWarehouseScope(*who, *location->warehouseId, field); !scope) {
                    return scope.error();
                }
            }
        }
        if (movement.kind == domain::MovementKind::Adjustment) {
            if (auto allowed = domain::checkAdjustmentPolicy(*who, movement.quantity.milli(), policy.adjustLimitMilli);
                !allowed) {
                return allowed.error();
            }
        }
    }
    if (!policy.allowNegativeStock && from.value().kind == domain::LocationKind::Internal) {
        const auto held = levelAt(c, movement.productId, movement.fromLocationId);
        if (held < movement.quantity.milli()) {
            const auto heldText = domain::Quantity::fromMilli(held, movement.quantity.unit()).value();
            return domain::unprocessable("insufficient_stock",
                "Location " + from.value().code + " holds only " + heldText.toDecimalString() + " "
                    + movement.quantity.unit().code() + ".",
                "quantity");
        }
    }
    movement.occurredAtMs = nowMs();
    movement.id
        = c.prepare("INSERT INTO stock_movements (kind, product_id, from_location_id, to_location_id, quantity_milli, "
                    "reason, reference, occurred_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
              .bindAll({ std::string(domain::movementKindName(movement.kind)), movement.productId,
                  movement.fromLocationId, movement.toLocationId, movement.quantity.milli(), movement.reason,
                  movement.reference, movement.occurredAtMs, context.actor })
              .insertedKey();
    addLevels(c, movement.productId, movement.fromLocationId, movement.toLocationId, movement.quantity.milli());
    appendEvent(c, domain::StockMoved { movement }, context);
    outcome.movement = movement;
    return outcome;
}

constexpr const char* kMovementColumns
    = "SELECT m.id, m.kind, m.product_id, m.from_location_id, m.to_location_id, m.quantity_milli, m.reason, "
      "m.reference, m.occurred_at, p.unit FROM stock_movements m JOIN products p ON p.id = m.product_id ";

domain::StockMovement readMovement(const db::Statement& q)
{
    domain::StockMovement m;
    m.id = q.integer(0);
    m.kind = domain::parseMovementKind(q.text(1)).value_or(domain::MovementKind::Transfer);
    m.productId = q.integer(2);
    m.fromLocationId = q.integer(3);
    m.toLocationId = q.integer(4);
    m.quantity = domain::Quantity::fromMilli(q.integer(5), domain::Unit::parse(q.text(9)).value()).value();
    m.reason = q.text(6);
    m.reference = q.text(7);
    m.occurredAtMs = q.integer(8);
    return m;
}

nlohmann::json outcomesToJson(const std::vector<MovementOutcome>& outcomes)
{
    auto list = nlohmann::json::array();
    for (const auto& o : outcomes) {
        list.push_back({ { "kind", o.kind }, { "product_id", o.productId }, { "location_id", o.locationId },
            { "unit", o.unit }, { "movement_id", o.movement ? nlohmann::json(o.movement->id) : nlohmann::json() } });
    }
    return list;
}

std::vector<MovementOutcome> outcomesFromJson(db::Connection& c, const nlohmann::json& list)
{
    std::vector<MovementOutcome> outcomes;
    for (const auto& item : list) {
        MovementOutcome o;
        o.kind = item.at("kind").get<std::string>();
        o.productId = item.at("product_id").get<std::int64_t>();
        o.locationId = item.at("location_id").get<std::int64_t>();
        o.unit = item.at("unit").get<std::string>();
        if (!item.at("movement_id").is_null()) {
            auto& q = c.prepare(std::string(kMovementColumns) + "WHERE m.id = ?");
            q.bind(1, item.at("movement_id").get<std::int64_t>());
            if (q.step()) {
                o.movement = readMovement(q);
            }
            q.reset();
        }
        outcomes.push_back(std::move(o));
    }
    return outcomes;
}

} // namespace

InventoryService::InventoryService(db::Database& database, StockPolicy policy)
    : m_db(database)
    , m_policy(policy)
{ }

Result<MovementBatch> InventoryService::recordMovements(const std::vector<MovementInput>& inputs,
    const std::optional<IdempotencyKey>& key, const events::EventContext& context, const domain::Principal* who)
{
    if (inputs.empty()) {
        return domain::invalid("empty_batch", "Send at least one movement.", "movements");
    }
    if (inputs.size() > kMaxBatch) {
        return domain::invalid(
            "batch_too_large", "Send at most " + std::to_string(kMaxBatch) + " movements per request.", "movements");
    }
    DbTimer timer("movement.record");
    return m_db.write([&](db::Connection& c) -> Result<MovementBatch> {
        MovementBatch batch;
        if (key) {
            auto seen = recallIdempotent(c, *key);
            if (!seen) {
                return seen.error();
            }
            if (seen.value()) {
                batch.outcomes = outcomesFromJson(c, *seen.value());
                batch.replayed = true;
                return batch;
            }
        }
        std::unordered_map<std::int64_t, domain::Location> locations;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            auto outcome = recordOne(c, inputs[i], m_policy, locations, context, who);
            if (!outcome) {
                auto error = outcome.error();
                error.field = "movements[" + std::to_string(i) + "]" + (error.field.empty() ? "" : "." + error.field);
                return error;
            }
            batch.outcomes.push_back(std::move(outcome.value()));
        }
        if (key) {
            rememberIdempotent(c, *key, outcomesToJson(batch.outcomes));
        }
        return batch;
    });
}

Result<MovementOutcome> InventoryService::recordIn(
    db::Connection& c, const MovementInput& input, const events::EventContext& context)
{
    std::unordered_map<std::int64_t, domain::Location> locations;
    return recordOne(c, input, m_policy, locations, context, nullptr);
}

Page<domain::StockMovement> InventoryService::movements(const MovementQuery& query) const
{
    DbTimer timer("movement.list");
    return m_db.read([&](db::Connection& c) {
        auto& q = c.prepare(std::string(kMovementColumns)
            + "WHERE m.id > ?1 AND (?2 IS NULL OR m.product_id = ?2) AND (?3 IS NULL OR "
              "m.from_location_id = ?3 OR m.to_location_id = ?3) AND (?5 IS NULL OR EXISTS (SELECT 1 "
              "FROM locations l WHERE l.id IN (m.from_location_id, m.to_location_id) AND "
              "l.warehouse_id IN (SELECT value FROM json_each(?5)))) ORDER BY m.id LIMIT ?4");
        q.bindAll({ query.afterId, opt(query.productId), opt(query.locationId), std::int64_t { query.limit + 1 },
            scopeJson(query.warehouses) });
        Page<domain::StockMovement> page;
        while (q.step()) {
            page.items.push_back(readMovement(q));
        }
        q.reset();
        if (static_cast<int>(page.items.size()) > query.limit) {
            page.items.pop_back();
            page.nextCursor = encodeCursor(page.items.back().id);
        }
        return page;
    });
}

std::map<std::string, std::int64_t> InventoryService::movementCounts(
    std::int64_t sinceMs, const std::optional<std::set<std::int64_t>>& warehouses) const
{
    return m_db.read([&](db::Connection& c) {
        auto& q = c.prepare("SELECT m.kind, COUNT(*) FROM stock_movements m WHERE m.occurred_at >= ?1 AND (?2 IS NULL "
                            "OR EXISTS (SELECT 1 FROM locations l WHERE l.id IN (m.from_location_id, "
                            "m.to_location_id) AND l.warehouse_id IN (SELECT value FROM json_each(?2)))) GROUP BY "
                            "m.kind");
        q.bindAll({ sinceMs, scopeJson(warehouses) });
        std::map<std::string, std::int64_t> counts;
        while (q.step()) {
            counts[q.text(0)] = q.integer(1);
        }
        q.reset();
        return counts;
    });
}

Page<StockLevel> InventoryService::levels(const LevelQuery& query) const
{
    DbTimer timer("level.list");
    return m_db.read([&](db::Connection& c) {
        static const std::string byWarehouse
            = "SELECT * FROM (SELECT p.id AS product_id, p.sku, p.name, p.unit, w.id AS place_id, "
              "COALESCE((SELECT SUM(s.quantity_milli) FROM stock_levels s JOIN locations l ON l.id = s.location_id "
              "WHERE s.product_id = p.id AND l.warehouse_id = w.id AND l.kind = 'internal'), 0) AS on_hand, "
              "COALESCE((SELECT SUM(r.quantity_milli) FROM reservations r WHERE r.product_id = p.id AND "
              "r.warehouse_id = w.id AND r.state = 'active'), 0) AS reserved, rp.min_milli AS reorder_min, "
              "w.id AS warehouse_id FROM products p CROSS JOIN warehouses w LEFT JOIN reorder_points rp ON "
              "rp.product_id "
              "= p.id AND rp.warehouse_id = w.id WHERE p.deleted_at IS NULL AND (?1 IS NULL OR p.id = ?1) AND (?2 IS "
              "NULL OR w.id = ?2) AND (p.id, w.id) > (?3, ?4) AND (?7 IS NULL OR w.id IN (SELECT value FROM "
              "json_each(?7))) AND CAST(?8 AS INTEGER) IS NULL) AS levels WHERE (on_hand <> 0 OR reserved <> 0 OR "
              "reorder_min "
              "IS NOT NULL) AND (?5 = 0 OR (reorder_min IS NOT NULL AND on_hand - reserved < reorder_min)) ORDER BY "
              "product_id, place_id LIMIT ?6";
        static const std::string byLocation
            = "SELECT p.id, p.sku, p.name, p.unit, l.id, s.quantity_milli, 0, NULL, l.warehouse_id FROM stock_levels s "
              "JOIN locations l ON l.id = s.location_id JOIN products p ON p.id = s.product_id WHERE l.kind = "
              "'internal' AND p.deleted_at IS NULL AND (?1 IS NULL OR p.id = ?1) AND (?2 IS NULL OR l.warehouse_id = "
              "?2) AND (p.id, l.id) > (?3, ?4) AND s.quantity_milli <> 0 AND CAST(?5 AS INTEGER) = CAST(?5 AS INTEGER) "
              "AND (?7 IS NULL OR l.warehouse_id "
              "IN (SELECT value FROM json_each(?7))) AND (?8 IS NULL OR l.id = ?8) ORDER BY p.id, l.id LIMIT ?6";
        auto& q = c.prepare(query.byLocation ? byLocation : byWarehouse);
        q.bindAll({ opt(query.productId), opt(query.warehouseId), query.afterProduct, query.afterPlace,
            std::int64_t { query.belowReorder ? 1 : 0 }, std::int64_t { query.limit + 1 }, scopeJson(query.warehouses),
            opt(query.locationId) });
        Page<StockLevel> page;
        while (q.step()) {
            StockLevel level;
            level.productId = q.integer(0);
            level.sku = q.text(1);
            level.name = q.text(2);
            level.unit = q.text(3);
            if (query.byLocation) {
                level.locationId = q.integer(4);
            }
            level.onHandMilli = q.integer(5);
            level.reservedMilli = q.integer(6);
            level.reorderMinMilli = q.optionalInteger(7);
            level.warehouseId = q.integer(8);
            page.items.push_back(std::move(level));
        }
        q.reset();
        if (static_cast<int>(page.items.size()) > query.limit) {
            page.items.pop_back();
            const auto& last = page.items.back();
            page.nextCursor = encodeCursor(last.productId, last.locationId.value_or(last.warehouseId));
        }
        return page;
    });
}

} // namespace tosserp::stock
