#pragma once

#include "domain/quantity.h"
#include "domain/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tosserp::domain {

/// Stock promised to an order in one warehouse. Reserved quantity is subtracted from
/// what is available, not from on-hand. Active → Released | Consumed, nothing else.
struct Reservation {
    enum class State { Active, Released, Consumed };
    static constexpr std::size_t kMaxReferenceLength = 100;

    std::int64_t id = 0;
    std::int64_t productId = 0;
    std::int64_t warehouseId = 0;
    Quantity quantity;
    std::string reference;
    State state = State::Active;

    /// A new active reservation (id 0). Quantity must be positive (Invalid
    /// "invalid_quantity", field "quantity"); product and warehouse ids positive
    /// ("invalid_product_id" / "invalid_warehouse_id"); reference required and ≤100
    /// characters ("required" / "too_long", field "reference").
    static Result<Reservation> create(
        std::int64_t productId, std::int64_t warehouseId, Quantity quantity, std::string_view reference);

    /// Active → Released; otherwise Conflict "reservation_not_active" and no change.
    Result<void> release();
    /// Active → Consumed; otherwise Conflict "reservation_not_active" and no change.
    Result<void> consume();

    friend bool operator==(const Reservation&, const Reservation&) = default;
};

/// "active", "released", "consumed".
std::string_view reservationStateName(Reservation::State state);
/// Inverse of reservationStateName; nullopt for anything else.
std::optional<Reservation::State> parseReservationState(std::string_view name);

/// Whether `requested` may be reserved when `availableMilli` (on-hand minus active
/// reservations, in thousandths of the product's unit) is available. Refuses with
/// Unprocessable "insufficient_stock" (field "quantity") when requested > available.
Result<void> reserveAllowed(std::int64_t availableMilli, const Quantity& requested);

} // namespace tosserp::domain
