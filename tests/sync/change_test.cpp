#include "sync/change.h"

#include "tests/domain/expect_error.h"

#include <gtest/gtest.h>

namespace tosserp::sync {
namespace {

using domain::ErrorKind;
using domain::testing::failsWith;
using domain::testing::succeeds;
using nlohmann::json;

json upsert()
{
    return json::parse(R"({"table": "products", "op": "upsert", "key": "42",
                           "row": {"id": 42, "sku": "TEA-001", "name": "Green tea", "version": 3}})");
}

json page()
{
    return json::parse(R"({"protocol": 1, "server_id": "srv-1",
        "changes": [
          {"table": "products", "op": "upsert", "key": "42", "row": {"id": 42, "version": 3}},
          {"table": "products", "op": "delete", "key": "43"},
          {"table": "stock_levels", "op": "upsert", "key": "42:7",
           "row": {"product_id": 42, "location_id": 7, "warehouse_id": 1, "quantity": 2.5, "unit": "kg"}}],
        "next_cursor": "eyJ2IjoxfQ", "has_more": true, "phase": "snapshot", "position": 1234})");
}

json with(json object, const char* key, const json& value)
{
    object[key] = value;
    return object;
}

json without(json object, const char* key)
{
    object.erase(key);
    return object;
}

TEST(ChangeTest, RefusesMissingOrWrongTypedMembers)
{
    EXPECT_TRUE(failsWith(changeFromJson(json::array()), ErrorKind::Invalid, "invalid_change"));
    EXPECT_TRUE(failsWith(changeFromJson(without(upsert(), "table")), ErrorKind::Invalid, "invalid_change", "table"));
    EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "table", 3)), ErrorKind::Invalid, "invalid_change", "table"));
    EXPECT_TRUE(failsWith(changeFromJson(without(upsert(), "op")), ErrorKind::Invalid, "invalid_change", "op"));
    EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "op", "insert")), ErrorKind::Invalid, "invalid_change", "op"));
    EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "op", true)), ErrorKind::Invalid, "invalid_change", "op"));
    EXPECT_TRUE(failsWith(changeFromJson(without(upsert(), "key")), ErrorKind::Invalid, "invalid_change", "key"));
    EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "key", "")), ErrorKind::Invalid, "invalid_change", "key"));
    EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "key", 42)), ErrorKind::Invalid, "invalid_change", "key"));
    EXPECT_TRUE(failsWith(changeFromJson(without(upsert(), "row")), ErrorKind::Invalid, "invalid_change", "row"));
    EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "row", nullptr)), ErrorKind::Invalid, "invalid_change", "row"));
    EXPECT_TRUE(
        failsWith(changeFromJson(with(upsert(), "row", json::array())), ErrorKind::Invalid, "invalid_change", "row"));
    EXPECT_TRUE(failsWith(changeFromJson(with(with(upsert(), "op", "delete"), "row", json::object())),
        ErrorKind::Invalid, "invalid_change", "row"))
        << "a delete carries no row";
}

TEST(ChangeTest, RefusesAnUnknownTable)
{
    EXPECT_TRUE(
        failsWith(changeFromJson(with(upsert(), "table", "users")), ErrorKind::Invalid, "unknown_table", "table"));
    EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "table", "")), ErrorKind::Invalid, "invalid_change", "table"));
}

TEST(ChangeTest, RefusesKeysThatAreNotKeysOfTheTable)
{
    for (const char* key : { "abc", "0", "-1", "042", "+4", "1:2", "4 ", "99999999999999999999" }) {
        EXPECT_TRUE(failsWith(changeFromJson(with(upsert(), "key", key)), ErrorKind::Invalid, "invalid_change", "key"))
            << key;
    }
    auto level = with(upsert(), "table", "stock_levels");
    for (const char* key : { "42", "1:", ":2", "1:2:3", "a:b", "0:1", "1:-2" }) {
        EXPECT_TRUE(failsWith(changeFromJson(with(level, "key", key)), ErrorKind::Invalid, "invalid_change", "key"))
            << key;
    }
    EXPECT_TRUE(succeeds(changeFromJson(with(level, "key", "42:7"))));
    EXPECT_TRUE(succeeds(changeFromJson(with(with(upsert(), "table", "reorder_points"), "key", "42:1"))));
}

