#include "domain/security.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

const RoleDefinition& builtInRole(std::string_view name)
{
    const auto& roles = builtInRoles();
    const auto found
        = std::find_if(roles.begin(), roles.end(), [&](const RoleDefinition& r) { return r.name == name; });
    if (found == roles.end())
        throw std::runtime_error("no built-in role " + std::string(name));
    return *found;
}

std::vector<std::string> sorted(std::vector<std::string> values)
{
    std::sort(values.begin(), values.end());
    return values;
}

Principal userWith(const std::vector<std::string>& roles, const std::vector<std::int64_t>& warehouses = {})
{
    return principalForUser(42, "alice", roles, warehouses, builtInRoles());
}

TEST(PermissionTest, AllPermissionsAreTheConstantsSorted)
{
    const std::vector<std::string> expected { "api_keys.manage", "audit.read", "catalog.read", "catalog.write",
        "orders.read", "orders.write", "payments.read", "payments.refund", "payments.write", "roles.manage",
        "stock.adjust", "stock.adjust.large", "stock.move", "stock.read", "stock.reserve", "sync.use", "users.manage",
        "users.read", "warehouses.manage" };
    EXPECT_EQ(allPermissions(), expected);
    EXPECT_EQ(&allPermissions(), &allPermissions());
}

TEST(PermissionTest, IsKnownPermission)
{
    for (const char* name : { "", "catalog", "Catalog.read", "catalog.read ", "stock.adjust.larger", "admin" })
        EXPECT_FALSE(isKnownPermission(name)) << name;
    for (const auto& name : allPermissions())
        EXPECT_TRUE(isKnownPermission(name)) << name;
    EXPECT_TRUE(isKnownPermission(permission::kStockAdjustLarge));
}

TEST(BuiltInRoleTest, NamesScopesAndFlags)
{
    std::vector<std::string> names;
    for (const auto& role : builtInRoles()) {
        names.push_back(role.name);
        EXPECT_TRUE(role.builtIn) << role.name;
        EXPECT_FALSE(role.description.empty()) << role.name;
        EXPECT_TRUE(std::is_sorted(role.permissions.begin(), role.permissions.end())) << role.name;
        EXPECT_EQ(std::adjacent_find(role.permissions.begin(), role.permissions.end()), role.permissions.end());
        for (const auto& name : role.permissions)
            EXPECT_TRUE(isKnownPermission(name)) << role.name << " " << name;
        // Every built-in role would also pass the custom role rules, apart from its reserved name.
        EXPECT_TRUE(failsWith(defineRole(role.name, role.description, role.permissions, role.warehouseScoped),
            ErrorKind::Conflict, "role_exists", "name"));
    }
    EXPECT_EQ(names,
        (std::vector<std::string> { "administrator", "catalog_manager", "warehouse_staff", "warehouse_manager", "sales",
            "finance", "auditor" }));
    EXPECT_FALSE(builtInRole("administrator").warehouseScoped);
    EXPECT_FALSE(builtInRole("catalog_manager").warehouseScoped);
    EXPECT_TRUE(builtInRole("warehouse_staff").warehouseScoped);
    EXPECT_TRUE(builtInRole("warehouse_manager").warehouseScoped);
    EXPECT_FALSE(builtInRole("sales").warehouseScoped);
    EXPECT_FALSE(builtInRole("finance").warehouseScoped);
    EXPECT_FALSE(builtInRole("auditor").warehouseScoped);
}

TEST(BuiltInRoleTest, PermissionSets)
{
    EXPECT_EQ(builtInRole("administrator").permissions, allPermissions());
    EXPECT_EQ(builtInRole("catalog_manager").permissions,
        sorted({ "catalog.read", "catalog.write", "warehouses.manage", "stock.read", "audit.read", "sync.use" }));
    EXPECT_EQ(builtInRole("warehouse_staff").permissions,
        sorted({ "catalog.read", "stock.read", "stock.move", "stock.adjust", "stock.reserve", "orders.read",
            "sync.use" }));
    EXPECT_EQ(builtInRole("warehouse_manager").permissions,
        sorted({ "catalog.read", "stock.read", "stock.move", "stock.adjust", "stock.reserve", "orders.read", "sync.use",
            "stock.adjust.large", "warehouses.manage", "audit.read" }));
    EXPECT_EQ(builtInRole("sales").permissions,
        sorted({ "catalog.read", "stock.read", "stock.reserve", "orders.read", "orders.write", "payments.read",
            "sync.use" }));
    EXPECT_EQ(builtInRole("finance").permissions,
        sorted({ "catalog.read", "orders.read", "payments.read", "payments.write", "payments.refund", "audit.read" }));
    EXPECT_EQ(builtInRole("auditor").permissions,
        sorted({ "audit.read", "catalog.read", "orders.read", "payments.read", "stock.read", "users.read" }));
}

