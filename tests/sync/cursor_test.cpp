#include "sync/cursor.h"

#include "sync/base64url.h"
#include "tests/domain/expect_error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <stdexcept>

namespace tosserp::sync {
namespace {

using domain::ErrorKind;
using domain::testing::failsWith;
using domain::testing::succeeds;
using nlohmann::json;

const std::string kServer = "5f0c2a4e-9b1d-4c3a-8e2f-0a1b2c3d4e5f";

/// The cursor text a server would make of `object`, consistent or not.
std::string raw(const json& object)
{
    return base64UrlEncode(object.dump());
}

json validSnapshot()
{
    return { { "v", 1 }, { "sid", kServer }, { "ph", "s" }, { "pos", 7 }, { "tb", "products" }, { "after", 42 } };
}

json validTail()
{
    return { { "v", 1 }, { "sid", kServer }, { "ph", "t" }, { "pos", 99 } };
}

void expectRefused(const std::string& text, const std::string& why)
{
    EXPECT_TRUE(failsWith(Cursor::decode(text), ErrorKind::Invalid, "invalid_cursor", "cursor")) << why;
}

TEST(CursorTest, DecodeRefusesTextThatIsNotBase64Url)
{
    expectRefused("", "empty");
    expectRefused("!!!!", "outside the alphabet");
    expectRefused("eyJ2IjoxfQ==", "padding is not canonical");
    expectRefused("eyJ2Ijox+Q", "'+' belongs to plain base64");
    expectRefused("abcde", "length 4n+1 cannot be base64");
    expectRefused(std::string(600, 'A'), "longer than any cursor");
}

TEST(CursorTest, DecodeRefusesBase64OfSomethingElseThanAJsonObject)
{
    expectRefused(base64UrlEncode("not json"), "bad JSON");
    expectRefused(base64UrlEncode("{\"v\":1,"), "truncated JSON");
    expectRefused(raw(json::array({ 1, 2 })), "an array");
    expectRefused(raw(json(7)), "a number");
    expectRefused(base64UrlEncode(std::string("{\"v\":1,\"sid\":\"\xff\"}")), "invalid UTF-8");
}

TEST(CursorTest, DecodeRefusesAFutureOrMissingVersion)
{
    auto future = validTail();
    future["v"] = 2;
    expectRefused(raw(future), "version 2");
    const auto result = Cursor::decode(raw(future));
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("version 2"), std::string::npos) << result.error().message;

