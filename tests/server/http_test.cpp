// The HTTP front door: routing, problem+json, body limits and request parsing.
#include "server/http/server.h"
#include "test_server.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/String.h>

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>

using tosserp::test::TestServer;

namespace {

const std::string kProduct = R"({"sku":"A-1","name":"Tea","price":{"amount":"1.50","currency":"EUR"}})";

} // namespace

TEST(Http, AHeaderARouteNamesTwiceIsSentTwiceAndReplacesTheServersOwn)
{
    tosserp::http::Router router;
    router.add("GET", "/twice", tosserp::http::access::kPublic, [](tosserp::http::Request&) {
        return tosserp::http::Response::json(200, { { "ok", true } })
            .withHeader("Link", "</a>; rel=\"next\"")
            .withHeader("link", "</b>; rel=\"last\"")
            .withHeader("X-Request-Id", "from-the-route");
    });
    tosserp::http::HttpServerOptions options;
    options.port = 0;
    options.accessLog = false;
    tosserp::http::HttpServer server(router, nullptr, options);
    server.start();
    Poco::Net::HTTPClientSession session("127.0.0.1", server.port());
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/twice", Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& body = session.receiveResponse(response);
    std::string ignored((std::istreambuf_iterator<char>(body)), std::istreambuf_iterator<char>());
    std::vector<std::string> links;
    std::vector<std::string> ids;
    for (const auto& [name, value] : response) {
        if (Poco::icompare(name, "Link") == 0) {
            links.push_back(value);
        } else if (Poco::icompare(name, "X-Request-Id") == 0) {
            ids.push_back(value);
        }
    }
    EXPECT_EQ(links, (std::vector<std::string> { "</a>; rel=\"next\"", "</b>; rel=\"last\"" }));
    EXPECT_EQ(ids, std::vector<std::string> { "from-the-route" });
    server.stop();
}

TEST(Http, UnknownPathIs404ProblemJson)
{
    TestServer server;
    const auto reply = server.get("/api/v1/nothing-here");
    EXPECT_EQ(reply.status, 404);
    EXPECT_EQ(reply.header("content-type"), "application/problem+json");
    EXPECT_EQ(reply.code(), "not_found");
    EXPECT_EQ(reply.json()["status"], 404);
    EXPECT_FALSE(reply.json()["instance"].get<std::string>().empty());
}

TEST(Http, WrongMethodIs405WithAllow)
{
    TestServer server;
    const auto reply = server.request("PUT", "/api/v1/products");
    EXPECT_EQ(reply.status, 405);
    EXPECT_EQ(reply.code(), "method_not_allowed");
    EXPECT_NE(reply.header("allow").find("POST"), std::string::npos);
    EXPECT_NE(reply.header("allow").find("GET"), std::string::npos);
}

TEST(Http, MalformedJsonIs400AndChangesNothing)
{
    TestServer server;
    for (const std::string body : { "{", "{\"sku\": }", "[1,2", "nul", "{\"sku\":\"A\"}}", "\xff\xfe" }) {
        const auto reply = server.request("POST", "/api/v1/products", body);
        EXPECT_EQ(reply.status, 400) << body;
        EXPECT_EQ(reply.code(), "malformed_json") << body;
    }
    EXPECT_TRUE(server.get("/api/v1/products").json()["items"].empty());
}

TEST(Http, EmptyBodyIs400)
{
    TestServer server;
    const auto reply = server.request("POST", "/api/v1/products", "");
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.code(), "empty_body");
}

TEST(Http, InvalidUtf8InsideAStringIs400)
{
    TestServer server;
    const auto reply = server.request("POST", "/api/v1/products",
        "{\"sku\":\"A-1\",\"name\":\"Te\xc3\x28\",\"price\":{\"amount\":\"1\",\"currency\":\"EUR\"}}");
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.code(), "malformed_json");
}

TEST(Http, DuplicateKeysAreRefused)
{
    TestServer server;
    const auto reply = server.request("POST", "/api/v1/products",
        R"({"sku":"A-1","sku":"B-2","name":"Tea","price":{"amount":"1.50","currency":"EUR"}})");
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.code(), "duplicate_key");
    EXPECT_TRUE(server.get("/api/v1/products").json()["items"].empty());
}

TEST(Http, DeeplyNestedJsonIsRefused)
{
    TestServer server;
    const std::string body = std::string(200, '[') + std::string(200, ']');
    const auto reply = server.request("POST", "/api/v1/products", body);
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.code(), "json_too_deep");
}

