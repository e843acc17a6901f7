#include "domain/movement.h"

#include "domain/text.h"

#include <array>
#include <stdexcept>

namespace tosserp::domain {
namespace {

constexpr std::size_t kMaxReasonLength = 200;
constexpr std::size_t kMaxReferenceLength = 100;

constexpr std::array kKinds {
    MovementKind::Receipt,
    MovementKind::Shipment,
    MovementKind::Transfer,
    MovementKind::Adjustment,
    MovementKind::Count,
};

bool routeAllowed(MovementKind kind, LocationKind from, LocationKind to)
{
    using K = LocationKind;
    switch (kind) {
    case MovementKind::Receipt:
        return from == K::Supplier && to == K::Internal;
    case MovementKind::Shipment:
        return from == K::Internal && to == K::Customer;
    case MovementKind::Transfer:
        return (from == K::Internal || from == K::Transit) && (to == K::Internal || to == K::Transit)
            && (from == K::Internal || to == K::Internal);
    case MovementKind::Adjustment:
    case MovementKind::Count:
        return (from == K::Adjustment && to == K::Internal) || (from == K::Internal && to == K::Adjustment);
    }
    return false;
}

std::string_view routeRule(MovementKind kind)
{
    switch (kind) {
    case MovementKind::Receipt:
        return "a receipt moves stock from a supplier location to an internal location";
    case MovementKind::Shipment:
        return "a shipment moves stock from an internal location to a customer location";
    case MovementKind::Transfer:
        return "a transfer moves stock between internal or transit locations, at least one of them internal";
    case MovementKind::Adjustment:
        return "an adjustment moves stock between an adjustment location and an internal location";
    case MovementKind::Count:
        return "a count moves stock between an adjustment location and an internal location";
    }
    return "";
}

} // namespace

std::string_view movementKindName(MovementKind kind)
{
    switch (kind) {
    case MovementKind::Receipt:
        return "receipt";
    case MovementKind::Shipment:
        return "shipment";
    case MovementKind::Transfer:
        return "transfer";
    case MovementKind::Adjustment:
        return "adjustment";
    case MovementKind::Count:
        return "count";
    }
    return "receipt";
}

std::optional<MovementKind> parseMovementKind(std::string_view name)
{
    for (auto kind : kKinds) {
        if (movementKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

Result<StockMovement> planMovement(const MovementRequest& request, const Location& from, const Location& to)
{
    if (!request.quantity.isPositive())
        return invalid("invalid_quantity", "A movement moves a positive quantity.", "quantity");
    if (request.productId <= 0)
        return invalid("invalid_product_id", "The product id must be positive.", "product_id");
    if (request.fromLocationId == request.toLocationId)
        return invalid("same_location", "Stock cannot move from a location to itself.", "to_location_id");
    if (!from.active)
        return unprocessable("location_inactive", "The location " + from.code + " is inactive.", "from_location_id");
    if (!to.active)
        return unprocessable("location_inactive", "The location " + to.code + " is inactive.", "to_location_id");
    if (!routeAllowed(request.kind, from.kind, to.kind)) {
        std::string message(routeRule(request.kind));
        message[0] = static_cast<char>(message[0] - 'a' + 'A');
        message += ", not from " + std::string(locationKindName(from.kind)) + " to "
            + std::string(locationKindName(to.kind)) + ".";
        return unprocessable("invalid_movement_route", std::move(message));
    }
    auto reason = validateText(request.reason, "reason", kMaxReasonLength, false);
    if (!reason)
        return reason.error();
    if (reason->empty() && request.kind == MovementKind::Adjustment)
        return invalid("reason_required", "An adjustment needs a reason.", "reason");
    auto reference = validateText(request.reference, "reference", kMaxReferenceLength, false);
    if (!reference)
        return reference.error();

    StockMovement movement;
    movement.kind = request.kind;
    movement.productId = request.productId;
    movement.fromLocationId = request.fromLocationId;
    movement.toLocationId = request.toLocationId;
    movement.quantity = request.quantity;
    movement.reason = reason->empty() && request.kind == MovementKind::Count ? "count" : std::move(reason).value();
    movement.reference = std::move(reference).value();
    return movement;
}

std::optional<MovementRequest> planCount(std::int64_t productId, std::int64_t locationId,
    std::int64_t adjustmentLocationId, const Quantity& counted, const Quantity& onHand)
{
    auto difference = counted.minus(onHand);
    if (!difference)
        throw std::invalid_argument("count quantities must share a unit and stay in range");
    if (difference->isZero())
        return std::nullopt;
    MovementRequest request;
    request.kind = MovementKind::Count;
    request.productId = productId;
    request.quantity = difference->abs();
    request.fromLocationId = difference->isPositive() ? adjustmentLocationId : locationId;
    request.toLocationId = difference->isPositive() ? locationId : adjustmentLocationId;
    request.reason = "count";
    return request;
}

std::optional<MovementRequest> planCountAgainstSnapshot(std::int64_t productId, std::int64_t locationId,
    std::int64_t adjustmentLocationId, const Quantity& counted, const Quantity& snapshotOnHand,
    const Quantity& movedSinceSnapshot)
{
    auto target = counted.plus(movedSinceSnapshot);
    auto current = snapshotOnHand.plus(movedSinceSnapshot);
    if (!target || !current)
        throw std::invalid_argument("count quantities must share a unit and stay in range");
    return planCount(productId, locationId, adjustmentLocationId, target.value(), current.value());
}

} // namespace tosserp::domain
