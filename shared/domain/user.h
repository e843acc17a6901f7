#pragma once

#include "domain/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::domain {

/// Username rule: trims and ASCII lower-cases, then requires 3..64 characters of
/// [a-z0-9._-] starting with a letter or digit; otherwise Invalid "invalid_username"
/// (field "username"). Returns the normalized username.
Result<std::string> normalizeUsername(std::string_view text);

/// Password rules of OWASP ASVS level 2, without composition rules; the password is
/// taken exactly as given (never trimmed). Checked in this order, all with field
/// "password": valid UTF-8 (Invalid "invalid_password"), at least 8 code points
/// ("password_too_short"), at most 128 code points ("password_too_long"), not equal to
/// `username` ignoring ASCII case and the username's surrounding whitespace
/// ("password_is_username"), not a common password (isCommonPassword,
/// "password_too_common").
Result<void> checkPasswordPolicy(std::string_view password, std::string_view username);

/// True when `password`, ASCII lower-cased, is in the built-in list of commonly leaked
/// passwords of 8 or more characters (common_passwords.cpp).
bool isCommonPassword(std::string_view password);

/// Raw input for a new user.
struct UserDraft {
    std::string username;
    std::string displayName; ///< empty: the username
    std::string email; ///< empty: none
    std::vector<std::string> roles;
    std::vector<std::int64_t> warehouses;
};

/// A person who signs in. Credentials live elsewhere (the server's password store).
struct User {
    static constexpr std::size_t kMaxDisplayNameLength = 100;

    std::int64_t id = 0;
    std::string username;
    std::string displayName;
    std::optional<std::string> email;
    bool active = true;
    std::vector<std::string> roles; ///< sorted, unique
    std::vector<std::int64_t> warehouses; ///< sorted, unique
    std::int64_t version = 1;

    /// Validates and reports the first error, in this order: "username"
    /// (normalizeUsername), "display_name" (validateName, ≤100; the username when blank),
    /// "email" (Email::parse; blank means none), "roles[i]" (Invalid "unknown_role" unless
    /// the name is in `knownRoles`), "warehouses[i]" (Invalid "invalid_warehouse_id" unless
    /// positive). Roles and warehouses come out sorted and unique. The new user has id 0,
    /// version 1 and is active.
    static Result<User> create(const UserDraft& draft, const std::vector<std::string>& knownRoles);

    friend bool operator==(const User&, const User&) = default;
};

/// A partial update: only engaged members change. email holds an inner nullopt (or a blank
/// string) to clear the address.
struct UserPatch {
    std::optional<std::string> displayName;
    std::optional<std::optional<std::string>> email;
    std::optional<bool> active;
    std::optional<std::vector<std::string>> roles;
    std::optional<std::vector<std::int64_t>> warehouses;
};

/// Applies `patch` atomically: the engaged members are validated exactly like
/// User::create (a blank display name becomes the username; roles are checked only when
/// patched, so a user keeping a since-deleted role can still be edited) and on error
/// nothing changes. Returns the names of the fields whose value actually changed, in the
/// order "display_name", "email", "active", "roles", "warehouses"; bumps version by one
/// iff that list is not empty.
Result<std::vector<std::string>> applyUserPatch(
    User& user, const UserPatch& patch, const std::vector<std::string>& knownRoles);

/// {"id", "username", "display_name", "email" (null if none), "active", "roles",
///  "warehouses", "version"}.
nlohmann::json userToJson(const User& user);

} // namespace tosserp::domain
