#include "domain/security.h"

#include "domain/decimal.h"
#include "domain/text.h"

#include <algorithm>

namespace tosserp::domain {
namespace {

namespace p = permission;

std::vector<std::string> sortedUnique(std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

RoleDefinition builtIn(std::string name, std::string description, std::vector<std::string> permissions, bool scoped)
{
    return RoleDefinition { std::move(name), std::move(description), sortedUnique(std::move(permissions)), true,
        scoped };
}

std::vector<RoleDefinition> makeBuiltInRoles()
{
    std::vector<std::string> reads;
    for (const auto& name : allPermissions()) {
        if (name.ends_with(".read"))
            reads.push_back(name);
    }
    using S = std::string;
    // Staff see orders (to ship them), not change them.
    const std::vector<std::string> staff { S(p::kCatalogRead), S(p::kStockRead), S(p::kStockMove), S(p::kStockAdjust),
        S(p::kStockReserve), S(p::kOrdersRead), S(p::kSyncUse) };
    auto manager = staff;
    manager.insert(manager.end(), { S(p::kStockAdjustLarge), S(p::kWarehousesManage), S(p::kAuditRead) });
    return {
        builtIn("administrator", "Full access to everything.", allPermissions(), false),
        builtIn("catalog_manager", "Maintains products, categories and warehouses.",
            { S(p::kCatalogRead), S(p::kCatalogWrite), S(p::kWarehousesManage), S(p::kStockRead), S(p::kAuditRead),
                S(p::kSyncUse) },
            false),
        builtIn("warehouse_staff", "Receives, ships, moves, counts and reserves stock in assigned warehouses.", staff,
            true),
        builtIn("warehouse_manager", "Warehouse staff who also approve large adjustments and manage warehouses.",
            manager, true),
        builtIn("sales", "Takes orders and reserves stock.",
            { S(p::kCatalogRead), S(p::kStockRead), S(p::kStockReserve), S(p::kOrdersRead), S(p::kOrdersWrite),
                S(p::kPaymentsRead), S(p::kSyncUse) },
            false),
        builtIn("finance", "Records payments and approves refunds.",
            { S(p::kCatalogRead), S(p::kOrdersRead), S(p::kPaymentsRead), S(p::kPaymentsWrite), S(p::kPaymentsRefund),
                S(p::kAuditRead) },
            false),
        builtIn("auditor", "Reads everything, changes nothing.", std::move(reads), false),
    };
}

bool validRoleName(std::string_view name)
{
    if (name.size() < 2 || name.size() > 32 || name.front() < 'a' || name.front() > 'z')
        return false;
    return std::all_of(
        name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// |value| > limit, without overflow for INT64_MIN; a negative limit allows nothing but 0.
bool exceeds(std::int64_t value, std::int64_t limit)
{
    const auto magnitude
        = value < 0 ? std::uint64_t { 0 } - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    return limit < 0 ? magnitude > 0 : magnitude > static_cast<std::uint64_t>(limit);
}

} // namespace

const std::vector<std::string>& allPermissions()
{
    static const std::vector<std::string> all = sortedUnique({
        std::string(p::kCatalogRead),
        std::string(p::kCatalogWrite),
        std::string(p::kWarehousesManage),
        std::string(p::kStockRead),
        std::string(p::kStockMove),
        std::string(p::kStockAdjust),
        std::string(p::kStockAdjustLarge),
        std::string(p::kStockReserve),
        std::string(p::kOrdersRead),
        std::string(p::kOrdersWrite),
        std::string(p::kPaymentsRead),
        std::string(p::kPaymentsWrite),
        std::string(p::kPaymentsRefund),
        std::string(p::kUsersRead),
        std::string(p::kUsersManage),
        std::string(p::kRolesManage),
        std::string(p::kApiKeysManage),
        std::string(p::kAuditRead),
        std::string(p::kSyncUse),
    });
    return all;
}

bool isKnownPermission(std::string_view name)
{
    const auto& all = allPermissions();
    return std::binary_search(all.begin(), all.end(), name, std::less<> {});
}

const std::vector<RoleDefinition>& builtInRoles()
{
    static const std::vector<RoleDefinition> roles = makeBuiltInRoles();
    return roles;
}

Result<RoleDefinition> defineRole(std::string_view name, std::string_view description,
    const std::vector<std::string>& permissions, bool warehouseScoped)
{
    const auto trimmed = trimView(name);
    if (!validRoleName(trimmed))
        return invalid("invalid_role_name",
            "A role name has 2 to 32 characters of a-z, 0-9 and _, and starts with a letter.", "name");
    for (const auto& role : builtInRoles()) {
        if (role.name == trimmed)
            return conflict("role_exists", "The role " + role.name + " is built in.", "name");
    }
    auto validDescription = validateText(description, "description", RoleDefinition::kMaxDescriptionLength, false);
    if (!validDescription)
        return validDescription.error();
    if (permissions.empty())
        return invalid("required", "A role needs at least one permission.", "permissions");
    for (std::size_t i = 0; i < permissions.size(); ++i) {
        if (!isKnownPermission(permissions[i]))
            return invalid("unknown_permission", "There is no permission called " + permissions[i] + ".",
                "permissions[" + std::to_string(i) + "]");
    }
    return RoleDefinition { std::string(trimmed), std::move(validDescription).value(), sortedUnique(permissions), false,
        warehouseScoped };
}

bool Principal::can(std::string_view permission) const
{
    return permissions.find(std::string(permission)) != permissions.end();
}

bool Principal::canUseWarehouse(std::int64_t warehouseId) const
{
    return !warehouses || warehouses->contains(warehouseId);
}

Principal principalForUser(std::int64_t userId, const std::string& username, const std::vector<std::string>& roles,
    const std::vector<std::int64_t>& assignedWarehouses, const std::vector<RoleDefinition>& roleDefinitions)
{
    Principal principal;
    principal.subject = "user:" + std::to_string(userId);
    principal.userId = userId;
    principal.name = username;
    bool anyUnscoped = false;
    for (const auto& roleName : sortedUnique(roles)) {
        const auto definition = std::find_if(roleDefinitions.begin(), roleDefinitions.end(),
            [&](const RoleDefinition& role) { return role.name == roleName; });
        if (definition == roleDefinitions.end())
            continue;
        principal.roles.push_back(roleName);
        principal.permissions.insert(definition->permissions.begin(), definition->permissions.end());
        anyUnscoped = anyUnscoped || !definition->warehouseScoped;
    }
    if (principal.roles.empty())
        principal.warehouses = std::set<std::int64_t> {};
    else if (!anyUnscoped)
        principal.warehouses = std::set<std::int64_t>(assignedWarehouses.begin(), assignedWarehouses.end());
    return principal;
}

Result<void> checkAdjustmentPolicy(const Principal& who, std::int64_t quantityMilli, std::int64_t limitMilli)
{
    if (!who.can(permission::kStockAdjust))
        return forbidden("forbidden", "Adjusting stock needs the stock.adjust permission.");
    if (exceeds(quantityMilli, limitMilli) && !who.can(permission::kStockAdjustLarge))
        return withField(
            forbidden("approval_required",
                "Adjustments of more than " + formatScaledDecimal(std::max<std::int64_t>(limitMilli, 0), 3, true)
                    + " units need a manager (the stock.adjust.large permission)."),
            "quantity");
    return {};
}

Result<void> checkRefundPolicy(const Principal& who, std::int64_t amountMinor, std::int64_t limitMinor)
{
    if (!who.can(permission::kPaymentsRefund))
        return forbidden("forbidden", "Refunds need the payments.refund permission.");
    const auto approver
        = [&](std::string_view role) { return std::find(who.roles.begin(), who.roles.end(), role) != who.roles.end(); };
    if (exceeds(amountMinor, limitMinor) && !approver("administrator") && !approver("finance"))
        return withField(forbidden("approval_required",
                             "Refunds of more than " + std::to_string(std::max<std::int64_t>(limitMinor, 0))
                                 + " minor currency units need the administrator or finance role."),
            "amount");
    return {};
}

Result<void> checkWarehouseScope(const Principal& who, std::int64_t warehouseId, std::string_view field)
{
    if (who.canUseWarehouse(warehouseId))
        return {};
    return withField(
        forbidden("warehouse_out_of_scope", "Warehouse " + std::to_string(warehouseId) + " is not assigned to you."),
        std::string(field));
}

} // namespace tosserp::domain
