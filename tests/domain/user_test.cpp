#include "domain/user.h"

#include "expect_error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tosserp::domain {
namespace {
using testing::failsWith;
using testing::succeeds;

const std::vector<std::string> kKnownRoles { "administrator", "sales", "warehouse_staff", "picker" };

std::string repeat(std::string_view piece, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

UserDraft aliceDraft()
{
    return UserDraft { "Alice", "Alice Smith", "alice@Example.COM", { "sales", "picker", "sales" }, { 5, 2, 5 } };
}

TEST(UsernameTest, RefusesBadUsernames)
{
    for (const std::string& text : std::vector<std::string> { "", "   ", "ab", " ab ", "-alice", ".alice", "_alice",
             "al ice", "al@ice", "al+ice", "al\tice",
             "al\xC3\xAD"
             "ce",
             "\xC3\xA9lise", repeat("a", 65) })
        EXPECT_TRUE(failsWith(normalizeUsername(text), ErrorKind::Invalid, "invalid_username", "username")) << text;
}

TEST(UsernameTest, TrimsAndLowercases)
{
    EXPECT_EQ(normalizeUsername("  Alice.Smith_1-X ").value(), "alice.smith_1-x");
    EXPECT_EQ(normalizeUsername("abc").value(), "abc");
    EXPECT_EQ(normalizeUsername("007").value(), "007");
    EXPECT_EQ(normalizeUsername("bob.").value(), "bob.");
    EXPECT_EQ(normalizeUsername(repeat("Z", 64)).value(), repeat("z", 64));
}

TEST(PasswordPolicyTest, RefusesInvalidUtf8)
{
    for (const std::string& password :
        std::vector<std::string> { std::string("abcdefgh\xFF"), std::string("\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF"),
            std::string("abcdefg\xE2\x82"), std::string("\xED\xA0\x80xxxxxxxx") })
        EXPECT_TRUE(
            failsWith(checkPasswordPolicy(password, "alice"), ErrorKind::Invalid, "invalid_password", "password"));
}

TEST(PasswordPolicyTest, RefusesShortPasswords)
{
    EXPECT_TRUE(failsWith(checkPasswordPolicy("", "alice"), ErrorKind::Invalid, "password_too_short", "password"));
    EXPECT_TRUE(
        failsWith(checkPasswordPolicy("zq7#Kp2", "alice"), ErrorKind::Invalid, "password_too_short", "password"));
    // Seven two-byte code points are 14 bytes but only 7 characters.
    EXPECT_TRUE(failsWith(
        checkPasswordPolicy(repeat("\xC3\xA9", 7), "alice"), ErrorKind::Invalid, "password_too_short", "password"));
    // Short common passwords are refused as short (the list starts at 8 characters).
    EXPECT_TRUE(
        failsWith(checkPasswordPolicy("123456", "alice"), ErrorKind::Invalid, "password_too_short", "password"));
}

TEST(PasswordPolicyTest, RefusesLongPasswords)
{
    EXPECT_TRUE(
        failsWith(checkPasswordPolicy(repeat("k", 129), "alice"), ErrorKind::Invalid, "password_too_long", "password"));
    EXPECT_TRUE(failsWith(
        checkPasswordPolicy(repeat("\xC3\xA9", 129), "alice"), ErrorKind::Invalid, "password_too_long", "password"));
}

TEST(PasswordPolicyTest, CountsCodePoints)
{
    EXPECT_TRUE(succeeds(checkPasswordPolicy("zq7#Kp2!", "alice")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy(repeat("\xC3\xA9", 8), "alice")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy(repeat("\xE2\x82\xAC", 8), "alice")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy(repeat("\xF0\x9F\x94\x91", 8), "alice")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy(repeat("k", 64), "alice")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy(repeat("k", 128), "alice")));
    // 128 code points of 2 and 4 bytes: 256 and 512 bytes, still accepted.
    EXPECT_TRUE(succeeds(checkPasswordPolicy(repeat("\xC3\xA9", 128), "alice")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy(repeat("\xF0\x9F\x94\x91", 128), "alice")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy("correct horse battery staple", "alice")));
}

TEST(PasswordPolicyTest, RefusesTheUsername)
{
    EXPECT_TRUE(failsWith(
        checkPasswordPolicy("margaret.h", "margaret.h"), ErrorKind::Invalid, "password_is_username", "password"));
    EXPECT_TRUE(failsWith(
        checkPasswordPolicy("Margaret.H", " margaret.h "), ErrorKind::Invalid, "password_is_username", "password"));
    EXPECT_TRUE(succeeds(checkPasswordPolicy("margaret.h2", "margaret.h")));
    EXPECT_TRUE(succeeds(checkPasswordPolicy("zq7#Kp2!", "")));
}

TEST(PasswordPolicyTest, RefusesCommonPasswordsIgnoringCase)
{
    for (const char* password : { "password", "PASSWORD", "Password1", "12345678", "123456789", "qwertyuiop",
             "QwertyUIOP", "iloveyou1", "ILoveYou", "trustno1", "1q2w3e4r", "sunshine", "Football" })
        EXPECT_TRUE(
            failsWith(checkPasswordPolicy(password, "alice"), ErrorKind::Invalid, "password_too_common", "password"))
            << password;
}

TEST(CommonPasswordTest, List)
{
    EXPECT_TRUE(isCommonPassword("password"));
    EXPECT_TRUE(isCommonPassword("PaSsWoRd"));
    EXPECT_TRUE(isCommonPassword("00000000"));
    EXPECT_TRUE(isCommonPassword("zxcvbnm123"));
    EXPECT_FALSE(isCommonPassword(""));
    EXPECT_FALSE(isCommonPassword("password "));
    EXPECT_FALSE(isCommonPassword("zq7#Kp2!"));
    EXPECT_FALSE(isCommonPassword("123456")); // shorter than 8: not in the list
}

TEST(UserCreateTest, RefusesBadFields)
{
    auto draft = aliceDraft();
    draft.username = "a";
    draft.email = "nope"; // the first error is reported
    EXPECT_TRUE(failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "invalid_username", "username"));

    draft = aliceDraft();
    draft.displayName = repeat("d", 101);
    EXPECT_TRUE(failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "too_long", "display_name"));
    draft.displayName = "Ali\nce";
    EXPECT_TRUE(failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "invalid_text", "display_name"));

    draft = aliceDraft();
    draft.email = "alice@localhost";
    EXPECT_TRUE(failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "invalid_email", "email"));

    draft = aliceDraft();
    draft.roles = { "sales", "Sales" };
    EXPECT_TRUE(failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "unknown_role", "roles[1]"));
    draft.roles = { "ghost" };
    EXPECT_TRUE(failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "unknown_role", "roles[0]"));

    draft = aliceDraft();
    draft.warehouses = { 1, 2, 0 };
    EXPECT_TRUE(
        failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "invalid_warehouse_id", "warehouses[2]"));
    draft.warehouses = { -4 };
    EXPECT_TRUE(
        failsWith(User::create(draft, kKnownRoles), ErrorKind::Invalid, "invalid_warehouse_id", "warehouses[0]"));
}

