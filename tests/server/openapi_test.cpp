// The OpenAPI document is true: it lists exactly the server's routes, and every request
// example in it is accepted by a fresh server.
#include "test_server.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

using nlohmann::json;
using tosserp::test::TestServer;

namespace {

std::set<std::pair<std::string, std::string>> documentedOperations(const json& document)
{
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& [path, operations] : document["paths"].items()) {
        for (const auto& [method, operation] : operations.items()) {
            (void)operation;
            std::string upper = method;
            for (auto& c : upper) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            out.emplace(upper, path);
        }
    }
    return out;
}

} // namespace

TEST(OpenApi, ServedDocumentIsTheSourceDocument)
{
    TestServer server;
    const auto served = server.get("/api/openapi.json");
    ASSERT_EQ(served.status, 200);
    std::ifstream file(std::string(TOSSERP_SOURCE_DIR) + "/server/openapi/openapi.json");
    ASSERT_TRUE(file.good());
    EXPECT_EQ(served.json(), json::parse(file));
    EXPECT_EQ(served.json()["openapi"].get<std::string>().substr(0, 2), "3.");
}

TEST(OpenApi, DocumentsExactlyTheRoutesTheServerHas)
{
    TestServer server;
    const auto document = server.get("/api/openapi.json").json();
    std::set<std::pair<std::string, std::string>> routes;
    for (const auto& route : server.runtime().router().routes()) {
        routes.emplace(route.method, route.pattern);
    }
    const auto documented = documentedOperations(document);
    for (const auto& route : routes) {
        EXPECT_TRUE(documented.count(route)) << "undocumented route " << route.first << " " << route.second;
    }
    for (const auto& op : documented) {
        EXPECT_TRUE(routes.count(op)) << "documented but not served " << op.first << " " << op.second;
    }
    for (const auto& [path, operations] : document["paths"].items()) {
        for (const auto& [method, operation] : operations.items()) {
            EXPECT_TRUE(operation.contains("operationId")) << method << " " << path;
            EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
            if (method == "post" || method == "put" || method == "patch") {
                const bool bodyless = path.find("/release") != std::string::npos
                    || path.find("/unlock") != std::string::npos || path.find("/place") != std::string::npos
                    || path.find("/ship") != std::string::npos;
                EXPECT_EQ(operation.contains("requestBody"), !bodyless) << method << " " << path;
            }
        }
    }
}

TEST(OpenApi, EachOperationNamesThePermissionItsRouteDemands)
{
    // The gateway of a split deployment checks permissions from the document: it must say what
    // the routes demand.
    TestServer server;
    const auto document = server.get("/api/openapi.json").json();
    for (const auto& route : server.runtime().router().routes()) {
        std::string method = route.method;
        for (auto& c : method) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        const auto& operation = document["paths"][route.pattern][method];
        const bool open = operation.contains("security") && operation["security"].empty();
        const auto documented
            = open ? std::string("public") : operation.value("x-permission", std::string("authenticated"));
        EXPECT_EQ(documented, route.permission) << route.method << " " << route.pattern;
    }
}

