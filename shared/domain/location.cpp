#include "domain/location.h"

#include "domain/text.h"

#include <array>

namespace tosserp::domain {
namespace {

constexpr std::array kKinds {
    LocationKind::Internal,
    LocationKind::Supplier,
    LocationKind::Customer,
    LocationKind::Adjustment,
    LocationKind::Transit,
};

bool validCodeChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '/' || c == '.';
}

} // namespace

std::string_view locationKindName(LocationKind kind)
{
    switch (kind) {
    case LocationKind::Internal:
        return "internal";
    case LocationKind::Supplier:
        return "supplier";
    case LocationKind::Customer:
        return "customer";
    case LocationKind::Adjustment:
        return "adjustment";
    case LocationKind::Transit:
        return "transit";
    }
    return "internal";
}

std::optional<LocationKind> parseLocationKind(std::string_view name)
{
    for (auto kind : kKinds) {
        if (locationKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

bool isVirtual(LocationKind kind)
{
    return kind != LocationKind::Internal;
}

Result<Location> Location::create(
    std::optional<std::int64_t> warehouseId, std::string_view code, std::string_view name, LocationKind kind)
{
    if (warehouseId && *warehouseId <= 0)
        return invalid("invalid_warehouse_id", "The warehouse id must be positive.", "warehouse_id");
    if (!warehouseId && (kind == LocationKind::Internal || kind == LocationKind::Transit))
        return invalid("warehouse_required",
            "A location of kind " + std::string(locationKindName(kind)) + " belongs to a warehouse.", "warehouse_id");
    const auto trimmed = trimView(code);
    if (trimmed.empty() || trimmed.size() > kMaxCodeLength)
        return invalid("invalid_location_code", "A location code has 1 to 32 characters.", "code");
    for (char c : trimmed) {
        if (!validCodeChar(c))
            return invalid(
                "invalid_location_code", "A location code may contain only letters, digits and - _ / .", "code");
    }
    auto validName = validateName(name, "name", kMaxNameLength);
    if (!validName)
        return validName.error();
    Location location;
    location.warehouseId = warehouseId;
    location.code = std::string(trimmed);
    location.name = std::move(validName).value();
    location.kind = kind;
    return location;
}

} // namespace tosserp::domain