TEST(UserCreateTest, NormalizesAndSorts)
{
    const auto user = User::create(aliceDraft(), kKnownRoles);
    ASSERT_TRUE(succeeds(user));
    EXPECT_EQ(user->id, 0);
    EXPECT_EQ(user->username, "alice");
    EXPECT_EQ(user->displayName, "Alice Smith");
    EXPECT_EQ(user->email, "alice@example.com");
    EXPECT_TRUE(user->active);
    EXPECT_EQ(user->roles, (std::vector<std::string> { "picker", "sales" }));
    EXPECT_EQ(user->warehouses, (std::vector<std::int64_t> { 2, 5 }));
    EXPECT_EQ(user->version, 1);
}

TEST(UserCreateTest, DefaultsAndEmptyLists)
{
    const auto user = User::create(UserDraft { " Bob ", "  ", " ", {}, {} }, {});
    ASSERT_TRUE(succeeds(user));
    EXPECT_EQ(user->username, "bob");
    EXPECT_EQ(user->displayName, "bob");
    EXPECT_EQ(user->email, std::nullopt);
    EXPECT_TRUE(user->roles.empty());
    EXPECT_TRUE(user->warehouses.empty());
    EXPECT_TRUE(succeeds(User::create(UserDraft { "bob", repeat("d", 100), "", {}, {} }, {})));
}

TEST(UserPatchTest, FailedPatchChangesNothing)
{
    auto user = User::create(aliceDraft(), kKnownRoles).value();
    const User before = user;

    UserPatch patch;
    patch.displayName = "Alice Jones";
    patch.active = false;
    patch.roles = std::vector<std::string> { "administrator", "root" };
    EXPECT_TRUE(failsWith(applyUserPatch(user, patch, kKnownRoles), ErrorKind::Invalid, "unknown_role", "roles[1]"));
    EXPECT_EQ(user, before);

    patch = UserPatch {};
    patch.email = std::optional<std::string>("bad address");
    patch.warehouses = std::vector<std::int64_t> { 7 };
    EXPECT_TRUE(failsWith(applyUserPatch(user, patch, kKnownRoles), ErrorKind::Invalid, "invalid_email", "email"));
    EXPECT_EQ(user, before);

    patch = UserPatch {};
    patch.displayName = "Alice Jones";
    patch.warehouses = std::vector<std::int64_t> { 7, 0 };
    EXPECT_TRUE(failsWith(
        applyUserPatch(user, patch, kKnownRoles), ErrorKind::Invalid, "invalid_warehouse_id", "warehouses[1]"));
    EXPECT_EQ(user, before);

    patch = UserPatch {};
    patch.displayName = "Tab\tbed";
    EXPECT_TRUE(
        failsWith(applyUserPatch(user, patch, kKnownRoles), ErrorKind::Invalid, "invalid_text", "display_name"));
    EXPECT_EQ(user, before);
}

