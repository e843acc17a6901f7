#pragma once

#include "domain/location.h"
#include "domain/quantity.h"
#include "domain/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tosserp::domain {

/// Why stock moves. Each kind allows only certain pairs of location kinds (see planMovement).
enum class MovementKind { Receipt, Shipment, Transfer, Adjustment, Count };

/// "receipt", "shipment", "transfer", "adjustment", "count".
std::string_view movementKindName(MovementKind kind);
/// Inverse of movementKindName; nullopt for anything else.
std::optional<MovementKind> parseMovementKind(std::string_view name);

/// A request to move a positive quantity of one product between two locations.
struct MovementRequest {
    MovementKind kind = MovementKind::Receipt;
    std::int64_t productId = 0;
    Quantity quantity; ///< always positive
    std::int64_t fromLocationId = 0;
    std::int64_t toLocationId = 0;
    std::string reason;
    std::string reference;
};

/// One accepted, double-entry movement: `quantity` leaves `fromLocationId` and enters
/// `toLocationId`. Balances are the sum of movements; they are never stored as truth.
struct StockMovement {
    std::int64_t id = 0;
    MovementKind kind = MovementKind::Receipt;
    std::int64_t productId = 0;
    std::int64_t fromLocationId = 0;
    std::int64_t toLocationId = 0;
    Quantity quantity;
    std::string reason;
    std::string reference;
    std::int64_t occurredAtMs = 0;

    friend bool operator==(const StockMovement&, const StockMovement&) = default;
};

/// Checks a request against the movement rules and returns the movement to record
/// (id 0, occurredAtMs 0; the caller assigns both). `from` and `to` are the locations the
/// request names. Refusals, in order of checking:
/// - quantity not positive: Invalid "invalid_quantity" (field "quantity");
/// - product id not positive: Invalid "invalid_product_id" (field "product_id");
/// - from == to: Invalid "same_location" (field "to_location_id");
/// - an inactive location: Unprocessable "location_inactive" (field "from_location_id"
///   or "to_location_id");
/// - a route other than Receipt supplier→internal, Shipment internal→customer, Transfer
///   between internal/transit locations with at least one internal, Adjustment/Count
///   adjustment→internal or internal→adjustment: Unprocessable "invalid_movement_route";
/// - Adjustment without reason: Invalid "reason_required" (field "reason"); a reason
///   over 200 or a reference over 100 characters: Invalid "too_long". A Count without
///   reason gets reason "count".
Result<StockMovement> planMovement(const MovementRequest& request, const Location& from, const Location& to);

/// The Count movement that brings `onHand` to `counted` at `locationId`: from the
/// adjustment location when stock was found, to it when stock is missing, with quantity
/// |counted − onHand| and reason "count". nullopt when they are equal.
/// Precondition: both quantities share a unit (throws std::invalid_argument otherwise).
std::optional<MovementRequest> planCount(std::int64_t productId, std::int64_t locationId,
    std::int64_t adjustmentLocationId, const Quantity& counted, const Quantity& onHand);

/// A count taken against a snapshot (e.g. offline on a handheld): at snapshot time the
/// system showed `snapshotOnHand`; since then movements changed that location by
/// `movedSinceSnapshot` (net, signed; already in the ledger). The shelf now physically
/// holds counted + movedSince, while the ledger shows snapshot + movedSince, so the
/// adjustment is exactly counted − snapshot: sales made after the snapshot are kept rather
/// than overwritten. nullopt when counted equals the snapshot.
/// Precondition: all quantities share a unit (throws std::invalid_argument otherwise).
std::optional<MovementRequest> planCountAgainstSnapshot(std::int64_t productId, std::int64_t locationId,
    std::int64_t adjustmentLocationId, const Quantity& counted, const Quantity& snapshotOnHand,
    const Quantity& movedSinceSnapshot);

} // namespace tosserp::domain
