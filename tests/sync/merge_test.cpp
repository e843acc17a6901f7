#include "sync/merge.h"

#include <gtest/gtest.h>

namespace tosserp::sync {
namespace {

using nlohmann::json;

TEST(MergeTest, SameFieldChangedOnBothSidesIsAConflictWithAllThreeValues)
{
    const auto outcome = mergeFields(json { { "name", "Tea" } }, json { { "name", "Green tea" } },
        json { { "name", "Black tea" }, { "sku", "TEA-001" } });
    EXPECT_TRUE(outcome.apply.empty());
    ASSERT_EQ(outcome.conflicts.size(), 1u);
    EXPECT_EQ(outcome.conflicts[0], (FieldConflict { "name", "Tea", "Green tea", "Black tea" }));
    EXPECT_TRUE(outcome.hasConflicts());
    EXPECT_FALSE(outcome.alreadyApplied());
}

TEST(MergeTest, ConflictsOnSomeFieldsStillMergeTheOthers)
{
    const json base = json::parse(R"({"name": "Tea", "price": {"amount": "2.00", "currency": "EUR"}})");
    const json mine = json::parse(R"({"name": "Green tea", "price": {"amount": "2.50", "currency": "EUR"}})");
    const json theirs = json::parse(R"({"name": "Tea", "price": {"amount": "3.00", "currency": "EUR"}})");
    const auto outcome = mergeFields(base, mine, theirs);
    EXPECT_EQ(outcome.apply, json::parse(R"({"name": "Green tea"})"));
    ASSERT_EQ(outcome.conflicts.size(), 1u);
    EXPECT_EQ(outcome.conflicts[0].field, "price");
    EXPECT_EQ(outcome.conflicts[0].theirs["amount"], "3.00");
}

TEST(MergeTest, BaseWithoutTheFieldConflictsUnlessTheServerAlsoLacksIt)
{
    // The server has a value the client never saw: a conflict, base reported as null.
    auto outcome = mergeFields(json::object(), json { { "description", "Loose" } }, json { { "description", "Bag" } });
    ASSERT_EQ(outcome.conflicts.size(), 1u);
    EXPECT_EQ(outcome.conflicts[0], (FieldConflict { "description", nullptr, "Loose", "Bag" }));

    // Neither side had it: only the client sets it.
    outcome = mergeFields(json::object(), json { { "description", "Loose" } }, json { { "name", "Tea" } });
    EXPECT_EQ(outcome.apply, json::parse(R"({"description": "Loose"})"));
    EXPECT_TRUE(outcome.conflicts.empty());

    // The client saw a value that the server no longer has: a conflict, theirs reported as null.
    outcome = mergeFields(json { { "description", "Old" } }, json { { "description", "New" } }, json::object());
    ASSERT_EQ(outcome.conflicts.size(), 1u);
    EXPECT_EQ(outcome.conflicts[0], (FieldConflict { "description", "Old", "New", nullptr }));
}

TEST(MergeTest, DisjointFieldsMerge)
{
    const json base = json::parse(R"({"name": "Tea", "active": true})");
    const json mine = json::parse(R"({"name": "Green tea"})");
    const json theirs = json::parse(R"({"name": "Tea", "active": false, "version": 4})");
    const auto outcome = mergeFields(base, mine, theirs);
    EXPECT_EQ(outcome.apply, json::parse(R"({"name": "Green tea"})"));
    EXPECT_TRUE(outcome.conflicts.empty());
}

TEST(MergeTest, TheSameNewValueOnBothSidesIsNoConflict)
{
    const auto outcome = mergeFields(json { { "name", "Tea" }, { "barcodes", json::array({ "123" }) } },
        json { { "name", "Green tea" }, { "barcodes", json::array({ "123", "456" }) } },
        json { { "name", "Green tea" }, { "barcodes", json::array({ "123", "456" }) } });
    EXPECT_TRUE(outcome.apply.empty());
    EXPECT_TRUE(outcome.conflicts.empty());
    EXPECT_TRUE(outcome.alreadyApplied()) << "a retried edit writes nothing";
}

TEST(MergeTest, FieldsOnlyTheServerHasAreNeverTouched)
{
    const auto outcome = mergeFields(json { { "name", "Tea" } }, json { { "name", "Green tea" } },
        json { { "name", "Tea" }, { "sku", "TEA-9" }, { "category_id", nullptr } });
    EXPECT_EQ(outcome.apply, json::parse(R"({"name": "Green tea"})"));
    EXPECT_FALSE(outcome.apply.contains("sku"));
    EXPECT_FALSE(outcome.apply.contains("category_id"));
}

TEST(MergeTest, NullIsAValueLikeAnyOther)
{
    // Clearing the category while the server kept it: applied.
    auto outcome = mergeFields(
        json { { "category_id", 3 } }, json { { "category_id", nullptr } }, json { { "category_id", 3 } });
    EXPECT_EQ(outcome.apply, json::parse(R"({"category_id": null})"));
    // Setting it while the server cleared it: a conflict.
    outcome = mergeFields(
        json { { "category_id", 3 } }, json { { "category_id", 5 } }, json { { "category_id", nullptr } });
    ASSERT_EQ(outcome.conflicts.size(), 1u);
    EXPECT_TRUE(outcome.conflicts[0].theirs.is_null());
}

TEST(MergeTest, NonObjectsReadAsEmpty)
{
    EXPECT_TRUE(mergeFields(json::object(), json::array(), json::object()).alreadyApplied());
    EXPECT_EQ(mergeFields(nullptr, json { { "name", "A" } }, nullptr).apply, json::parse(R"({"name": "A"})"));
}

TEST(MergeTest, ProductMergeFieldsTakesTheCommandShapeOfARow)
{
    const json row = json::parse(R"({"id": 42, "sku": "TEA-001", "name": "Green tea", "description": "",
        "category_id": null, "unit": "kg", "price": {"amount": "12.50", "currency": "EUR"},
        "barcodes": [{"code": "4006381333931", "symbology": "ean13"}, {"code": "SHELF-7", "symbology": "internal"}],
        "active": true, "version": 3})");
    EXPECT_EQ(productMergeFields(row), json::parse(R"({"sku": "TEA-001", "name": "Green tea", "description": "",
        "category_id": null, "unit": "kg", "price": {"amount": "12.50", "currency": "EUR"},
        "barcodes": ["4006381333931", "SHELF-7"], "active": true})"));
    EXPECT_EQ(productMergeFields(json::parse(R"({"name": "A", "version": 1})")), json::parse(R"({"name": "A"})"));
    EXPECT_EQ(productMergeFields(json::array()), json::object());
}

} // namespace
} // namespace tosserp::sync