TEST(BuiltInRoleTest, AuditorCannotWrite)
{
    const auto auditor = userWith({ "auditor" });
    for (const auto& name : allPermissions()) {
        if (name.ends_with(".read"))
            EXPECT_TRUE(auditor.can(name)) << name;
        else
            EXPECT_FALSE(auditor.can(name)) << name;
    }
    EXPECT_FALSE(auditor.can(permission::kSyncUse));
    EXPECT_FALSE(auditor.can(permission::kStockMove));
    EXPECT_TRUE(auditor.can(permission::kAuditRead));
}

TEST(BuiltInRoleTest, OnlyAdministratorManagesAccess)
{
    for (const auto& role : builtInRoles()) {
        const bool admin = role.name == "administrator";
        for (const auto name : { permission::kUsersManage, permission::kRolesManage, permission::kApiKeysManage }) {
            const bool has
                = std::find(role.permissions.begin(), role.permissions.end(), name) != role.permissions.end();
            EXPECT_EQ(has, admin) << role.name << " " << name;
        }
    }
}

TEST(DefineRoleTest, RefusesBadNames)
{
    for (const std::string& name :
        std::vector<std::string> { "", "  ", "a", "Picker", "1picker", "_picker", "pick-er", "pick er", "pick.er",
            "p\xC3\xAD"
            "cker",
            std::string(33, 'p') })
        EXPECT_TRUE(
            failsWith(defineRole(name, "", { "stock.read" }, false), ErrorKind::Invalid, "invalid_role_name", "name"))
            << name;
}

TEST(DefineRoleTest, RefusesBuiltInNames)
{
    for (const char* name : { "administrator", "auditor", " finance " })
        EXPECT_TRUE(
            failsWith(defineRole(name, "", { "stock.read" }, false), ErrorKind::Conflict, "role_exists", "name"))
            << name;
}

TEST(DefineRoleTest, RefusesBadDescriptions)
{
    EXPECT_TRUE(failsWith(defineRole("picker", std::string(201, 'd'), { "stock.read" }, true), ErrorKind::Invalid,
        "too_long", "description"));
    EXPECT_TRUE(failsWith(defineRole("picker", "line\nbreak", { "stock.read" }, true), ErrorKind::Invalid,
        "invalid_text", "description"));
    EXPECT_TRUE(failsWith(
        defineRole("picker", "\xFF", { "stock.read" }, true), ErrorKind::Invalid, "invalid_text", "description"));
}

TEST(DefineRoleTest, RefusesMissingOrUnknownPermissions)
{
    EXPECT_TRUE(failsWith(defineRole("picker", "Picks", {}, true), ErrorKind::Invalid, "required", "permissions"));
    EXPECT_TRUE(failsWith(defineRole("picker", "Picks", { "stock.read", "stock.fly" }, true), ErrorKind::Invalid,
        "unknown_permission", "permissions[1]"));
    EXPECT_TRUE(failsWith(defineRole("picker", "Picks", { "Stock.read" }, true), ErrorKind::Invalid,
        "unknown_permission", "permissions[0]"));
    EXPECT_TRUE(failsWith(
        defineRole("picker", "Picks", { "" }, true), ErrorKind::Invalid, "unknown_permission", "permissions[0]"));
}

TEST(DefineRoleTest, SortsAndDeduplicates)
{
    const auto role = defineRole(" picker_2 ", " Picks orders ", { "stock.move", "stock.read", "stock.move" }, true);
    ASSERT_TRUE(succeeds(role));
    EXPECT_EQ(role->name, "picker_2");
    EXPECT_EQ(role->description, "Picks orders");
    EXPECT_EQ(role->permissions, (std::vector<std::string> { "stock.move", "stock.read" }));
    EXPECT_FALSE(role->builtIn);
    EXPECT_TRUE(role->warehouseScoped);
    EXPECT_FALSE(defineRole("viewer", "", { "stock.read" }, false)->warehouseScoped);
    EXPECT_TRUE(succeeds(defineRole("ab", std::string(200, 'd'), { "audit.read" }, false)));
    EXPECT_TRUE(succeeds(defineRole("a" + std::string(31, '9'), "", { "audit.read" }, false)));
}