TEST(Http, WrongContentTypeIs415)
{
    TestServer server;
    const auto reply = server.request("POST", "/api/v1/products", kProduct, { { "Content-Type", "text/plain" } });
    EXPECT_EQ(reply.status, 415);
    EXPECT_EQ(reply.code(), "unsupported_media_type");
}

TEST(Http, ContentTypeWithCharsetIsAccepted)
{
    TestServer server;
    const auto reply = server.request(
        "POST", "/api/v1/products", kProduct, { { "Content-Type", "application/json; charset=utf-8" } });
    EXPECT_EQ(reply.status, 201) << reply.body;
}

TEST(Http, OversizedBodyIs413AndChangesNothing)
{
    tosserp::ServerConfig config;
    config.maxBodyBytes = 4096;
    TestServer server(config);
    std::string body = R"({"sku":"A-1","name":"Tea","price":{"amount":"1.50","currency":"EUR"},"description":")";
    body += std::string(8000, 'x') + "\"}";
    const auto reply = server.request("POST", "/api/v1/products", body);
    EXPECT_EQ(reply.status, 413);
    EXPECT_EQ(reply.code(), "body_too_large");
    EXPECT_TRUE(server.get("/api/v1/products").json()["items"].empty());
}

TEST(Http, RequestIdIsEchoedOrMinted)
{
    TestServer server;
    const auto given = server.request("GET", "/health/live", {}, { { "X-Request-Id", "abc-123" } });
    EXPECT_EQ(given.header("x-request-id"), "abc-123");
    const auto minted = server.get("/health/live");
    EXPECT_EQ(minted.header("x-request-id").size(), 16u);
    // An id with characters a log line could be forged with is replaced, not echoed.
    const auto forged = server.request("GET", "/health/live", {}, { { "X-Request-Id", "a\"b" } });
    EXPECT_NE(forged.header("x-request-id"), "a\"b");
}

TEST(Http, HealthAndMetrics)
{
    TestServer server;
    const auto live = server.get("/health/live").json();
    EXPECT_EQ(live["status"], "ok");
    EXPECT_EQ(live["version"], TOSSERP_PROJECT_VERSION);
    EXPECT_EQ(live["protocol_version"], 1);
    const auto ready = server.get("/health/ready");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.json()["checks"]["stock_db"], "ok");
    server.get("/api/v1/products");
    const auto metrics = server.get("/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.header("content-type").find("text/plain"), std::string::npos);
    EXPECT_NE(
        metrics.body.find("tosserp_http_requests_total{method=\"GET\",route=\"/api/v1/products\",status=\"200\"}"),
        std::string::npos);
    EXPECT_NE(metrics.body.find("tosserp_http_request_duration_seconds_bucket"), std::string::npos);
    EXPECT_NE(metrics.body.find("tosserp_db_operation_duration_seconds"), std::string::npos);
}

TEST(Http, TrailingSlashIsNotTheSameResource)
{
    TestServer server;
    EXPECT_EQ(server.get("/api/v1/products/").status, 404);
}

TEST(Http, BadIdsInPathAre400)
{
    TestServer server;
    for (const auto* id : { "abc", "-1", "0", "1.5", "99999999999999999999999", "1%00" }) {
        const auto reply = server.get(std::string("/api/v1/products/") + id);
        EXPECT_EQ(reply.status, 400) << id;
        EXPECT_EQ(reply.code(), "invalid_id") << id;
    }
}

TEST(Http, BadPaginationParametersAre400)
{
    TestServer server;
    EXPECT_EQ(server.get("/api/v1/products?limit=0").code(), "invalid_limit");
    EXPECT_EQ(server.get("/api/v1/products?limit=501").code(), "invalid_limit");
    EXPECT_EQ(server.get("/api/v1/products?limit=x").code(), "invalid_limit");
    EXPECT_EQ(server.get("/api/v1/products?cursor=garbage!").code(), "invalid_cursor");
    EXPECT_EQ(server.get("/api/v1/products?active=maybe").code(), "invalid_query");
    EXPECT_EQ(server.get("/api/v1/products?category_id=-3").code(), "invalid_query");
}

TEST(Http, HugeHeadersAreRefused)
{
    TestServer server;
    // The server answers 400 and closes; a client still sending its headers may see the
    // connection reset before it reads the answer. Either way nothing is served.
    auto refused = [&](const std::map<std::string, std::string>& headers) {
        try {
            const auto reply = server.request("GET", "/api/v1/products", {}, headers);
            return reply.status >= 400 && reply.status < 500;
        } catch (const std::exception&) {
            return true;
        }
    };
    EXPECT_TRUE(refused({ { "X-Padding", std::string(100000, 'a') } }));
    std::map<std::string, std::string> many;
    for (int i = 0; i < 200; ++i) {
        many["X-Header-" + std::to_string(i)] = "value";
    }
    EXPECT_TRUE(refused(many));
    // The server is still there for the next caller.
    EXPECT_EQ(server.get("/health/live").status, 200);
}

