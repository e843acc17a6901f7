#include "domain/reservation.h"

#include "domain/decimal.h"
#include "domain/text.h"

namespace tosserp::domain {
namespace {

Result<void> leaveActive(Reservation& reservation, Reservation::State next)
{
    if (reservation.state != Reservation::State::Active) {
        return conflict("reservation_not_active",
            "The reservation is already " + std::string(reservationStateName(reservation.state)) + ".");
    }
    reservation.state = next;
    return {};
}

} // namespace

Result<Reservation> Reservation::create(
    std::int64_t productId, std::int64_t warehouseId, Quantity quantity, std::string_view reference)
{
    if (!quantity.isPositive())
        return invalid("invalid_quantity", "A reservation holds a positive quantity.", "quantity");
    if (productId <= 0)
        return invalid("invalid_product_id", "The product id must be positive.", "product_id");
    if (warehouseId <= 0)
        return invalid("invalid_warehouse_id", "The warehouse id must be positive.", "warehouse_id");
    auto validReference = validateName(reference, "reference", kMaxReferenceLength);
    if (!validReference)
        return validReference.error();
    Reservation reservation;
    reservation.productId = productId;
    reservation.warehouseId = warehouseId;
    reservation.quantity = std::move(quantity);
    reservation.reference = std::move(validReference).value();
    return reservation;
}

Result<void> Reservation::release()
{
    return leaveActive(*this, State::Released);
}

Result<void> Reservation::consume()
{
    return leaveActive(*this, State::Consumed);
}

std::string_view reservationStateName(Reservation::State state)
{
    switch (state) {
    case Reservation::State::Active:
        return "active";
    case Reservation::State::Released:
        return "released";
    case Reservation::State::Consumed:
        return "consumed";
    }
    return "active";
}

std::optional<Reservation::State> parseReservationState(std::string_view name)
{
    for (auto state : { Reservation::State::Active, Reservation::State::Released, Reservation::State::Consumed }) {
        if (reservationStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

Result<void> reserveAllowed(std::int64_t availableMilli, const Quantity& requested)
{
    if (requested.milli() > availableMilli) {
        const auto& unit = requested.unit().code();
        return unprocessable("insufficient_stock",
            "Only " + formatScaledDecimal(availableMilli, 3, true) + " " + unit + " available, "
                + requested.toDecimalString() + " " + unit + " requested.",
            "quantity");
    }
    return {};
}

} // namespace tosserp::domain