TEST(PrincipalTest, NoRolesMeansNothing)
{
    const auto principal = principalForUser(7, "bob", {}, { 1, 2 }, builtInRoles());
    EXPECT_EQ(principal.subject, "user:7");
    EXPECT_EQ(principal.userId, 7);
    EXPECT_EQ(principal.name, "bob");
    EXPECT_FALSE(principal.apiKey);
    EXPECT_TRUE(principal.roles.empty());
    EXPECT_TRUE(principal.permissions.empty());
    ASSERT_TRUE(principal.warehouses.has_value());
    EXPECT_TRUE(principal.warehouses->empty());
    EXPECT_FALSE(principal.canUseWarehouse(1));
}

TEST(PrincipalTest, UnknownRolesAreIgnored)
{
    const auto principal = principalForUser(7, "bob", { "ghost", "sales" }, {}, builtInRoles());
    EXPECT_EQ(principal.roles, (std::vector<std::string> { "sales" }));
    EXPECT_EQ(principal.permissions,
        std::set<std::string>(builtInRole("sales").permissions.begin(), builtInRole("sales").permissions.end()));
    const auto ghost = principalForUser(7, "bob", { "ghost" }, { 3 }, builtInRoles());
    EXPECT_TRUE(ghost.roles.empty());
    EXPECT_TRUE(ghost.permissions.empty());
    EXPECT_EQ(ghost.warehouses, std::set<std::int64_t> {});
}

TEST(PrincipalTest, ScopedRolesOnlyLimitToAssignedWarehouses)
{
    const auto staff = userWith({ "warehouse_staff" }, { 5, 3, 5 });
    EXPECT_EQ(staff.warehouses, (std::set<std::int64_t> { 3, 5 }));
    EXPECT_TRUE(staff.canUseWarehouse(3));
    EXPECT_TRUE(staff.canUseWarehouse(5));
    EXPECT_FALSE(staff.canUseWarehouse(4));
    EXPECT_FALSE(staff.canUseWarehouse(0));

    const auto unassigned = userWith({ "warehouse_staff", "warehouse_manager" });
    EXPECT_EQ(unassigned.warehouses, std::set<std::int64_t> {});
    EXPECT_FALSE(unassigned.canUseWarehouse(1));
}

TEST(PrincipalTest, AnyUnscopedRoleGivesEveryWarehouse)
{
    const auto principal = userWith({ "warehouse_staff", "sales" }, { 3 });
    EXPECT_EQ(principal.warehouses, std::nullopt);
    EXPECT_TRUE(principal.canUseWarehouse(3));
    EXPECT_TRUE(principal.canUseWarehouse(999));
    EXPECT_EQ(principal.roles, (std::vector<std::string> { "sales", "warehouse_staff" }));
    // The union: stock.move from staff, orders.write from sales.
    EXPECT_TRUE(principal.can(permission::kStockMove));
    EXPECT_TRUE(principal.can(permission::kOrdersWrite));
    EXPECT_FALSE(principal.can(permission::kStockAdjustLarge));
    EXPECT_FALSE(principal.can(permission::kPaymentsRefund));
    EXPECT_EQ(principal.permissions.size(), 9U);
}

TEST(PrincipalTest, CustomRolesJoinTheUnion)
{
    auto definitions = builtInRoles();
    definitions.push_back(defineRole("refunder", "", { "payments.refund" }, true).value());
    const auto principal = principalForUser(1, "carol", { "refunder", "warehouse_staff" }, { 9 }, definitions);
    EXPECT_TRUE(principal.can(permission::kPaymentsRefund));
    EXPECT_TRUE(principal.can(permission::kStockMove));
    EXPECT_EQ(principal.warehouses, std::set<std::int64_t> { 9 });
    EXPECT_FALSE(principal.can("payments.refund "));
}

TEST(AdjustmentPolicyTest, NeedsStockAdjust)
{
    EXPECT_TRUE(failsWith(checkAdjustmentPolicy(userWith({ "sales" }), 1, 100000), ErrorKind::Forbidden, "forbidden"));
    Principal largeOnly;
    largeOnly.permissions = { std::string(permission::kStockAdjustLarge) };
    EXPECT_TRUE(failsWith(checkAdjustmentPolicy(largeOnly, 1, 100000), ErrorKind::Forbidden, "forbidden"));
}

