// Reservations and reorder points of InventoryService.
#include "server/stock/inventory_service.h"

#include "domain/events.h"
#include "server/core/ids.h"
#include "server/core/log.h"
#include "server/events/dispatcher.h"
#include "server/stock/db_timer.h"
#include "server/stock/stock_events.h"
#include "server/stock/warehouse_service.h"

namespace tosserp::stock {

using domain::Result;

namespace {

std::optional<domain::Unit> productUnit(db::Connection& c, std::int64_t productId)
{
    auto& q = c.prepare("SELECT unit FROM products WHERE id = ? AND deleted_at IS NULL");
    q.bind(1, productId);
    std::optional<domain::Unit> unit;
    if (q.step()) {
        unit = domain::Unit::parse(q.text(0)).value();
    }
    q.reset();
    return unit;
}

std::optional<domain::Reservation> loadReservation(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare("SELECT r.id, r.product_id, r.warehouse_id, r.quantity_milli, r.reference, r.state, "
                        "p.unit FROM reservations r JOIN products p ON p.id = r.product_id WHERE r.id = ?");
    q.bind(1, id);
    std::optional<domain::Reservation> found;
    if (q.step()) {
        domain::Reservation r;
        r.id = q.integer(0);
        r.productId = q.integer(1);
        r.warehouseId = q.integer(2);
        r.quantity = domain::Quantity::fromMilli(q.integer(3), domain::Unit::parse(q.text(6)).value()).value();
        r.reference = q.text(4);
        r.state = domain::parseReservationState(q.text(5)).value_or(domain::Reservation::State::Active);
        found = r;
    }
    q.reset();
    return found;
}

std::int64_t available(db::Connection& c, std::int64_t productId, std::int64_t warehouseId)
{
    auto& q = c.prepare(
        "SELECT COALESCE((SELECT SUM(s.quantity_milli) FROM stock_levels s JOIN locations l ON l.id = "
        "s.location_id WHERE s.product_id = ?1 AND l.warehouse_id = ?2 AND l.kind = 'internal'), 0) - "
        "COALESCE((SELECT SUM(quantity_milli) FROM reservations WHERE product_id = ?1 AND warehouse_id = ?2 AND "
        "state = 'active'), 0)");
    q.bindAll({ productId, warehouseId });
    q.step();
    const auto value = q.integer(0);
    q.reset();
    return value;
}

} // namespace

Result<domain::Reservation> InventoryService::reserve(std::int64_t productId, std::int64_t warehouseId,
    const std::string& quantity, const std::string& reference, const events::EventContext& context)
{
    DbTimer timer("reservation.create");
    return m_db.write([&](db::Connection& c) -> Result<domain::Reservation> {
        const auto unit = productUnit(c, productId);
        if (!unit) {
            return domain::unprocessable(
                "product_not_found", "There is no product " + std::to_string(productId) + ".", "product_id");
        }
        if (!loadWarehouse(c, warehouseId)) {
            return domain::unprocessable(
                "warehouse_not_found", "There is no warehouse " + std::to_string(warehouseId) + ".", "warehouse_id");
        }
        auto parsed = domain::Quantity::parse(quantity, *unit);
        if (!parsed) {
            return domain::withField(parsed.error(), "quantity");
        }
        auto created = domain::Reservation::create(productId, warehouseId, parsed.value(), reference);
        if (!created) {
            return created.error();
        }
        if (created.value().reference.rfind("order-", 0) == 0) {
            // Orders' reservations are the saga's: released and shipped with their order.
            return domain::invalid("reserved_reference",
                "References starting with \"order-\" belong to orders; choose another reference.", "reference");
        }
        if (auto allowed = domain::reserveAllowed(available(c, productId, warehouseId), parsed.value()); !allowed) {
            return allowed.error();
        }
        auto reservation = created.value();
        reservation.id
            = c.prepare(
                   "INSERT INTO reservations (product_id, warehouse_id, quantity_milli, reference, state, created_at) "
                   "VALUES (?, ?, ?, ?, 'active', ?) RETURNING id")
                  .bindAll({ productId, warehouseId, reservation.quantity.milli(), reservation.reference, nowMs() })
                  .insertedKey();
        appendEvent(c, domain::ReservationCreated { reservation }, context);
        return reservation;
    });
}

Result<domain::Reservation> InventoryService::releaseReservation(std::int64_t id, const events::EventContext& context)
{
    DbTimer timer("reservation.release");
    return m_db.write([&](db::Connection& c) -> Result<domain::Reservation> {
        auto reservation = loadReservation(c, id);
        if (!reservation) {
            return domain::notFound("reservation_not_found", "There is no reservation " + std::to_string(id) + ".");
        }
        if (auto released = reservation->release(); !released) {
            return released.error();
        }
        c.prepare("UPDATE reservations SET state = 'released' WHERE id = ?").bind(1, id).run();
        appendEvent(c,
            domain::ReservationReleased { reservation->id, reservation->productId, reservation->warehouseId }, context);
        return *reservation;
    });
}

Result<domain::Reservation> InventoryService::reservation(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadReservation(c, id); });
    if (!found) {
        return domain::notFound("reservation_not_found", "There is no reservation " + std::to_string(id) + ".");
    }
    return *found;
}

