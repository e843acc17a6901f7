// Sign-in, access and refresh tokens: their shape, rotation, reuse detection, revocation, and
// every way a forged or stale token is refused.
#include "test_server.h"

#include "server/security/jwt.h"

#include <gtest/gtest.h>

using nlohmann::json;
using tosserp::security::base64UrlDecode;
using tosserp::security::base64UrlEncode;
using tosserp::test::Reply;
using tosserp::test::TestServer;

namespace {

const std::map<std::string, std::string> kAnonymous = { { TestServer::kNoAuth, "1" } };

Reply login(TestServer& server, const std::string& user, const std::string& password)
{
    return server.post("/api/v1/auth/login", { { "username", user }, { "password", password } }, kAnonymous);
}

json part(const std::string& token, int index)
{
    std::size_t start = 0;
    for (int i = 0; i < index; ++i) {
        start = token.find('.', start) + 1;
    }
    const auto end = token.find('.', start);
    return json::parse(*base64UrlDecode(token.substr(start, end - start)));
}

std::map<std::string, std::string> bearer(const std::string& token)
{
    return { { "Authorization", "Bearer " + token } };
}

std::int64_t now()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

TEST(Auth, WrongPasswordAndUnknownUserGetTheSameAnswer)
{
    TestServer server;
    const auto wrong = login(server, "admin", "not the password at all");
    const auto unknown = login(server, "nobody-here", "not the password at all");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.code(), "invalid_credentials");
    EXPECT_EQ(unknown.code(), "invalid_credentials");
    EXPECT_EQ(wrong.json()["detail"], unknown.json()["detail"]);
}

TEST(Auth, LoginAnswersWithOAuthTokenResponseAndAStrictJwt)
{
    TestServer server;
    const auto reply = login(server, "admin", TestServer::kAdminPassword);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("cache-control"), "no-store");
    const auto body = reply.json();
    EXPECT_EQ(body["token_type"], "Bearer");
    EXPECT_LE(body["expires_in"].get<int>(), 900);
    EXPECT_GE(body["refresh_token"].get<std::string>().size(), 40u);
    const auto token = body["access_token"].get<std::string>();
    const auto header = part(token, 0);
    EXPECT_EQ(header["alg"], "RS256");
    EXPECT_EQ(header["typ"], "JWT");
    const auto claims = part(token, 1);
    for (const auto* name : { "iss", "aud", "sub", "exp", "nbf", "iat", "roles", "perms", "wh" }) {
        EXPECT_TRUE(claims.contains(name)) << name;
    }
    EXPECT_TRUE(claims["iat"].is_number_integer());
    EXPECT_EQ(claims["exp"].get<std::int64_t>() - claims["iat"].get<std::int64_t>(), body["expires_in"]);
    EXPECT_EQ(claims["roles"], json({ "administrator" }));
    EXPECT_EQ(server.request("GET", "/api/v1/me", {}, bearer(token)).json()["name"], "admin");
}

TEST(Auth, ForgedTokensAreRefused)
{
    TestServer server;
    const auto good = server.adminToken();
    const auto claims = part(good, 1);
    const auto payload = base64UrlEncode(claims.dump());
    auto refused = [&](const std::string& token, const std::string& why) {
        const auto reply = server.request("GET", "/api/v1/products", {}, bearer(token));
        EXPECT_EQ(reply.status, 401) << why;
        EXPECT_EQ(reply.code(), "invalid_token") << why;
        EXPECT_NE(reply.header("www-authenticate").find("invalid_token"), std::string::npos) << why;
    };
    refused(base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".", "alg none");
    refused(base64UrlEncode(R"({"alg":"none","typ":"JWT"})") + "." + payload, "alg none without signature part");
    const auto signature = good.substr(good.rfind('.') + 1);
    refused(base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})") + "." + payload + "." + signature, "changed algorithm");
    refused(base64UrlEncode(R"({"alg":"RS256","typ":"JWT","jku":"https://evil.example/keys"})") + "." + payload + "."
            + signature,
        "key from the header");
    auto changedClaims = claims;
    changedClaims["roles"] = json({ "administrator", "root" });
    refused(good.substr(0, good.find('.')) + "." + base64UrlEncode(changedClaims.dump()) + "." + signature,
        "claims changed after signing");
    refused("not-a-token", "garbage");
    refused(good + "x", "trailing bytes");

    auto& auth = server.runtime().auth();
    const json base
        = { { "sub", "user:1" }, { "uid", 1 }, { "name", "admin" }, { "sid", "s" }, { "perms", { "catalog.read" } } };
    refused(auth.codec().issue(base, now() - 7200, 900), "expired");
    refused(auth.codec().issue(base, now() + 3600, 900), "not yet valid");
    const auto strangerKey = tosserp::security::SigningKey::generate();
    tosserp::security::JwtCodec stranger(strangerKey, "tosserp", "tosserp-api");
    refused(stranger.issue(base, now(), 900), "signed by another key");
}

