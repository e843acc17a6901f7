// Deny by default, checked route by route: every route the server has is called with every
// built-in role, without credentials, with an expired token and with a tampered token, and
// the answer is compared with tests/server/authorization_matrix.json.
#include "test_server.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

using nlohmann::json;
using tosserp::test::Reply;
using tosserp::test::TestServer;

namespace {

json loadMatrix()
{
    std::ifstream file(std::string(TOSSERP_SOURCE_DIR) + "/tests/server/authorization_matrix.json");
    return json::parse(file)["routes"];
}

const std::vector<std::string> kRoles
    = { "administrator", "catalog_manager", "warehouse_staff", "warehouse_manager", "sales", "finance", "auditor" };

std::string concretePath(std::string pattern)
{
    // Id 1 exists for some resources and not for others: either way the answer must not be
    // an authorization refusal for a caller who is allowed.
    for (auto at = pattern.find("{id}"); at != std::string::npos; at = pattern.find("{id}")) {
        pattern.replace(at, 4, "1");
    }
    return pattern;
}

Reply call(
    TestServer& server, const std::string& method, const std::string& path, std::map<std::string, std::string> headers)
{
    const bool hasBody = method == "POST" || method == "PUT" || method == "PATCH";
    return server.request(method, path, hasBody ? "{}" : "", headers);
}

bool refusedForPermission(const Reply& reply)
{
    return reply.status == 403 && reply.code() == "forbidden";
}

} // namespace

TEST(Authorization, MatrixNamesExactlyTheServersRoutes)
{
    TestServer server;
    const auto matrix = loadMatrix();
    std::set<std::string> routes;
    for (const auto& route : server.runtime().router().routes()) {
        const auto key = route.method + " " + route.pattern;
        routes.insert(key);
        EXPECT_TRUE(matrix.contains(key)) << "route missing from the authorization matrix: " << key;
    }
    for (const auto& [key, allowed] : matrix.items()) {
        (void)allowed;
        EXPECT_TRUE(routes.count(key)) << "the matrix names a route the server does not have: " << key;
    }
}