namespace {

std::string orderReference(std::int64_t orderId)
{
    return "order-" + std::to_string(orderId);
}

std::vector<domain::Reservation> activeReservations(db::Connection& c, std::int64_t orderId)
{
    auto& q = c.prepare("SELECT id FROM reservations WHERE reference = ? AND state = 'active' ORDER BY id");
    q.bind(1, orderReference(orderId));
    std::vector<std::int64_t> ids;
    while (q.step()) {
        ids.push_back(q.integer(0));
    }
    q.reset();
    std::vector<domain::Reservation> found;
    for (const auto id : ids) {
        if (auto reservation = loadReservation(c, id)) {
            found.push_back(std::move(*reservation));
        }
    }
    return found;
}

std::string productLabel(db::Connection& c, std::int64_t productId)
{
    auto& q = c.prepare("SELECT sku, name FROM products WHERE id = ?");
    q.bind(1, productId);
    std::string label = "product " + std::to_string(productId);
    if (q.step()) {
        label = q.text(0) + " (" + q.text(1) + ")";
    }
    q.reset();
    return label;
}

} // namespace

Result<std::vector<domain::Reservation>> InventoryService::reserveOrder(db::Connection& c, std::int64_t orderId,
    std::int64_t warehouseId, const std::vector<std::pair<std::int64_t, std::string>>& lines,
    const events::EventContext& context)
{
    const auto warehouse = loadWarehouse(c, warehouseId);
    if (!warehouse) {
        return domain::unprocessable(
            "warehouse_not_found", "There is no warehouse " + std::to_string(warehouseId) + ".", "warehouse_id");
    }
    // Check every line first, so a short line leaves no reservation behind.
    std::vector<domain::Reservation> planned;
    for (const auto& [productId, quantityText] : lines) {
        const auto unit = productUnit(c, productId);
        if (!unit) {
            return domain::unprocessable("product_not_found",
                "Product " + std::to_string(productId) + " is no longer in the catalog.", "product_id");
        }
        auto quantity = domain::Quantity::parse(quantityText, *unit);
        if (!quantity) {
            return domain::withField(quantity.error(), "quantity");
        }
        auto reservation
            = domain::Reservation::create(productId, warehouseId, quantity.value(), orderReference(orderId));
        if (!reservation) {
            return reservation.error();
        }
        const auto free = available(c, productId, warehouseId);
        if (!domain::reserveAllowed(free, quantity.value())) {
            const auto shown = domain::Quantity::fromMilli(std::max<std::int64_t>(free, 0), *unit).value();
            return domain::unprocessable("insufficient_stock",
                "Not enough stock of " + productLabel(c, productId) + " in " + warehouse->code + ": "
                    + shown.toDecimalString() + " available, " + quantity.value().toDecimalString() + " ordered.",
                "quantity");
        }
        planned.push_back(std::move(reservation).value());
    }
    for (auto& reservation : planned) {
        reservation.id
            = c.prepare(
                   "INSERT INTO reservations (product_id, warehouse_id, quantity_milli, reference, state, created_at) "
                   "VALUES (?, ?, ?, ?, 'active', ?) RETURNING id")
                  .bindAll({ reservation.productId, reservation.warehouseId, reservation.quantity.milli(),
                      reservation.reference, nowMs() })
                  .insertedKey();
        appendEvent(c, domain::ReservationCreated { reservation }, context);
    }
    return planned;
}

