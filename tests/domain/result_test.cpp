#include "domain/result.h"

#include "domain/error.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace tosserp::domain {
namespace {

TEST(ResultTest, ReadingTheValueOfAFailureThrowsBadResultAccess)
{
    Result<int> failed = invalid("bad_thing", "It is bad.", "x");
    EXPECT_FALSE(failed.ok());
    EXPECT_FALSE(static_cast<bool>(failed));
    EXPECT_THROW((void)failed.value(), BadResultAccess);
    EXPECT_THROW((void)*failed, BadResultAccess);
}

TEST(ResultTest, ReadingTheErrorOfASuccessThrowsBadResultAccess)
{
    Result<int> good = 7;
    EXPECT_THROW((void)good.error(), BadResultAccess);
    Result<void> done;
    EXPECT_THROW((void)done.error(), BadResultAccess);
}

TEST(ResultTest, FailureCarriesKindCodeMessageAndField)
{
    Result<std::string> failed = conflict("category_cycle", "Cycle.", "parent_id");
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(failed.error().code, "category_cycle");
    EXPECT_EQ(failed.error().message, "Cycle.");
    EXPECT_EQ(failed.error().field, "parent_id");
}

TEST(ResultTest, HelpersSetTheirKinds)
{
    EXPECT_EQ(invalid("a", "b").kind, ErrorKind::Invalid);
    EXPECT_EQ(notFound("a", "b").kind, ErrorKind::NotFound);
    EXPECT_EQ(conflict("a", "b").kind, ErrorKind::Conflict);
    EXPECT_EQ(unprocessable("a", "b").kind, ErrorKind::Unprocessable);
    EXPECT_EQ(preconditionFailed("a", "b").kind, ErrorKind::PreconditionFailed);
    EXPECT_EQ(forbidden("a", "b").kind, ErrorKind::Forbidden);
    EXPECT_TRUE(notFound("a", "b").field.empty());
    EXPECT_EQ(withField(invalid("a", "b", "x"), "y").field, "y");
}

TEST(ResultTest, ErrorKindNamesAreStable)
{
    EXPECT_EQ(errorKindName(ErrorKind::Invalid), "invalid");
    EXPECT_EQ(errorKindName(ErrorKind::NotFound), "not_found");
    EXPECT_EQ(errorKindName(ErrorKind::Conflict), "conflict");
    EXPECT_EQ(errorKindName(ErrorKind::PreconditionFailed), "precondition_failed");
    EXPECT_EQ(errorKindName(ErrorKind::Forbidden), "forbidden");
    EXPECT_EQ(errorKindName(ErrorKind::Unprocessable), "unprocessable");
}

TEST(ResultTest, SuccessGivesAccessToTheValue)
{
    Result<std::string> good = std::string("abc");
    ASSERT_TRUE(good.ok());
    EXPECT_TRUE(static_cast<bool>(good));
    EXPECT_EQ(good.value(), "abc");
    EXPECT_EQ(*good, "abc");
    EXPECT_EQ(good->size(), 3u);
    good.value() += "d";
    EXPECT_EQ(good.value(), "abcd");
}

TEST(ResultTest, ValueCanBeMovedOut)
{
    Result<std::unique_ptr<int>> good = std::make_unique<int>(5);
    std::unique_ptr<int> owned = std::move(good).value();
    ASSERT_NE(owned, nullptr);
    EXPECT_EQ(*owned, 5);
}

TEST(ResultTest, VoidResult)
{
    Result<void> done;
    EXPECT_TRUE(done.ok());
    Result<void> failed = unprocessable("insufficient_stock", "Not enough.", "quantity");
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, "insufficient_stock");
    EXPECT_EQ(failed.error().kind, ErrorKind::Unprocessable);
}

} // namespace
} // namespace tosserp::domain
