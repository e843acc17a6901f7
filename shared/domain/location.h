#pragma once

#include "domain/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tosserp::domain {

/// Where stock can be. Internal locations hold real stock in a warehouse; the others
/// are virtual counterparts that make every movement double entry: stock comes from a
/// Supplier, leaves to a Customer, appears or vanishes through Adjustment, and sits in
/// Transit between warehouses.
enum class LocationKind { Internal, Supplier, Customer, Adjustment, Transit };

/// "internal", "supplier", "customer", "adjustment", "transit".
std::string_view locationKindName(LocationKind kind);
/// Inverse of locationKindName; nullopt for anything else.
std::optional<LocationKind> parseLocationKind(std::string_view name);
/// True for every kind except Internal. Virtual balances may go negative.
bool isVirtual(LocationKind kind);

/// A place stock can be moved from or to.
struct Location {
    static constexpr std::size_t kMaxCodeLength = 32;
    static constexpr std::size_t kMaxNameLength = 100;

    std::int64_t id = 0;
    std::optional<std::int64_t> warehouseId;
    std::string code;
    std::string name;
    LocationKind kind = LocationKind::Internal;
    bool active = true;

    /// A new active location (id 0). Internal and Transit locations need a warehouse
    /// (Invalid "warehouse_required", field "warehouse_id"); a given warehouse id must be
    /// positive ("invalid_warehouse_id"). The code is trimmed, 1..32 characters of
    /// [A-Za-z0-9-_/.] (Invalid "invalid_location_code", field "code"); the name goes
    /// through validateName (field "name", ≤100).
    static Result<Location> create(
        std::optional<std::int64_t> warehouseId, std::string_view code, std::string_view name, LocationKind kind);

    friend bool operator==(const Location&, const Location&) = default;
};

} // namespace tosserp::domain