TEST(UserPatchTest, ReportsChangedFieldsInOrder)
{
    auto user = User::create(aliceDraft(), kKnownRoles).value();
    user.id = 12;
    UserPatch patch;
    patch.warehouses = std::vector<std::int64_t> { 9, 9 };
    patch.roles = std::vector<std::string> { "warehouse_staff" };
    patch.active = false;
    patch.email = std::optional<std::string>(" alice@NEW.example ");
    patch.displayName = " Alice Jones ";
    const auto changed = applyUserPatch(user, patch, kKnownRoles);
    ASSERT_TRUE(succeeds(changed));
    EXPECT_EQ(changed.value(), (std::vector<std::string> { "display_name", "email", "active", "roles", "warehouses" }));
    EXPECT_EQ(user.id, 12);
    EXPECT_EQ(user.username, "alice");
    EXPECT_EQ(user.displayName, "Alice Jones");
    EXPECT_EQ(user.email, "alice@new.example");
    EXPECT_FALSE(user.active);
    EXPECT_EQ(user.roles, (std::vector<std::string> { "warehouse_staff" }));
    EXPECT_EQ(user.warehouses, (std::vector<std::int64_t> { 9 }));
    EXPECT_EQ(user.version, 2);
}

TEST(UserPatchTest, UnchangedValuesKeepTheVersion)
{
    auto user = User::create(aliceDraft(), kKnownRoles).value();
    const User before = user;
    UserPatch patch;
    patch.displayName = " Alice Smith ";
    patch.email = std::optional<std::string>("alice@EXAMPLE.com");
    patch.active = true;
    patch.roles = std::vector<std::string> { "sales", "picker" };
    patch.warehouses = std::vector<std::int64_t> { 5, 2 };
    const auto changed = applyUserPatch(user, patch, kKnownRoles);
    ASSERT_TRUE(succeeds(changed));
    EXPECT_TRUE(changed->empty());
    EXPECT_EQ(user, before);
    EXPECT_TRUE(applyUserPatch(user, UserPatch {}, kKnownRoles)->empty());
    EXPECT_EQ(user.version, 1);
}

TEST(UserPatchTest, ClearsEmailAndDefaultsDisplayName)
{
    auto user = User::create(aliceDraft(), kKnownRoles).value();
    UserPatch patch;
    patch.email = std::optional<std::string> {};
    patch.displayName = "";
    EXPECT_EQ(applyUserPatch(user, patch, kKnownRoles).value(), (std::vector<std::string> { "display_name", "email" }));
    EXPECT_EQ(user.email, std::nullopt);
    EXPECT_EQ(user.displayName, "alice");
    EXPECT_EQ(user.version, 2);

    user.email = "a@b.example";
    patch = UserPatch {};
    patch.email = std::optional<std::string>("  ");
    EXPECT_EQ(applyUserPatch(user, patch, kKnownRoles).value(), (std::vector<std::string> { "email" }));
    EXPECT_EQ(user.email, std::nullopt);
    EXPECT_EQ(user.version, 3);
}

TEST(UserPatchTest, KeptRolesAreNotRevalidated)
{
    auto user = User::create(aliceDraft(), kKnownRoles).value();
    UserPatch patch;
    patch.active = false;
    // "picker" has since been deleted: the user can still be disabled.
    EXPECT_EQ(applyUserPatch(user, patch, { "sales" }).value(), (std::vector<std::string> { "active" }));
    EXPECT_EQ(user.roles, (std::vector<std::string> { "picker", "sales" }));
    patch = UserPatch {};
    patch.roles = user.roles;
    EXPECT_TRUE(failsWith(applyUserPatch(user, patch, { "sales" }), ErrorKind::Invalid, "unknown_role", "roles[0]"));
}

TEST(UserJsonTest, Shape)
{
    auto user = User::create(aliceDraft(), kKnownRoles).value();
    user.id = 4;
    EXPECT_EQ(userToJson(user), nlohmann::json::parse(R"({"id": 4, "username": "alice", "display_name": "Alice Smith",
            "email": "alice@example.com", "active": true, "roles": ["picker", "sales"], "warehouses": [2, 5],
            "version": 1})"));
    user.email.reset();
    EXPECT_TRUE(userToJson(user).at("email").is_null());
}

} // namespace
} // namespace tosserp::domain