TEST(AdjustmentPolicyTest, AboveTheLimitNeedsApproval)
{
    const auto staff = userWith({ "warehouse_staff" }, { 1 });
    EXPECT_TRUE(
        failsWith(checkAdjustmentPolicy(staff, 2501, 2500), ErrorKind::Forbidden, "approval_required", "quantity"));
    EXPECT_TRUE(
        failsWith(checkAdjustmentPolicy(staff, -2501, 2500), ErrorKind::Forbidden, "approval_required", "quantity"));
    EXPECT_TRUE(failsWith(checkAdjustmentPolicy(staff, std::numeric_limits<std::int64_t>::min(), 2500),
        ErrorKind::Forbidden, "approval_required", "quantity"));
    const auto refused = checkAdjustmentPolicy(staff, 2501, 2500);
    EXPECT_NE(refused.error().message.find("2.5"), std::string::npos) << refused.error().message;

    EXPECT_TRUE(succeeds(checkAdjustmentPolicy(staff, 2500, 2500)));
    EXPECT_TRUE(succeeds(checkAdjustmentPolicy(staff, -2500, 2500)));
    EXPECT_TRUE(succeeds(checkAdjustmentPolicy(staff, 0, 2500)));
}

TEST(AdjustmentPolicyTest, ManagersMayGoAboveTheLimit)
{
    const auto manager = userWith({ "warehouse_manager" }, { 1 });
    EXPECT_TRUE(succeeds(checkAdjustmentPolicy(manager, 2501, 2500)));
    EXPECT_TRUE(succeeds(checkAdjustmentPolicy(manager, -1000000000, 2500)));
    EXPECT_TRUE(succeeds(checkAdjustmentPolicy(userWith({ "administrator" }), 2501, 2500)));
}

TEST(RefundPolicyTest, NeedsPaymentsRefund)
{
    EXPECT_TRUE(failsWith(checkRefundPolicy(userWith({ "sales" }), 1, 5000), ErrorKind::Forbidden, "forbidden"));
    EXPECT_TRUE(failsWith(checkRefundPolicy(userWith({ "auditor" }), 0, 5000), ErrorKind::Forbidden, "forbidden"));
}

TEST(RefundPolicyTest, AboveTheLimitNeedsFinanceOrAdministrator)
{
    auto definitions = builtInRoles();
    definitions.push_back(defineRole("cashier", "", { "payments.refund" }, false).value());
    const auto cashier = principalForUser(3, "dan", { "cashier" }, {}, definitions);
    EXPECT_TRUE(failsWith(checkRefundPolicy(cashier, 5001, 5000), ErrorKind::Forbidden, "approval_required", "amount"));
    EXPECT_TRUE(
        failsWith(checkRefundPolicy(cashier, -5001, 5000), ErrorKind::Forbidden, "approval_required", "amount"));
    EXPECT_NE(checkRefundPolicy(cashier, 5001, 5000).error().message.find("5000"), std::string::npos);
    EXPECT_TRUE(succeeds(checkRefundPolicy(cashier, 5000, 5000)));

    EXPECT_TRUE(succeeds(checkRefundPolicy(userWith({ "finance" }), 5001, 5000)));
    EXPECT_TRUE(succeeds(checkRefundPolicy(userWith({ "administrator" }), 1000000, 5000)));
    // The role name counts, not the permission set: an API key with payments.refund has no roles.
    Principal key;
    key.subject = "key:7";
    key.apiKey = true;
    key.permissions = { std::string(permission::kPaymentsRefund) };
    EXPECT_TRUE(failsWith(checkRefundPolicy(key, 5001, 5000), ErrorKind::Forbidden, "approval_required", "amount"));
    EXPECT_TRUE(succeeds(checkRefundPolicy(key, 5000, 5000)));
}

TEST(WarehouseScopeTest, RefusesWarehousesOutOfScope)
{
    const auto staff = userWith({ "warehouse_staff" }, { 3 });
    EXPECT_TRUE(failsWith(checkWarehouseScope(staff, 4, "to_warehouse_id"), ErrorKind::Forbidden,
        "warehouse_out_of_scope", "to_warehouse_id"));
    EXPECT_TRUE(failsWith(checkWarehouseScope(userWith({}), 3, "warehouse_id"), ErrorKind::Forbidden,
        "warehouse_out_of_scope", "warehouse_id"));
    EXPECT_TRUE(succeeds(checkWarehouseScope(staff, 3, "warehouse_id")));
    EXPECT_TRUE(succeeds(checkWarehouseScope(userWith({ "sales" }), 4, "warehouse_id")));
}

} // namespace
} // namespace tosserp::domain
