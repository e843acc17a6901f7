#include "domain/category.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

// 1 ─┬─ 2 ── 4 ── 5
//    └─ 3
// 10 (root)
CategoryTree sampleTree()
{
    CategoryTree tree;
    tree.add(1, std::nullopt);
    tree.add(2, 1);
    tree.add(3, 1);
    tree.add(4, 2);
    tree.add(5, 4);
    tree.add(10, std::nullopt);
    return tree;
}

TEST(CategoryTest, CreateRefusesBadNames)
{
    EXPECT_TRUE(failsWith(Category::create("", std::nullopt), ErrorKind::Invalid, "required", "name"));
    EXPECT_TRUE(failsWith(Category::create("   ", std::nullopt), ErrorKind::Invalid, "required", "name"));
    EXPECT_TRUE(
        failsWith(Category::create(std::string(101, 'x'), std::nullopt), ErrorKind::Invalid, "too_long", "name"));
    EXPECT_TRUE(failsWith(Category::create("a\nb", std::nullopt), ErrorKind::Invalid, "invalid_text", "name"));
}

TEST(CategoryTest, CreateRefusesNonPositiveParent)
{
    EXPECT_TRUE(failsWith(Category::create("Tea", 0), ErrorKind::Invalid, "invalid_parent_id", "parent_id"));
    EXPECT_TRUE(failsWith(Category::create("Tea", -3), ErrorKind::Invalid, "invalid_parent_id", "parent_id"));
}

TEST(CategoryTest, Create)
{
    const auto category = Category::create("  Green tea ", 7);
    ASSERT_TRUE(category.ok());
    EXPECT_EQ(category->name, "Green tea");
    EXPECT_EQ(category->parentId, 7);
    EXPECT_EQ(category->id, 0);
    EXPECT_EQ(category->version, 1);
    EXPECT_TRUE(Category::create(std::string(100, 'x'), std::nullopt).ok());
}

TEST(CategoryTreeTest, RefusesSelfAsParent)
{
    const auto tree = sampleTree();
    EXPECT_TRUE(failsWith(tree.canSetParent(2, 2), ErrorKind::Conflict, "category_cycle", "parent_id"));
}

TEST(CategoryTreeTest, RefusesDescendantsAsParent)
{
    const auto tree = sampleTree();
    EXPECT_TRUE(failsWith(tree.canSetParent(2, 4), ErrorKind::Conflict, "category_cycle", "parent_id"));
    EXPECT_TRUE(failsWith(tree.canSetParent(2, 5), ErrorKind::Conflict, "category_cycle", "parent_id"));
    EXPECT_TRUE(failsWith(tree.canSetParent(1, 5), ErrorKind::Conflict, "category_cycle", "parent_id"));
}

TEST(CategoryTreeTest, RefusesUnknownParent)
{
    const auto tree = sampleTree();
    EXPECT_TRUE(failsWith(tree.canSetParent(2, 99), ErrorKind::NotFound, "category_not_found"));
    EXPECT_TRUE(failsWith(tree.canSetParent(100, 99), ErrorKind::NotFound, "category_not_found"));
}

TEST(CategoryTreeTest, AllowsValidMoves)
{
    const auto tree = sampleTree();
    EXPECT_TRUE(succeeds(tree.canSetParent(2, std::nullopt)));
    EXPECT_TRUE(succeeds(tree.canSetParent(5, 3)));
    EXPECT_TRUE(succeeds(tree.canSetParent(4, 1)));
    EXPECT_TRUE(succeeds(tree.canSetParent(5, 1)));
    EXPECT_TRUE(succeeds(tree.canSetParent(1, 10)));
    // A category that does not exist yet may hang under any known one.
    EXPECT_TRUE(succeeds(tree.canSetParent(11, 5)));
}

TEST(CategoryTreeTest, DescendantsIncludeTheCategoryBreadthFirst)
{
    const auto tree = sampleTree();
    EXPECT_EQ(tree.descendantsOf(1), (std::vector<std::int64_t> { 1, 2, 3, 4, 5 }));
    EXPECT_EQ(tree.descendantsOf(2), (std::vector<std::int64_t> { 2, 4, 5 }));
    EXPECT_EQ(tree.descendantsOf(5), (std::vector<std::int64_t> { 5 }));
    EXPECT_EQ(tree.descendantsOf(10), (std::vector<std::int64_t> { 10 }));
    EXPECT_TRUE(tree.descendantsOf(99).empty());
    EXPECT_TRUE(tree.hasChildren(1));
    EXPECT_TRUE(tree.hasChildren(4));
    EXPECT_FALSE(tree.hasChildren(5));
    EXPECT_FALSE(tree.hasChildren(99));
    EXPECT_TRUE(tree.contains(10));
    EXPECT_FALSE(tree.contains(99));
    EXPECT_EQ(tree.size(), 6u);
}

TEST(CategoryTreeTest, SetParentMovesTheSubtree)
{
    auto tree = sampleTree();
    ASSERT_TRUE(tree.canSetParent(4, 10).ok());
    tree.setParent(4, 10);
    EXPECT_EQ(tree.parentOf(4), 10);
    EXPECT_EQ(tree.descendantsOf(10), (std::vector<std::int64_t> { 10, 4, 5 }));
    EXPECT_EQ(tree.descendantsOf(1), (std::vector<std::int64_t> { 1, 2, 3 }));
    EXPECT_FALSE(tree.hasChildren(2));
    // The old ancestor may now go under the moved subtree.
    EXPECT_TRUE(succeeds(tree.canSetParent(1, 5)));
    EXPECT_TRUE(failsWith(tree.canSetParent(10, 5), ErrorKind::Conflict, "category_cycle", "parent_id"));
}

TEST(CategoryTreeTest, RemoveTurnsChildrenIntoRoots)
{
    auto tree = sampleTree();
    tree.remove(2);
    EXPECT_FALSE(tree.contains(2));
    EXPECT_EQ(tree.parentOf(4), std::nullopt);
    EXPECT_EQ(tree.descendantsOf(1), (std::vector<std::int64_t> { 1, 3 }));
    EXPECT_EQ(tree.descendantsOf(4), (std::vector<std::int64_t> { 4, 5 }));
    EXPECT_TRUE(failsWith(tree.canSetParent(3, 2), ErrorKind::NotFound, "category_not_found"));
    tree.remove(99);
    EXPECT_EQ(tree.size(), 5u);
}

} // namespace
} // namespace tosserp::domain