std::vector<domain::Reservation> InventoryService::releaseOrder(
    db::Connection& c, std::int64_t orderId, const events::EventContext& context)
{
    auto reservations = activeReservations(c, orderId);
    for (auto& reservation : reservations) {
        (void)reservation.release();
        c.prepare("UPDATE reservations SET state = 'released' WHERE id = ?").bind(1, reservation.id).run();
        appendEvent(
            c, domain::ReservationReleased { reservation.id, reservation.productId, reservation.warehouseId }, context);
    }
    return reservations;
}

InventoryService::Shipment InventoryService::shipOrder(
    db::Connection& c, std::int64_t orderId, const events::EventContext& context)
{
    Shipment shipment;
    for (auto& reservation : activeReservations(c, orderId)) {
        (void)reservation.consume();
        c.prepare("UPDATE reservations SET state = 'consumed' WHERE id = ?").bind(1, reservation.id).run();
        appendEvent(
            c, domain::ReservationConsumed { reservation.id, reservation.productId, reservation.warehouseId }, context);
        // The shelves of the warehouse holding the product, fullest first.
        auto& q = c.prepare("SELECT s.location_id, s.quantity_milli FROM stock_levels s JOIN locations l ON l.id = "
                            "s.location_id WHERE s.product_id = ? AND l.warehouse_id = ? AND l.kind = 'internal' "
                            "AND s.quantity_milli > 0 ORDER BY s.quantity_milli DESC, s.location_id");
        q.bindAll({ reservation.productId, reservation.warehouseId });
        std::vector<std::pair<std::int64_t, std::int64_t>> shelves;
        while (q.step()) {
            shelves.emplace_back(q.integer(0), q.integer(1));
        }
        q.reset();
        auto missing = reservation.quantity.milli();
        for (const auto& [location, onHand] : shelves) {
            if (missing <= 0) {
                break;
            }
            const auto take = std::min(missing, onHand);
            MovementInput input;
            input.kind = "shipment";
            input.productId = reservation.productId;
            input.quantity = domain::Quantity::fromMilli(take, reservation.quantity.unit()).value().toDecimalString();
            input.fromLocationId = location;
            input.reference = orderReference(orderId);
            auto recorded = recordIn(c, input, context);
            if (recorded && recorded.value().movement) {
                shipment.movements.push_back(*recorded.value().movement);
                missing -= take;
            }
        }
        if (missing > 0) {
            shipment.shortMilli.emplace_back(reservation.productId, missing);
        }
    }
    return shipment;
}

const std::vector<std::string>& InventoryService::orderEventTypes()
{
    static const std::vector<std::string> types = { "OrderPlaced", "OrderCancelled", "OrderShipped" };
    return types;
}

void InventoryService::onOrderEvent(const events::EventRecord& event)
{
    const auto orderId = event.payload.at("order_id").get<std::int64_t>();
    const auto context = events::causedBy(event);
    const auto stream = orderReference(orderId);
    events::Checkpoints::applyOnce(m_db, kOrdersConsumer, event, [&](db::Connection& c) {
        if (event.type == "OrderPlaced") {
            std::vector<std::pair<std::int64_t, std::string>> lines;
            for (const auto& line : event.payload.at("lines")) {
                lines.emplace_back(line.at("product_id").get<std::int64_t>(), line.at("quantity").get<std::string>());
            }
            // Savepoint: a refusal leaves nothing of this attempt behind, the answer still commits.
            c.execScript("SAVEPOINT reserve_order");
            auto reserved
                = reserveOrder(c, orderId, event.payload.at("warehouse_id").get<std::int64_t>(), lines, context);
            if (!reserved) {
                c.execScript("ROLLBACK TO reserve_order; RELEASE reserve_order");
                events::EventStore::append(c, stream, "OrderStockRejected",
                    { { "order_id", orderId }, { "code", reserved.error().code },
                        { "reason", reserved.error().message } },
                    context);
                return;
            }
            c.execScript("RELEASE reserve_order");
            auto ids = nlohmann::json::array();
            for (const auto& reservation : reserved.value()) {
                ids.push_back(reservation.id);
            }
            events::EventStore::append(
                c, stream, "OrderStockReserved", { { "order_id", orderId }, { "reservations", ids } }, context);
        } else if (event.type == "OrderCancelled") {
            const auto released = releaseOrder(c, orderId, context);
            if (!released.empty()) {
                auto ids = nlohmann::json::array();
                for (const auto& reservation : released) {
                    ids.push_back(reservation.id);
                }
                events::EventStore::append(
                    c, stream, "OrderStockReleased", { { "order_id", orderId }, { "reservations", ids } }, context);
            }
        } else {
            const auto shipment = shipOrder(c, orderId, context);
            auto movements = nlohmann::json::array();
            for (const auto& movement : shipment.movements) {
                movements.push_back(movement.id);
            }
            auto missing = nlohmann::json::array();
            for (const auto& [product, milli] : shipment.shortMilli) {
                missing.push_back({ { "product_id", product }, { "quantity_milli", milli } });
            }
            if (!missing.empty()) {
                log::warn("order shipped short", { { "order_id", orderId }, { "short", missing } });
            }
            events::EventStore::append(c, stream, "OrderStockShipped",
                { { "order_id", orderId }, { "movements", movements }, { "short", missing } }, context);
        }
    });
}