    auto old = validTail();
    old["v"] = 0;
    expectRefused(raw(old), "version 0");
    auto missing = validTail();
    missing.erase("v");
    expectRefused(raw(missing), "no version");
    auto text = validTail();
    text["v"] = "1";
    expectRefused(raw(text), "version as text");
}

TEST(CursorTest, DecodeRefusesEveryInvariantViolation)
{
    const auto broken = [](const json& base, const char* key, const json& value) {
        auto object = base;
        object[key] = value;
        return raw(object);
    };
    const auto without = [](json object, const char* key) {
        object.erase(key);
        return raw(object);
    };

    expectRefused(broken(validTail(), "sid", ""), "empty server id");
    expectRefused(broken(validTail(), "sid", 12), "server id not a string");
    expectRefused(broken(validTail(), "sid", "a b"), "server id with a space");
    expectRefused(broken(validTail(), "sid", std::string(65, 'a')), "server id too long");
    expectRefused(without(validTail(), "sid"), "no server id");
    expectRefused(broken(validTail(), "pos", -1), "negative position");
    expectRefused(broken(validTail(), "pos", 1.5), "fractional position");
    expectRefused(broken(validTail(), "pos", "5"), "position as text");
    expectRefused(broken(validTail(), "pos", 18446744073709551615ULL), "position beyond int64");
    expectRefused(without(validTail(), "pos"), "no position");
    expectRefused(broken(validTail(), "ph", "x"), "unknown phase");
    expectRefused(without(validTail(), "ph"), "no phase");
    expectRefused(broken(validTail(), "tb", "products"), "tail with a table");
    expectRefused(broken(validTail(), "after", 0), "tail with a key");
    expectRefused(broken(validTail(), "extra", 1), "unknown member");

    expectRefused(broken(validSnapshot(), "tb", "users"), "snapshot of a table that is not synced");
    expectRefused(broken(validSnapshot(), "tb", ""), "snapshot with an empty table");
    expectRefused(without(validSnapshot(), "tb"), "snapshot without a table");
    expectRefused(broken(validSnapshot(), "after", -1), "negative key");
    expectRefused(without(validSnapshot(), "after"), "snapshot without a key");
    expectRefused(broken(validSnapshot(), "after", nullptr), "null key");
}

TEST(CursorTest, IsConsistentChecksEachInvariant)
{
    const Cursor good = Cursor::start(kServer, 10);
    ASSERT_TRUE(good.isConsistent());

    auto c = good;
    c.version = 2;
    EXPECT_FALSE(c.isConsistent());
    c = good;
    c.serverId.clear();
    EXPECT_FALSE(c.isConsistent());
    c = good;
    c.position = -1;
    EXPECT_FALSE(c.isConsistent());
    c = good;
    c.table = "users";
    EXPECT_FALSE(c.isConsistent());
    c = good;
    c.after = -5;
    EXPECT_FALSE(c.isConsistent());

    auto tail = Cursor::tail(kServer, 10);
    ASSERT_TRUE(tail.isConsistent());
    tail.table = "products";
    EXPECT_FALSE(tail.isConsistent());
    tail.table.clear();
    tail.after = 3;
    EXPECT_FALSE(tail.isConsistent());
}

TEST(CursorTest, EncodeOfAnInconsistentCursorIsAProgrammingError)
{
    Cursor cursor = Cursor::start("", 0);
    EXPECT_THROW((void)cursor.encode(), std::logic_error);
}

TEST(CursorTest, RoundTripsSnapshotAndTailCursors)
{
    Cursor snapshot = Cursor::start(kServer, 1234);
    snapshot.table = "stock_levels";
    snapshot.after = 9000000000LL;
    for (const Cursor& cursor : { Cursor::start(kServer, 0), snapshot, Cursor::tail(kServer, 0),
             Cursor::tail(kServer, 9223372036854775807LL) }) {
        const auto text = cursor.encode();
        EXPECT_EQ(text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos)
            << text;
        const auto decoded = Cursor::decode(text);
        ASSERT_TRUE(succeeds(decoded)) << text;
        EXPECT_EQ(decoded.value(), cursor);
        EXPECT_EQ(decoded.value().encode(), text);
    }
}

TEST(CursorTest, EncodesTheDocumentedCompactJson)
{
    Cursor snapshot = Cursor::start("s-1", 7);
    snapshot.table = "products";
    snapshot.after = 42;
    EXPECT_EQ(base64UrlDecode(snapshot.encode()).value(),
        R"({"v":1,"sid":"s-1","ph":"s","pos":7,"tb":"products","after":42})");
    EXPECT_EQ(base64UrlDecode(Cursor::tail("s-1", 99).encode()).value(), R"({"v":1,"sid":"s-1","ph":"t","pos":99})");
}

TEST(CursorTest, DecodeAcceptsMembersInAnyOrder)
{
    const auto decoded = Cursor::decode(base64UrlEncode(R"({"pos":99,"ph":"t","sid":"s-1","v":1})"));
    ASSERT_TRUE(succeeds(decoded));
    EXPECT_EQ(decoded.value(), Cursor::tail("s-1", 99));
}

TEST(CursorTest, SnapshotTablesComeInTheFixedOrder)
{
    EXPECT_EQ(snapshotTables(),
        (std::vector<std::string> {
            "categories", "warehouses", "locations", "products", "stock_levels", "reorder_points" }));
    EXPECT_EQ(nextSnapshotTable("categories"), "warehouses");
    EXPECT_EQ(nextSnapshotTable("products"), "stock_levels");
    EXPECT_EQ(nextSnapshotTable("stock_levels"), "reorder_points");
    EXPECT_EQ(nextSnapshotTable("reorder_points"), std::nullopt);
    EXPECT_EQ(nextSnapshotTable("users"), std::nullopt);
    EXPECT_TRUE(isSnapshotTable("locations"));
    EXPECT_FALSE(isSnapshotTable("Products"));
}

TEST(CursorTest, StartBeginsTheFirstTableAndEndsInTheTailAtTheSnapshotPosition)
{
    Cursor cursor = Cursor::start(kServer, 500);
    EXPECT_EQ(cursor.phase, Phase::Snapshot);
    EXPECT_EQ(cursor.table, "categories");
    EXPECT_EQ(cursor.after, 0);

    std::vector<std::string> visited { cursor.table };
    cursor.after = 77;
    while (cursor.phase == Phase::Snapshot) {
        cursor = cursor.afterTable();
        ASSERT_TRUE(cursor.isConsistent());
        if (cursor.phase == Phase::Snapshot) {
            EXPECT_EQ(cursor.after, 0) << "each table starts before its first key";
            visited.push_back(cursor.table);
        }
    }
    EXPECT_EQ(visited, snapshotTables());
    EXPECT_EQ(cursor, Cursor::tail(kServer, 500));
    EXPECT_EQ(cursor.afterTable(), cursor);
}

TEST(CursorTest, PhaseNames)
{
    EXPECT_EQ(phaseName(Phase::Snapshot), "snapshot");
    EXPECT_EQ(phaseName(Phase::Tail), "tail");
    EXPECT_EQ(parsePhase("tail"), Phase::Tail);
    EXPECT_EQ(parsePhase("s"), std::nullopt);
}

} // namespace
} // namespace tosserp::sync