TEST(Authorization, EveryRouteAnswersEveryCallerAsTheMatrixSays)
{
    TestServer server;
    ASSERT_EQ(server.post("/api/v1/warehouses", { { "code", "MAIN" }, { "name", "Main" } }).status, 201);
    std::map<std::string, std::map<std::string, std::string>> callers;
    for (const auto& role : kRoles) {
        callers[role] = server.actingAs("as-" + role, { role }, { 1 });
    }
    auto& auth = server.runtime().auth();
    const auto now
        = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const auto expired = auth.codec().issue(
        { { "sub", "user:1" }, { "uid", 1 }, { "name", "admin" }, { "sid", "x" }, { "perms", json::array() } },
        now - 3600, 900);
    std::string tampered = server.adminToken();
    const auto dot = tampered.find('.');
    tampered[dot + 5] = tampered[dot + 5] == 'A' ? 'B' : 'A';

    int checked = 0;
    const auto matrix = loadMatrix();
    for (const auto& [key, allowed] : matrix.items()) {
        const auto space = key.find(' ');
        const auto method = key.substr(0, space);
        const auto path = concretePath(key.substr(space + 1));
        const bool isPublic = allowed == "public";
        const bool anyUser = allowed == "authenticated";
        // Sign-out with a fresh body each time must not end the sessions the test relies on.
        const auto anonymous = call(server, method, path, { { TestServer::kNoAuth, "1" } });
        if (isPublic) {
            EXPECT_NE(anonymous.status, 401) << key << " without credentials: " << anonymous.body;
        } else {
            EXPECT_EQ(anonymous.status, 401) << key << " without credentials";
            EXPECT_EQ(anonymous.code(), "unauthenticated") << key;
            EXPECT_FALSE(anonymous.header("www-authenticate").empty()) << key;
        }
        for (const auto& [label, token] : { std::pair { "expired", expired }, std::pair { "tampered", tampered } }) {
            const auto reply = call(server, method, path, { { "Authorization", "Bearer " + token } });
            if (isPublic) {
                // Public routes ignore stale credentials (a client refreshing with an expired token).
                EXPECT_NE(reply.status, 401) << key << " with an " << label << " token";
            } else {
                EXPECT_EQ(reply.status, 401) << key << " with an " << label << " token";
                EXPECT_EQ(reply.code(), "invalid_token") << key << " with an " << label << " token";
            }
        }
        for (const auto& role : kRoles) {
            const auto reply = call(server, method, path, callers[role]);
            bool may = isPublic || anyUser;
            if (allowed.is_array()) {
                for (const auto& name : allowed) {
                    may = may || name == role;
                }
            }
            EXPECT_NE(reply.status, 401) << key << " as " << role << ": " << reply.body;
            if (may) {
                EXPECT_FALSE(refusedForPermission(reply)) << key << " as " << role << " was refused: " << reply.body;
            } else {
                EXPECT_TRUE(refusedForPermission(reply)) << key << " as " << role << " was let in: " << reply.status;
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 300);
}

TEST(Authorization, ApiKeysCarryOnlyTheirPermissions)
{
    TestServer server;
    const auto created
        = server.post("/api/v1/api-keys", { { "name", "Scanner" }, { "permissions", { "catalog.read" } } });
    ASSERT_EQ(created.status, 201) << created.body;
    const auto key = created.json()["key"].get<std::string>();
    EXPECT_EQ(server.request("GET", "/api/v1/products", {}, { { "X-API-Key", key } }).status, 200);
    EXPECT_EQ(server.request("GET", "/api/v1/products", {}, { { "Authorization", "ApiKey " + key } }).status, 200);
    const auto write = server.request("POST", "/api/v1/categories", R"({"name":"X"})", { { "X-API-Key", key } });
    EXPECT_EQ(write.status, 403);
    // The secret is shown once: the list never has it.
    const auto list = server.get("/api/v1/api-keys").body;
    EXPECT_EQ(list.find(key.substr(21)), std::string::npos);
    EXPECT_NE(list.find("last_used_at"), std::string::npos);
    // A wrong secret with the right prefix, and a revoked key, are refused.
    auto wrong = key;
    wrong.back() = wrong.back() == 'a' ? 'b' : 'a';
    EXPECT_EQ(server.request("GET", "/api/v1/products", {}, { { "X-API-Key", wrong } }).code(), "invalid_api_key");
    ASSERT_EQ(server.del("/api/v1/api-keys/" + std::to_string(created.json()["id"].get<int>())).status, 204);
    EXPECT_EQ(server.request("GET", "/api/v1/products", {}, { { "X-API-Key", key } }).code(), "invalid_api_key");
    // Nobody hands out what they do not hold.
    const auto staff = server.actingAs("staff", { "warehouse_staff" });
    EXPECT_EQ(
        server.post("/api/v1/api-keys", { { "name", "Mine" }, { "permissions", { "users.manage" } } }, staff).status,
        403);
}

TEST(Authorization, NobodyGrantsMoreThanTheyHold)
{
    TestServer server;
    server.post("/api/v1/roles", { { "name", "user_admin" }, { "permissions", { "users.read", "users.manage" } } });
    const auto userAdmin = server.actingAs("useradmin", { "user_admin" });
    const auto escalate = server.post("/api/v1/users",
        { { "username", "mallory" }, { "password", TestServer::kUserPassword }, { "roles", { "administrator" } } },
        userAdmin);
    EXPECT_EQ(escalate.status, 403);
    EXPECT_EQ(escalate.code(), "privilege_escalation");
    const auto modest = server.post("/api/v1/users",
        { { "username", "bob" }, { "password", TestServer::kUserPassword }, { "roles", json::array() } }, userAdmin);
    EXPECT_EQ(modest.status, 201) << modest.body;
}

TEST(Authorization, AUserManagerCannotTakeOverAnAdministrator)
{
    TestServer server;
    server.post("/api/v1/roles", { { "name", "user_admin" }, { "permissions", { "users.read", "users.manage" } } });
    const auto userAdmin = server.actingAs("useradmin", { "user_admin" });
    const auto reset = server.post("/api/v1/users/1/password", { { "password", "taken over at last" } }, userAdmin);
    EXPECT_EQ(reset.status, 403);
    EXPECT_EQ(reset.code(), "privilege_escalation");
    EXPECT_EQ(server.patch("/api/v1/users/1", { { "active", false } }, userAdmin).code(), "privilege_escalation");
    EXPECT_EQ(server.request("POST", "/api/v1/users/1/unlock", {}, userAdmin).code(), "privilege_escalation");
    EXPECT_FALSE(server.login("admin", TestServer::kAdminPassword).empty());
    // A peer with no more rights than the manager is fair game.
    const auto clerk = server.makeUser("clerk", { "sales" });
    (void)clerk;
    const auto peer = server.makeUser("peer", {});
    EXPECT_EQ(server
                  .post("/api/v1/users/" + std::to_string(peer) + "/password", { { "password", "a reset passphrase" } },
                      userAdmin)
                  .status,
        204);
}