TEST(OpenApi, EveryRequestExampleIsAcceptedByAFreshServer)
{
    TestServer server;
    const auto document = server.get("/api/openapi.json").json();
    // Dependency order: each example refers to what the ones before it created (category 1,
    // product 1, warehouse 1 with its STOCK location 5, location 6, reservation 1, customer 1,
    // order 1 cancelled as a draft, order 2 placed, paid by the saga and shipped, payment 1).
    const std::vector<std::tuple<std::string, std::string, std::string>> order = {
        { "post", "/api/v1/categories", "" },
        { "patch", "/api/v1/categories/{id}", "1" },
        { "post", "/api/v1/products", "" },
        { "patch", "/api/v1/products/{id}", "1" },
        { "post", "/api/v1/warehouses", "" },
        { "patch", "/api/v1/warehouses/{id}", "1" },
        { "post", "/api/v1/locations", "" },
        { "patch", "/api/v1/locations/{id}", "6" },
        { "post", "/api/v1/stock/movements", "" },
        { "put", "/api/v1/stock/reorder-points", "" },
        { "post", "/api/v1/stock/reservations", "" },
        { "post", "/api/v1/stock/reservations/{id}/release", "1" },
        { "post", "/api/v1/customers", "" },
        { "post", "/api/v1/orders", "" },
        { "post", "/api/v1/orders/{id}/cancel", "1" },
        { "post", "/api/v1/orders/{id}/place", "2" },
        { "post", "/api/v1/orders/{id}/ship", "2" },
        { "post", "/api/v1/payments/{id}/refund", "1" },
        { "post", "/api/v1/sync/push", "" },
        { "post", "/api/v1/auth/login", "" },
        { "post", "/api/v1/auth/refresh", "" },
        { "post", "/api/v1/auth/logout", "" },
        { "post", "/api/v1/roles", "" },
        { "post", "/api/v1/users", "" },
        { "patch", "/api/v1/users/{id}", "2" },
        { "post", "/api/v1/users/{id}/password", "2" },
        { "post", "/api/v1/users/{id}/unlock", "2" },
        { "post", "/api/v1/api-keys", "" },
        { "delete", "/api/v1/api-keys/{id}", "1" },
        { "patch", "/api/v1/me", "" },
        { "post", "/api/v1/me/password", "" },
    };
    // Secrets an example cannot know: the test's own password and a live refresh token.
    auto refreshToken = [&] {
        return server
            .post("/api/v1/auth/login", { { "username", "admin" }, { "password", TestServer::kAdminPassword } },
                { { TestServer::kNoAuth, "1" } })
            .json()["refresh_token"];
    };
    std::size_t withExamples = 0;
    for (const auto& [method, path, id] : order) {
        const auto& operation = document["paths"][path][method];
        ASSERT_FALSE(operation.is_null()) << method << " " << path;
        std::string body;
        if (path.rfind("/api/v1/orders", 0) == 0 || path.rfind("/api/v1/payments", 0) == 0) {
            // Orders price lines from their copy of the catalog and the saga runs on events:
            // let them catch up first.
            ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(20)));
        }
        if (path == "/api/v1/orders/{id}/place") {
            // Order 1 was cancelled as a draft; place a second one made from the same example.
            const auto example
                = document["paths"]["/api/v1/orders"]["post"]["requestBody"]["content"]["application/json"]["example"];
            ASSERT_EQ(server.post("/api/v1/orders", example).status, 201);
        }
        if (operation.contains("requestBody")) {
            auto example = operation["requestBody"]["content"]["application/json"]["example"];
            ASSERT_FALSE(example.is_null()) << "no example for " << method << " " << path;
            if (path == "/api/v1/auth/login") {
                example["password"] = TestServer::kAdminPassword;
            } else if (path == "/api/v1/auth/refresh" || path == "/api/v1/auth/logout") {
                example["refresh_token"] = refreshToken();
            } else if (path == "/api/v1/me/password") {
                example["current_password"] = TestServer::kAdminPassword;
            }
            body = example.dump();
            ++withExamples;
        }
        std::string target = path;
        if (const auto at = target.find("{id}"); at != std::string::npos) {
            target.replace(at, 4, id);
        }
        std::string upper = method;
        for (auto& c : upper) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        const auto reply = server.request(upper, target, body);
        EXPECT_GE(reply.status, 200) << upper << " " << target << " → " << reply.body;
        EXPECT_LT(reply.status, 300) << upper << " " << target << " → " << reply.body;
    }
    // Every operation that takes a body was exercised above.
    std::size_t bodies = 0;
    for (const auto& [path, operations] : document["paths"].items()) {
        for (const auto& [method, operation] : operations.items()) {
            bodies += operation.contains("requestBody") ? 1 : 0;
        }
    }
    EXPECT_EQ(withExamples, bodies);
}