TEST(Http, MetricsPassPromtoolAndShowHowFarEachConsumerIsBehind)
{
    TestServer server;
    const auto shelf = server.makeWarehouse("MAIN").second;
    server.receive(server.makeProduct("MX-1"), shelf, 3);
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(10)));
    tosserp::test::TempDir dir;
    const auto file = (dir.path() / "metrics.txt").string();
    std::string body;
    // Every consumer reports its lag, and once it has caught up the lag is 0.
    const std::vector<std::string> consumers = { "orders.stock", "orders.payments", "stock.orders", "payments.orders",
        "notify.stock", "notify.orders", "notify.payments" };
    for (int attempt = 0; attempt < 50; ++attempt) {
        body = server.get("/metrics").body;
        bool caughtUp = true;
        for (const auto& consumer : consumers) {
            caughtUp = caughtUp
                && body.find("tosserp_consumer_lag_events{consumer=\"" + consumer + "\"} 0\n") != std::string::npos;
        }
        // The relay sets its lag again just after a publish, which the consumers may beat.
        for (const auto* domain : { "stock", "users", "orders", "payments" }) {
            caughtUp = caughtUp
                && (server.runtime().config().natsUrl.empty()
                    || body.find("tosserp_relay_lag_events{domain=\"" + std::string(domain) + "\"} 0\n")
                        != std::string::npos);
        }
        if (caughtUp) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (const auto& consumer : consumers) {
        EXPECT_NE(body.find("tosserp_consumer_lag_events{consumer=\"" + consumer + "\"} 0\n"), std::string::npos)
            << consumer;
    }
    if (!server.runtime().config().natsUrl.empty()) {
        // Through JetStream the relay reports too, per domain, and has published everything.
        for (const auto* domain : { "stock", "users", "orders", "payments" }) {
            EXPECT_NE(
                body.find("tosserp_relay_lag_events{domain=\"" + std::string(domain) + "\"} 0\n"), std::string::npos)
                << domain << "\n"
                << body;
        }
    }
    std::ofstream(file) << body;
    // Prometheus's own checker accepts the exposition as it is.
    const auto status = std::system(("promtool check metrics < " + file + " > " + file + ".out 2>&1").c_str());
    std::ifstream out(file + ".out");
    const std::string said((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
    EXPECT_EQ(WEXITSTATUS(status), 0) << said;
}

TEST(Http, TheCallersTraceIsContinuedAndAMalformedOneStartsAFreshTrace)
{
    TestServer server;
    const std::string trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    const auto answer = [&](const std::string& traceparent) {
        std::map<std::string, std::string> headers;
        if (!traceparent.empty()) {
            headers["traceparent"] = traceparent;
        }
        const auto reply = server.request("GET", "/health/live", {}, headers);
        EXPECT_EQ(reply.status, 200);
        return reply.header("traceresponse");
    };
    const auto isFresh = [&](const std::string& response) {
        return response.size() == 55 && response.substr(0, 3) == "00-" && response.substr(3, 32) != trace
            && response.substr(3, 32).find_first_not_of("0123456789abcdef") == std::string::npos;
    };
    const auto continued = answer("00-" + trace + "-00f067aa0ba902b7-01");
    EXPECT_EQ(continued.substr(0, 36), "00-" + trace + "-");
    EXPECT_NE(continued.substr(36, 16), "00f067aa0ba902b7"); // a span of its own
    EXPECT_EQ(continued.substr(52), "-01");
    // A later version with more fields is read for its first four.
    EXPECT_EQ(answer("01-" + trace + "-00f067aa0ba902b7-00-later").substr(0, 36), "00-" + trace + "-");
    for (const auto& bad : std::vector<std::string> { "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
             "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "00-" + trace + "-0000000000000000-01",
             "ff-" + trace + "-00f067aa0ba902b7-01", "00-" + trace + "-00f067aa0ba902b7-01-extra",
             "00-" + trace + "-00f067aa0ba902b7", "zz-" + trace + "-00f067aa0ba902b7-01", "garbage" }) {
        EXPECT_TRUE(isFresh(answer(bad))) << bad;
    }
    const auto first = answer("");
    const auto second = answer("");
    EXPECT_TRUE(isFresh(first)) << first;
    EXPECT_NE(first.substr(3, 32), second.substr(3, 32)) << "each request without a trace starts its own";
}