TEST(Auth, WrongAudienceOrIssuerIsRefused)
{
    TestServer server;
    // Same key, different audience or issuer: only the claims differ.
    const auto keyFile = (server.dataDir() / "keys" / "token-signing.pem").string();
    const auto key = tosserp::security::SigningKey::loadOrCreate(keyFile);
    const json base
        = { { "sub", "user:1" }, { "uid", 1 }, { "name", "admin" }, { "sid", "s" }, { "perms", { "catalog.read" } } };
    for (const auto& [issuer, audience] :
        { std::pair { "tosserp", "another-api" }, std::pair { "someone-else", "tosserp-api" } }) {
        tosserp::security::JwtCodec codec(key, issuer, audience);
        const auto reply = server.request("GET", "/api/v1/products", {}, bearer(codec.issue(base, now(), 900)));
        EXPECT_EQ(reply.status, 401) << issuer << " " << audience;
    }
    tosserp::security::JwtCodec right(key, "tosserp", "tosserp-api");
    EXPECT_EQ(server.request("GET", "/api/v1/products", {}, bearer(right.issue(base, now(), 900))).status, 200);
}

TEST(Auth, RefreshRotatesAndAReusedTokenEndsTheWholeSession)
{
    TestServer server;
    const auto first = login(server, "admin", TestServer::kAdminPassword).json();
    const auto refresh1 = first["refresh_token"].get<std::string>();
    const auto rotated = server.post("/api/v1/auth/refresh", { { "refresh_token", refresh1 } }, kAnonymous);
    ASSERT_EQ(rotated.status, 200) << rotated.body;
    const auto refresh2 = rotated.json()["refresh_token"].get<std::string>();
    const auto access2 = rotated.json()["access_token"].get<std::string>();
    EXPECT_NE(refresh1, refresh2);
    EXPECT_EQ(server.request("GET", "/api/v1/me", {}, bearer(access2)).status, 200);
    // Someone replays the first token: the family is revoked, the newer tokens die with it.
    const auto replay = server.post("/api/v1/auth/refresh", { { "refresh_token", refresh1 } }, kAnonymous);
    EXPECT_EQ(replay.status, 401);
    EXPECT_EQ(replay.code(), "refresh_token_reused");
    EXPECT_EQ(
        server.post("/api/v1/auth/refresh", { { "refresh_token", refresh2 } }, kAnonymous).code(), "invalid_grant");
    EXPECT_EQ(server.request("GET", "/api/v1/me", {}, bearer(access2)).status, 401);
    // Other sessions of the same user are untouched.
    EXPECT_EQ(server.get("/api/v1/me").status, 200);
    const auto events = server.get("/api/v1/events?domain=users&type=RefreshTokenReused").json()["items"];
    EXPECT_EQ(events.size(), 1u);
}

