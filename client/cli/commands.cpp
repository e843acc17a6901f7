#include "client/cli/commands.h"

#include "domain/quantity.h"

namespace tosserp::cli {

nlohmann::json findProduct(const client::Replica& replica, const std::string& text)
{
    if (auto product = replica.productByCode(text)) {
        return *product;
    }
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
        if (auto product = replica.product(std::stoll(text))) {
            return *product;
        }
    }
    throw UsageError("no product with the SKU, barcode or id \"" + text + "\" in the replica (sync first?)");
}

std::int64_t findLocation(const client::Replica& replica, const std::string& text)
{
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
        if (replica.location(std::stoll(text))) {
            return std::stoll(text);
        }
        throw UsageError("no location " + text + " in the replica");
    }
    const auto slash = text.find('/');
    const auto warehouseCode = slash == std::string::npos ? text : text.substr(0, slash);
    const auto locationCode = slash == std::string::npos ? std::string("STOCK") : text.substr(slash + 1);
    std::optional<std::int64_t> warehouse;
    for (const auto& row : replica.rows("warehouses")) {
        if (row.value("code", "") == warehouseCode) {
            warehouse = row["id"].get<std::int64_t>();
        }
    }
    if (!warehouse) {
        throw UsageError("no warehouse \"" + warehouseCode + "\" in the replica");
    }
    for (const auto& row : replica.rows("locations")) {
        if (row["warehouse_id"] == *warehouse && row.value("code", "") == locationCode) {
            return row["id"].get<std::int64_t>();
        }
    }
    throw UsageError("warehouse " + warehouseCode + " has no location \"" + locationCode + "\"");
}

std::string checkedQuantity(const std::string& text, const nlohmann::json& product, bool allowNegative)
{
    const auto unit = domain::Unit::parse(product.value("unit", "pcs"));
    if (!unit) {
        throw UsageError("the product's unit is unknown");
    }
    const auto quantity = domain::Quantity::parse(text, unit.value());
    if (!quantity) {
        throw UsageError("quantity \"" + text + "\": " + quantity.error().message);
    }
    if (!allowNegative && quantity.value().milli() < 0) {
        throw UsageError("quantity \"" + text + "\" must not be negative");
    }
    return quantity.value().toDecimalString();
}

std::string localOnHand(
    const client::Replica& replica, std::int64_t productId, std::int64_t locationId, const std::string& unit)
{
    std::int64_t milli = 0;
    for (const auto& level : replica.levels(productId)) {
        if (level.locationId == locationId) {
            milli = level.serverMilli + level.pendingMilli;
        }
    }
    return domain::Quantity::fromMilli(milli, domain::Unit::parse(unit).value()).value().toDecimalString();
}

} // namespace tosserp::cli