Result<domain::ReorderPoint> InventoryService::setReorderPoint(std::int64_t productId, std::int64_t warehouseId,
    const std::string& minQuantity, const std::string& reorderQuantity, const events::EventContext& context)
{
    DbTimer timer("reorder_point.set");
    return m_db.write([&](db::Connection& c) -> Result<domain::ReorderPoint> {
        const auto unit = productUnit(c, productId);
        if (!unit) {
            return domain::unprocessable(
                "product_not_found", "There is no product " + std::to_string(productId) + ".", "product_id");
        }
        if (!loadWarehouse(c, warehouseId)) {
            return domain::unprocessable(
                "warehouse_not_found", "There is no warehouse " + std::to_string(warehouseId) + ".", "warehouse_id");
        }
        auto min = domain::Quantity::parse(minQuantity, *unit);
        if (!min) {
            return domain::withField(min.error(), "min_quantity");
        }
        auto reorder = domain::Quantity::parse(reorderQuantity, *unit);
        if (!reorder) {
            return domain::withField(reorder.error(), "reorder_quantity");
        }
        auto point = domain::ReorderPoint::create(productId, warehouseId, min.value(), reorder.value());
        if (!point) {
            return point.error();
        }
        c.prepare("INSERT INTO reorder_points (product_id, warehouse_id, min_milli, reorder_milli) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (product_id, warehouse_id) DO UPDATE SET min_milli = excluded.min_milli, "
                  "reorder_milli = excluded.reorder_milli")
            .bindAll({ productId, warehouseId, min.value().milli(), reorder.value().milli() })
            .run();
        appendEvent(c, domain::ReorderPointSet { point.value() }, context);
        return point.value();
    });
}

std::vector<domain::ReorderPoint> InventoryService::reorderPoints(std::optional<std::int64_t> warehouseId) const
{
    return m_db.read([&](db::Connection& c) {
        db::Value filter = nullptr;
        if (warehouseId) {
            filter = *warehouseId;
        }
        auto& q = c.prepare("SELECT r.product_id, r.warehouse_id, r.min_milli, r.reorder_milli, p.unit FROM "
                            "reorder_points r JOIN products p ON p.id = r.product_id WHERE p.deleted_at IS NULL AND "
                            "(?1 IS NULL OR r.warehouse_id = ?1) ORDER BY r.product_id, r.warehouse_id");
        q.bind(1, filter);
        std::vector<domain::ReorderPoint> out;
        while (q.step()) {
            const auto unit = domain::Unit::parse(q.text(4)).value();
            domain::ReorderPoint p;
            p.productId = q.integer(0);
            p.warehouseId = q.integer(1);
            p.minQuantity = domain::Quantity::fromMilli(q.integer(2), unit).value();
            p.reorderQuantity = domain::Quantity::fromMilli(q.integer(3), unit).value();
            out.push_back(p);
        }
        q.reset();
        return out;
    });
}

} // namespace tosserp::stock