TEST(Auth, LogoutRevokesAtOnce)
{
    TestServer server;
    const auto session = login(server, "admin", TestServer::kAdminPassword).json();
    const auto access = session["access_token"].get<std::string>();
    ASSERT_EQ(server.request("GET", "/api/v1/me", {}, bearer(access)).status, 200); // now cached
    EXPECT_EQ(
        server.post("/api/v1/auth/logout", { { "refresh_token", session["refresh_token"] } }, kAnonymous).status, 204);
    EXPECT_EQ(server.request("GET", "/api/v1/me", {}, bearer(access)).status, 401);
    EXPECT_EQ(
        server.post("/api/v1/auth/refresh", { { "refresh_token", session["refresh_token"] } }, kAnonymous).status, 401);
    EXPECT_EQ(server.post("/api/v1/auth/logout", { { "refresh_token", "unknown" } }, kAnonymous).status, 204);
}

TEST(Auth, TenFailuresLockTheAccountWithoutRevealingItToGuessers)
{
    TestServer server;
    server.makeUser("clerk", { "sales" });
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(login(server, "clerk", "wrong password " + std::to_string(i)).code(), "invalid_credentials");
    }
    // Still the same answer to a guesser...
    EXPECT_EQ(login(server, "clerk", "another wrong guess").code(), "invalid_credentials");
    // ...but the owner with the right password learns why and when to come back.
    const auto locked = login(server, "clerk", TestServer::kUserPassword);
    EXPECT_EQ(locked.status, 403);
    EXPECT_EQ(locked.code(), "account_locked");
    EXPECT_FALSE(locked.header("retry-after").empty());
    const auto events = server.get("/api/v1/events?domain=users&type=AccountLocked").json()["items"];
    EXPECT_EQ(events.size(), 1u);
    // An administrator lifts the lock.
    const auto id = server.get("/api/v1/users").json()["items"][1]["id"].get<std::int64_t>();
    EXPECT_EQ(server.request("POST", "/api/v1/users/" + std::to_string(id) + "/unlock").status, 204);
    EXPECT_EQ(login(server, "clerk", TestServer::kUserPassword).status, 200);
}

TEST(Auth, OneAddressGuessingManyAccountsIsSlowedDown)
{
    TestServer server;
    int refused = 0;
    for (int i = 0; i < 40 && refused == 0; ++i) {
        const auto reply = login(server, "user" + std::to_string(i), "guess number " + std::to_string(i));
        if (reply.status == 429) {
            EXPECT_EQ(reply.code(), "too_many_attempts");
            EXPECT_FALSE(reply.header("retry-after").empty());
            ++refused;
        }
    }
    EXPECT_EQ(refused, 1);
}

TEST(Auth, DisablingAUserEndsTheirSessions)
{
    TestServer server;
    const auto id = server.makeUser("temp", { "sales" });
    const auto token = server.login("temp", TestServer::kUserPassword);
    ASSERT_EQ(server.request("GET", "/api/v1/me", {}, bearer(token)).status, 200);
    ASSERT_EQ(server.patch("/api/v1/users/" + std::to_string(id), { { "active", false } }).status, 200);
    EXPECT_EQ(server.request("GET", "/api/v1/me", {}, bearer(token)).status, 401);
    const auto again = login(server, "temp", TestServer::kUserPassword);
    EXPECT_EQ(again.status, 403);
    EXPECT_EQ(again.code(), "account_disabled");
}

TEST(Auth, BadSignInInputIsRefusedClearly)
{
    TestServer server;
    auto code = [&](const std::string& body) {
        return server.request("POST", "/api/v1/auth/login", body, kAnonymous).code();
    };
    EXPECT_EQ(code(json { { "username", std::string(300, 'a') }, { "password", "x" } }.dump()), "invalid_request");
    EXPECT_EQ(code(json { { "username", "admin" }, { "password", std::string(2000, 'p') } }.dump()), "invalid_request");
    EXPECT_EQ(code(R"({"username":"admin","username":"root","password":"x"})"), "duplicate_key");
    EXPECT_EQ(code("{\"username\":\"adm\xff\",\"password\":\"x\"}"), "malformed_json");
    EXPECT_EQ(code(R"({"username":["admin"],"password":"x"})"), "invalid_request");
    EXPECT_EQ(code(R"({"username":"admin' OR '1'='1","password":"' OR ''='"})"), "invalid_credentials");
    EXPECT_EQ(code(R"({"username":"admin","password":"x","remember":true})"), "invalid_request");
}
