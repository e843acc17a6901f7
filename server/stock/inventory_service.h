#pragma once

#include "domain/movement.h"
#include "domain/reorder.h"
#include "domain/reservation.h"
#include "domain/result.h"
#include "domain/security.h"
#include "server/core/idempotency.h"
#include "server/core/page.h"
#include "server/db/database.h"
#include "server/events/event_store.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tosserp::stock {

/// Stock rules the operator configures.
struct StockPolicy {
    /// When false, a movement that would take an internal location below zero is refused.
    bool allowNegativeStock = false;
    /// Adjustments larger than this (thousandths of the product's unit) need the
    /// stock.adjust.large permission.
    std::int64_t adjustLimitMilli = 100'000;
};

/// One requested movement as a client states it. The product is named by id or SKU.
/// receipt: to_location_id (from defaults to the supplier location); shipment:
/// from_location_id (to defaults to the customer location); transfer: both; adjustment:
/// location_id and a signed quantity (positive found, negative lost) with a reason;
/// count: location_id and the counted quantity, optionally the on-hand the counter saw
/// (`snapshotQuantity`), so concurrent sales are kept rather than overwritten.
struct MovementInput {
    std::string kind;
    std::optional<std::int64_t> productId;
    std::optional<std::string> sku;
    std::string quantity;
    std::optional<std::int64_t> fromLocationId;
    std::optional<std::int64_t> toLocationId;
    std::optional<std::int64_t> locationId;
    std::string reason;
    std::string reference;
    std::optional<std::string> snapshotQuantity;
};

/// What one input became: a recorded movement, or (a count that matched) none.
struct MovementOutcome {
    std::string kind;
    std::int64_t productId = 0;
    std::int64_t locationId = 0;
    std::string unit;
    std::optional<domain::StockMovement> movement;
};

using tosserp::IdempotencyKey;

struct MovementBatch {
    std::vector<MovementOutcome> outcomes;
    /// True when the key had been seen with the same request: nothing new was recorded and
    /// the outcomes are those of the first time.
    bool replayed = false;
};

struct LevelQuery {
    std::optional<std::int64_t> productId;
    std::optional<std::int64_t> warehouseId;
    /// Only this internal location (per-location listing only).
    std::optional<std::int64_t> locationId;
    bool belowReorder = false;
    bool byLocation = false;
    std::int64_t afterProduct = 0;
    std::int64_t afterPlace = 0;
    int limit = 100;
    /// Only these warehouses (a scoped caller's); nullopt for all.
    std::optional<std::set<std::int64_t>> warehouses;
};

/// Stock of one product in one warehouse (or location): on hand is the sum of movements;
/// available is on hand less active reservations.
struct StockLevel {
    std::int64_t productId = 0;
    std::string sku;
    std::string name;
    std::string unit;
    std::int64_t warehouseId = 0;
    std::optional<std::int64_t> locationId;
    std::int64_t onHandMilli = 0;
    std::int64_t reservedMilli = 0;
    std::optional<std::int64_t> reorderMinMilli;
};

struct MovementQuery {
    std::optional<std::int64_t> productId;
    std::optional<std::int64_t> locationId;
    std::int64_t afterId = 0;
    int limit = 100;
    /// Only movements touching these warehouses (a scoped caller's); nullopt for all.
    std::optional<std::set<std::int64_t>> warehouses;
};

/// The stock ledger: movements (double entry, never updated), levels (a projection kept
/// in the same transaction), reservations and reorder points. Thread-safe.
class InventoryService {
public:
    static constexpr std::size_t kMaxBatch = 1000;

    InventoryService(db::Database& database, StockPolicy policy);

    /// Records all inputs in one transaction, in order, or none: the first refusal comes
    /// back with its field prefixed "movements[i].". With a key seen before: the same
    /// request replays the first outcome; a different request is refused
    /// ("idempotency_key_reused", Unprocessable).
    /// `who` (null for the system itself) must have every internal location's warehouse in
    /// scope, and stock.adjust (and for large ones stock.adjust.large) for adjustments.
    domain::Result<MovementBatch> recordMovements(const std::vector<MovementInput>& inputs,
        const std::optional<IdempotencyKey>& key, const events::EventContext& context,
        const domain::Principal* who = nullptr);
    Page<domain::StockMovement> movements(const MovementQuery& query) const;
    /// How many movements of each kind occurred at or after `sinceMs` (touching `warehouses`
    /// only, when given).
    std::map<std::string, std::int64_t> movementCounts(
        std::int64_t sinceMs, const std::optional<std::set<std::int64_t>>& warehouses) const;
    Page<StockLevel> levels(const LevelQuery& query) const;

    domain::Result<domain::Reservation> reserve(std::int64_t productId, std::int64_t warehouseId,
        const std::string& quantity, const std::string& reference, const events::EventContext& context);
    domain::Result<domain::Reservation> releaseReservation(std::int64_t id, const events::EventContext& context);
    domain::Result<domain::Reservation> reservation(std::int64_t id) const;

    /// The order saga's steps on Stock's side (Stock consumes the Orders events). Each runs
    /// inside the caller's write transaction `c`, so the consumer's checkpoint commits with
    /// it. Reservations carry the reference "order-ID".
    ///
    /// Reserves every line of the order in its warehouse, or none: a line short of stock is
    /// Unprocessable "insufficient_stock" with a message naming the product and both
    /// quantities; a product no longer in the catalog is Unprocessable "product_not_found".
    domain::Result<std::vector<domain::Reservation>> reserveOrder(db::Connection& c, std::int64_t orderId,
        std::int64_t warehouseId, const std::vector<std::pair<std::int64_t, std::string>>& lines,
        const events::EventContext& context);
    /// Releases the order's active reservations; returns them.
    std::vector<domain::Reservation> releaseOrder(
        db::Connection& c, std::int64_t orderId, const events::EventContext& context);
    /// Consumes the order's active reservations and ships each from the warehouse's internal
    /// locations holding the product (most stock first) to the customers location. What
    /// cannot be found on the shelves any more is left out and reported in `short`.
    struct Shipment {
        std::vector<domain::StockMovement> movements;
        std::vector<std::pair<std::int64_t, std::int64_t>> shortMilli; ///< product id, missing thousandths
    };
    Shipment shipOrder(db::Connection& c, std::int64_t orderId, const events::EventContext& context);

    /// Stock's consumer of the Orders events: OrderPlaced reserves (answering
    /// OrderStockReserved, or OrderStockRejected with the reason), OrderCancelled releases
    /// (OrderStockReleased), OrderShipped ships (OrderStockShipped). Answers go to the stream
    /// "order-ID" of the stock database, in the transaction that records the consumer's
    /// checkpoint.
    static const std::vector<std::string>& orderEventTypes();
    void onOrderEvent(const events::EventRecord& event);
    static constexpr const char* kOrdersConsumer = "stock.orders";

    domain::Result<domain::ReorderPoint> setReorderPoint(std::int64_t productId, std::int64_t warehouseId,
        const std::string& minQuantity, const std::string& reorderQuantity, const events::EventContext& context);
    std::vector<domain::ReorderPoint> reorderPoints(std::optional<std::int64_t> warehouseId) const;

private:
    /// One movement inside the caller's transaction, as recordMovements records each input.
    domain::Result<MovementOutcome> recordIn(
        db::Connection& c, const MovementInput& input, const events::EventContext& context);

    db::Database& m_db;
    StockPolicy m_policy;
};

} // namespace tosserp::stock
