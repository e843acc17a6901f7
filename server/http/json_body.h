#pragma once

#include "server/http/problem.h"
#include "server/http/request.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::http {

/// Parses the request body as JSON. Refuses (ApiError 415) a content type other than
/// application/json, and (400) an empty body, malformed JSON, invalid UTF-8, duplicate keys
/// in an object, or nesting deeper than 32 levels.
nlohmann::json parseJsonBody(const Request& request);

/// Parses `text` as JSON with the same rules as parseJsonBody (no content-type check).
nlohmann::json parseJsonText(std::string_view text);

/// Reads the fields of one JSON object with strict types. Unknown fields, missing required
/// fields and wrong types are collected (not thrown one by one) and thrown together by
/// `finish()` as one 400 "invalid_request" with an entry per field. `prefix` names the
/// object's place in the body ("movements[2]") in field paths.
class JsonReader {
public:
    JsonReader(const nlohmann::json& object, std::initializer_list<std::string_view> allowed, std::string prefix = {});

    std::string requiredString(std::string_view key);
    std::optional<std::string> optionalString(std::string_view key);
    std::int64_t requiredInt(std::string_view key);
    std::optional<std::int64_t> optionalInt(std::string_view key);
    /// Absent → nullopt; null → optional holding nullopt; integer → the value.
    std::optional<std::optional<std::int64_t>> optionalNullableInt(std::string_view key);
    std::optional<bool> optionalBool(std::string_view key);
    /// A JSON number (integer or decimal), or a decimal string; returned as text ("1.5").
    std::optional<std::string> optionalDecimal(std::string_view key);
    std::string requiredDecimal(std::string_view key);
    const nlohmann::json* optionalArray(std::string_view key);
    const nlohmann::json* optionalObject(std::string_view key);
    std::optional<std::vector<std::string>> optionalStringArray(std::string_view key);

    bool has(std::string_view key) const;
    std::string path(std::string_view key) const;
    void addError(std::string field, std::string code, std::string message);
    /// Throws the collected errors, if any.
    void finish();
    std::vector<FieldError> takeErrors();

private:
    const nlohmann::json* find(std::string_view key) const;
    void typeError(std::string_view key, std::string_view expected);

    const nlohmann::json& m_object;
    std::string m_prefix;
    std::vector<FieldError> m_errors;
    bool m_isObject;
};

/// Throws one 400 "invalid_request" carrying `errors` unless it is empty.
void throwIfErrors(std::vector<FieldError> errors);

} // namespace tosserp::http