TEST(ChangeTest, KeyHelpers)
{
    EXPECT_EQ(idKey(42), "42");
    EXPECT_EQ(pairKey(42, 7), "42:7");
    EXPECT_EQ(parsePairKey("42:7"), std::make_pair(std::int64_t { 42 }, std::int64_t { 7 }));
    EXPECT_EQ(parsePairKey("9223372036854775807:1")->first, 9223372036854775807LL);
    EXPECT_EQ(parsePairKey("42"), std::nullopt);
    EXPECT_TRUE(isValidKey("categories", "1"));
    EXPECT_FALSE(isValidKey("users", "1"));
}

TEST(ChangeTest, ReadsUpsertsAndDeletes)
{
    const auto change = changeFromJson(upsert());
    ASSERT_TRUE(succeeds(change));
    EXPECT_EQ(change->table, "products");
    EXPECT_EQ(change->op, ChangeOp::Upsert);
    EXPECT_EQ(change->key, "42");
    EXPECT_EQ(change->row["name"], "Green tea");
    EXPECT_EQ(toJson(change.value()), upsert());

    const auto tombstone = changeFromJson(json::parse(R"({"table": "products", "op": "delete", "key": "43"})"));
    ASSERT_TRUE(succeeds(tombstone));
    EXPECT_EQ(tombstone->op, ChangeOp::Delete);
    EXPECT_TRUE(tombstone->row.is_null());
    EXPECT_EQ(toJson(tombstone.value()), json::parse(R"({"table": "products", "op": "delete", "key": "43"})"));
    EXPECT_TRUE(succeeds(changeFromJson(with(without(upsert(), "row"), "op", "delete"))));
    EXPECT_TRUE(succeeds(changeFromJson(with(with(upsert(), "op", "delete"), "row", nullptr))));
}

TEST(ChangePageTest, RefusesAnotherProtocol)
{
    EXPECT_TRUE(failsWith(
        ChangePage::fromJson(with(page(), "protocol", 2)), ErrorKind::Invalid, "protocol_unsupported", "protocol"));
    EXPECT_TRUE(failsWith(
        ChangePage::fromJson(with(page(), "protocol", 0)), ErrorKind::Invalid, "protocol_unsupported", "protocol"));
    EXPECT_TRUE(
        failsWith(ChangePage::fromJson(with(page(), "protocol", "1")), ErrorKind::Invalid, "invalid_page", "protocol"));
}

TEST(ChangePageTest, RefusesATruncatedPage)
{
    EXPECT_TRUE(failsWith(ChangePage::fromJson(json()), ErrorKind::Invalid, "invalid_page"));
    EXPECT_TRUE(failsWith(ChangePage::fromJson(json::object()), ErrorKind::Invalid, "invalid_page", "protocol"));
    // Any one member missing — as a page cut short by a broken proxy might be — is refused
    // and named.
    const json full = page();
    for (const auto& item : full.items()) {
        EXPECT_TRUE(failsWith(
            ChangePage::fromJson(without(page(), item.key().c_str())), ErrorKind::Invalid, "invalid_page", item.key()))
            << item.key();
    }
    auto cut = page();
    cut["changes"][2].erase("row");
    EXPECT_TRUE(failsWith(ChangePage::fromJson(cut), ErrorKind::Invalid, "invalid_change", "changes[2].row"));
    cut = page();
    cut["changes"][1] = json::object();
    EXPECT_TRUE(failsWith(ChangePage::fromJson(cut), ErrorKind::Invalid, "invalid_change", "changes[1].table"));
    cut = page();
    cut["changes"][0] = "truncated";
    EXPECT_TRUE(failsWith(ChangePage::fromJson(cut), ErrorKind::Invalid, "invalid_change", "changes[0]"));
}

