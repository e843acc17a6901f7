#include "domain/user.h"

#include "domain/email.h"
#include "domain/text.h"

#include <algorithm>

namespace tosserp::domain {
namespace {

constexpr std::size_t kMinUsernameLength = 3;
constexpr std::size_t kMaxUsernameLength = 64;
constexpr std::size_t kMinPasswordLength = 8;
constexpr std::size_t kMaxPasswordLength = 128;

bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

template <class T> std::vector<T> sortedUnique(std::vector<T> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

Result<std::string> displayNameFor(std::string_view displayName, const std::string& username)
{
    if (trimView(displayName).empty())
        return username;
    return validateName(displayName, "display_name", User::kMaxDisplayNameLength);
}

Result<std::optional<std::string>> emailFor(std::string_view text)
{
    if (trimView(text).empty())
        return std::optional<std::string> {};
    auto email = Email::parse(text);
    if (!email)
        return email.error();
    return std::optional<std::string>(email->value());
}

Result<std::vector<std::string>> rolesFor(
    const std::vector<std::string>& roles, const std::vector<std::string>& knownRoles)
{
    for (std::size_t i = 0; i < roles.size(); ++i) {
        if (std::find(knownRoles.begin(), knownRoles.end(), roles[i]) == knownRoles.end())
            return invalid(
                "unknown_role", "There is no role called " + roles[i] + ".", "roles[" + std::to_string(i) + "]");
    }
    return sortedUnique(roles);
}

Result<std::vector<std::int64_t>> warehousesFor(const std::vector<std::int64_t>& warehouses)
{
    for (std::size_t i = 0; i < warehouses.size(); ++i) {
        if (warehouses[i] <= 0)
            return invalid(
                "invalid_warehouse_id", "A warehouse id must be positive.", "warehouses[" + std::to_string(i) + "]");
    }
    return sortedUnique(warehouses);
}

} // namespace

Result<std::string> normalizeUsername(std::string_view text)
{
    const std::string name = asciiLower(trimView(text));
    if (name.size() < kMinUsernameLength || name.size() > kMaxUsernameLength)
        return invalid("invalid_username", "A username has 3 to 64 characters.", "username");
    if (!isLowerAlnum(name.front()))
        return invalid("invalid_username", "A username starts with a letter or a digit.", "username");
    for (char c : name) {
        if (!isLowerAlnum(c) && c != '.' && c != '_' && c != '-')
            return invalid("invalid_username", "A username may contain only a-z, 0-9, '.', '_' and '-'.", "username");
    }
    return name;
}

Result<void> checkPasswordPolicy(std::string_view password, std::string_view username)
{
    const auto length = utf8Length(password);
    if (!length)
        return invalid("invalid_password", "The password is not valid UTF-8.", "password");
    if (*length < kMinPasswordLength)
        return invalid("password_too_short", "A password has at least 8 characters.", "password");
    if (*length > kMaxPasswordLength)
        return invalid("password_too_long", "A password has at most 128 characters.", "password");
    const auto name = trimView(username);
    if (!name.empty() && asciiLower(password) == asciiLower(name))
        return invalid("password_is_username", "The password may not be the username.", "password");
    if (isCommonPassword(password))
        return invalid("password_too_common", "This password is too common; choose another one.", "password");
    return {};
}

Result<User> User::create(const UserDraft& draft, const std::vector<std::string>& knownRoles)
{
    auto username = normalizeUsername(draft.username);
    if (!username)
        return username.error();
    auto displayName = displayNameFor(draft.displayName, username.value());
    if (!displayName)
        return displayName.error();
    auto email = emailFor(draft.email);
    if (!email)
        return email.error();
    auto roles = rolesFor(draft.roles, knownRoles);
    if (!roles)
        return roles.error();
    auto warehouses = warehousesFor(draft.warehouses);
    if (!warehouses)
        return warehouses.error();

    User user;
    user.username = std::move(username).value();
    user.displayName = std::move(displayName).value();
    user.email = std::move(email).value();
    user.roles = std::move(roles).value();
    user.warehouses = std::move(warehouses).value();
    return user;
}

Result<std::vector<std::string>> applyUserPatch(
    User& user, const UserPatch& patch, const std::vector<std::string>& knownRoles)
{
    User next = user;
    if (patch.displayName) {
        auto displayName = displayNameFor(*patch.displayName, user.username);
        if (!displayName)
            return displayName.error();
        next.displayName = std::move(displayName).value();
    }
    if (patch.email) {
        auto email = emailFor(patch.email->value_or(std::string {}));
        if (!email)
            return email.error();
        next.email = std::move(email).value();
    }
    if (patch.active)
        next.active = *patch.active;
    if (patch.roles) {
        auto roles = rolesFor(*patch.roles, knownRoles);
        if (!roles)
            return roles.error();
        next.roles = std::move(roles).value();
    }
    if (patch.warehouses) {
        auto warehouses = warehousesFor(*patch.warehouses);
        if (!warehouses)
            return warehouses.error();
        next.warehouses = std::move(warehouses).value();
    }

    std::vector<std::string> changed;
    if (next.displayName != user.displayName)
        changed.emplace_back("display_name");
    if (next.email != user.email)
        changed.emplace_back("email");
    if (next.active != user.active)
        changed.emplace_back("active");
    if (next.roles != user.roles)
        changed.emplace_back("roles");
    if (next.warehouses != user.warehouses)
        changed.emplace_back("warehouses");
    if (changed.empty())
        return changed;

    next.version = user.version + 1;
    user = std::move(next);
    return changed;
}

nlohmann::json userToJson(const User& user)
{
    return {
        { "id", user.id },
        { "username", user.username },
        { "display_name", user.displayName },
        { "email", user.email ? nlohmann::json(*user.email) : nlohmann::json(nullptr) },
        { "active", user.active },
        { "roles", user.roles },
        { "warehouses", user.warehouses },
        { "version", user.version },
    };
}

} // namespace tosserp::domain
