#pragma once

#include "domain/result.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::domain {

/// Permission names. They are stable strings stored in tokens, API keys and role
/// definitions and used by the REST API: never rename one, only add.
namespace permission {
inline constexpr std::string_view kCatalogRead = "catalog.read";
inline constexpr std::string_view kCatalogWrite = "catalog.write"; ///< products, categories
inline constexpr std::string_view kWarehousesManage = "warehouses.manage"; ///< warehouses, locations, reorder points
inline constexpr std::string_view kStockRead = "stock.read"; ///< levels, movements, reservations
inline constexpr std::string_view kStockMove = "stock.move"; ///< receipts, shipments, transfers, counts
inline constexpr std::string_view kStockAdjust = "stock.adjust"; ///< adjustments up to the policy limit
inline constexpr std::string_view kStockAdjustLarge = "stock.adjust.large"; ///< adjustments above the limit (managers)
inline constexpr std::string_view kStockReserve = "stock.reserve";
inline constexpr std::string_view kOrdersRead = "orders.read";
inline constexpr std::string_view kOrdersWrite = "orders.write";
inline constexpr std::string_view kPaymentsRead = "payments.read";
inline constexpr std::string_view kPaymentsWrite = "payments.write";
inline constexpr std::string_view kPaymentsRefund = "payments.refund";
inline constexpr std::string_view kUsersRead = "users.read";
inline constexpr std::string_view kUsersManage = "users.manage"; ///< create, disable, reset, assign roles/warehouses
inline constexpr std::string_view kRolesManage = "roles.manage";
inline constexpr std::string_view kApiKeysManage = "api_keys.manage";
inline constexpr std::string_view kAuditRead = "audit.read";
inline constexpr std::string_view kSyncUse = "sync.use";
} // namespace permission

/// Every permission constant above, sorted; the same vector on every call.
const std::vector<std::string>& allPermissions();
/// True when `name` is exactly one of allPermissions().
bool isKnownPermission(std::string_view name);

/// A named set of permissions that users are given.
struct RoleDefinition {
    static constexpr std::size_t kMaxDescriptionLength = 200;

    std::string name; ///< [a-z][a-z0-9_]{1,31}
    std::string description; ///< English, ≤200 code points
    std::vector<std::string> permissions; ///< sorted, unique, all known
    bool builtIn = false;
    /// True when a user holding only scoped roles works only in the warehouses assigned to them.
    bool warehouseScoped = false;

    friend bool operator==(const RoleDefinition&, const RoleDefinition&) = default;
};

/// The roles every installation has (builtIn = true), in this order:
/// administrator (every permission, unscoped), catalog_manager (catalog.read/write,
/// warehouses.manage, stock.read, audit.read, sync.use; unscoped), warehouse_staff
/// (catalog.read, stock.read, stock.move, stock.adjust, stock.reserve, sync.use; scoped),
/// warehouse_manager (warehouse_staff + stock.adjust.large, warehouses.manage, audit.read;
/// scoped), sales (catalog.read, stock.read, stock.reserve, orders.read, orders.write,
/// payments.read, sync.use; unscoped), finance (catalog.read, orders.read, payments.read,
/// payments.write, payments.refund, audit.read; unscoped), auditor (every *.read
/// permission, which includes audit.read; unscoped). The same vector on every call.
const std::vector<RoleDefinition>& builtInRoles();

/// Validates a custom role and reports the first error: the name (trimmed, not
/// case-folded) must match [a-z][a-z0-9_]{1,31} (Invalid "invalid_role_name", field
/// "name") and not be a built-in role's name (Conflict "role_exists", field "name"); the
/// description goes through validateText (field "description", ≤200, single line);
/// permissions must be non-empty (Invalid "required", field "permissions") and each
/// known (Invalid "unknown_permission", field "permissions[i]"). The result has sorted,
/// unique permissions and builtIn = false. Uniqueness among custom roles is storage's job.
Result<RoleDefinition> defineRole(std::string_view name, std::string_view description,
    const std::vector<std::string>& permissions, bool warehouseScoped);

/// Who is calling, as the server sees it after checking a token or an API key.
struct Principal {
    std::string subject; ///< "user:42" or "key:7"
    std::int64_t userId = 0; ///< 0 for API keys
    std::string name; ///< username, or the key's name
    std::vector<std::string> roles;
    std::set<std::string> permissions;
    std::optional<std::set<std::int64_t>> warehouses; ///< nullopt: every warehouse
    bool apiKey = false;

    /// True when `permission` is in permissions.
    bool can(std::string_view permission) const;
    /// True when warehouses is nullopt or contains `warehouseId`.
    bool canUseWarehouse(std::int64_t warehouseId) const;
};

/// Builds a user's principal (subject "user:<id>") from `roleDefinitions` (normally
/// builtInRoles() plus the custom roles). Role names without a definition are ignored
/// entirely: they grant nothing and do not appear in Principal::roles, which holds the
/// remaining names sorted and unique. Permissions are the union of those roles'.
/// Warehouses: nullopt when any of those roles is unscoped; the empty set when there is
/// no such role (no permissions either); otherwise the assigned warehouse ids.
Principal principalForUser(std::int64_t userId, const std::string& username, const std::vector<std::string>& roles,
    const std::vector<std::int64_t>& assignedWarehouses, const std::vector<RoleDefinition>& roleDefinitions);

/// Stock adjustments: without stock.adjust, Forbidden "forbidden". An adjustment whose
/// magnitude exceeds `limitMilli` (the sign of `quantityMilli` is ignored; exactly the
/// limit is allowed) also needs stock.adjust.large, otherwise Forbidden
/// "approval_required" (field "quantity") with a message naming the limit.
Result<void> checkAdjustmentPolicy(const Principal& who, std::int64_t quantityMilli, std::int64_t limitMilli);

/// Refunds: without payments.refund, Forbidden "forbidden". A refund whose magnitude
/// exceeds `limitMinor` (exactly the limit is allowed) also needs the role
/// "administrator" or "finance" in who.roles, otherwise Forbidden "approval_required"
/// (field "amount") with a message naming the limit.
Result<void> checkRefundPolicy(const Principal& who, std::int64_t amountMinor, std::int64_t limitMinor);

/// Warehouse scope: Forbidden "warehouse_out_of_scope" (with `field`) unless
/// who.canUseWarehouse(warehouseId).
Result<void> checkWarehouseScope(const Principal& who, std::int64_t warehouseId, std::string_view field);

} // namespace tosserp::domain