TEST(ChangePageTest, RefusesWrongTypedMembers)
{
    const std::pair<const char*, json> cases[] = {
        { "server_id", 5 },
        { "server_id", "" },
        { "changes", json::object() },
        { "next_cursor", "" },
        { "next_cursor", nullptr },
        { "has_more", "yes" },
        { "has_more", 1 },
        { "phase", "done" },
        { "phase", 0 },
        { "position", -1 },
        { "position", 1.5 },
        { "position", "1234" },
    };
    for (const auto& [key, value] : cases) {
        EXPECT_TRUE(failsWith(ChangePage::fromJson(with(page(), key, value)), ErrorKind::Invalid, "invalid_page", key))
            << key << " = " << value.dump();
    }
    auto unknown = page();
    unknown["changes"][0]["table"] = "orders";
    EXPECT_TRUE(failsWith(ChangePage::fromJson(unknown), ErrorKind::Invalid, "unknown_table", "changes[0].table"));
}

TEST(ChangePageTest, RefusesASnapshotPageWithNothingMore)
{
    EXPECT_TRUE(failsWith(
        ChangePage::fromJson(with(page(), "has_more", false)), ErrorKind::Invalid, "invalid_page", "has_more"));
    EXPECT_TRUE(succeeds(ChangePage::fromJson(with(with(page(), "has_more", false), "phase", "tail"))));
}

TEST(ChangePageTest, RoundTrips)
{
    const auto parsed = ChangePage::fromJson(page());
    ASSERT_TRUE(succeeds(parsed));
    const auto& p = parsed.value();
    EXPECT_EQ(p.protocol, 1);
    EXPECT_EQ(p.serverId, "srv-1");
    ASSERT_EQ(p.changes.size(), 3u);
    EXPECT_EQ(p.changes[1].op, ChangeOp::Delete);
    EXPECT_EQ(p.changes[2].key, "42:7");
    EXPECT_EQ(p.nextCursor, "eyJ2IjoxfQ");
    EXPECT_TRUE(p.hasMore);
    EXPECT_EQ(p.phase, Phase::Snapshot);
    EXPECT_EQ(p.position, 1234);
    EXPECT_EQ(toJson(p), page());
    EXPECT_EQ(changePageFromJson(toJson(p)).value(), p);

    ChangePage empty;
    empty.serverId = "srv-1";
    empty.nextCursor = "x";
    empty.phase = Phase::Tail;
    empty.position = 9;
    EXPECT_EQ(toJson(empty)["changes"], json::array());
    EXPECT_EQ(ChangePage::fromJson(toJson(empty)).value(), empty);
}

TEST(ChangePageTest, ReadingFromATemporaryGivesTheSamePageAndTheSameRefusals)
{
    auto moved = ChangePage::fromJson(json(page()));
    ASSERT_TRUE(succeeds(moved));
    EXPECT_EQ(moved.value(), ChangePage::fromJson(page()).value());
    auto broken = page();
    broken["changes"][1]["row"] = json { { "name", "x" } };
    EXPECT_TRUE(
        failsWith(ChangePage::fromJson(std::move(broken)), ErrorKind::Invalid, "invalid_change", "changes[1].row"));
}

TEST(ChangePageTest, WritesTheSameDocumentAsTheTree)
{
    auto p = ChangePage::fromJson(page()).value();
    p.changes[0].row["name"] = "Quote \" backslash \\ tab \t caf\u00e9 \u6f22";
    p.serverId = "srv-\"1\"";
    EXPECT_EQ(dumpPage(p), toJson(p).dump());
    EXPECT_EQ(json::parse(dumpPage(p)), toJson(p));
    EXPECT_EQ(ChangePage::fromJson(json::parse(dumpPage(p))).value(), p);

    ChangePage empty;
    empty.serverId = "srv-1";
    empty.nextCursor = "x";
    empty.phase = Phase::Tail;
    EXPECT_EQ(dumpPage(empty), toJson(empty).dump());
}

} // namespace
} // namespace tosserp::sync
