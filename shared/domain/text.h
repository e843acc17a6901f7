#pragma once

#include "domain/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tosserp::domain {

/// Removes ASCII whitespace (space, \t, \n, \r, \f, \v) from both ends.
std::string_view trimView(std::string_view value);
/// Same as trimView, as an owned string.
std::string trim(std::string_view value);

/// Number of code points in `value`, or nullopt if it is not valid UTF-8
/// (overlong forms, surrogates and values above U+10FFFF are invalid).
std::optional<std::size_t> utf8Length(std::string_view value);

/// Validates a required single-line name: trims it, then refuses
/// empty ("required"), invalid UTF-8 or control characters ("invalid_text"),
/// and more than `maxLen` code points ("too_long"). Errors carry `field`.
/// Returns the trimmed name.
Result<std::string> validateName(std::string_view value, std::string_view field, std::size_t maxLen);

/// Validates optional free text (descriptions, reasons, references): trims it and
/// accepts empty. Refuses invalid UTF-8 and control characters ("invalid_text"; tab,
/// line feed and carriage return are allowed only when `multiLine`) and more than
/// `maxLen` code points ("too_long"). Returns the trimmed text.
Result<std::string> validateText(std::string_view value, std::string_view field, std::size_t maxLen, bool multiLine);

/// ASCII lower-case copy (bytes outside A-Z unchanged).
std::string asciiLower(std::string_view value);
/// ASCII upper-case copy (bytes outside a-z unchanged).
std::string asciiUpper(std::string_view value);

} // namespace tosserp::domain
