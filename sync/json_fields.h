#pragma once

// Strict readers of JSON members for the sync messages' fromJson functions. Internal to
// tosserp::sync: each failure is an Invalid error with the caller's code and the member's
// path (prefix + key, e.g. "changes[3].key") as its field.

#include "domain/error.h"
#include "domain/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace tosserp::sync::detail {

/// Reads the members of one JSON object. `object` must outlive the reader.
class FieldReader {
public:
    FieldReader(const nlohmann::json& object, std::string code, std::string prefix = {})
        : m_object(object)
        , m_code(std::move(code))
        , m_prefix(std::move(prefix))
    { }

    /// The member `key`, or nullptr when absent (a JSON null counts as present).
    const nlohmann::json* find(std::string_view key) const;
    /// A required string member; empty refused unless `allowEmpty`.
    domain::Result<std::string> string(std::string_view key, bool allowEmpty = false) const;
    /// An optional string member: "" when absent or null.
    domain::Result<std::string> optionalString(std::string_view key) const;
    /// A required integer member (no fraction, within int64) that is at least `minimum`.
    domain::Result<std::int64_t> integer(std::string_view key, std::int64_t minimum) const;
    /// A required boolean member.
    domain::Result<bool> boolean(std::string_view key) const;

    /// An Invalid error with this reader's code about member `key`.
    domain::Error error(std::string_view key, std::string message) const;
    /// The path of member `key`.
    std::string path(std::string_view key) const { return m_prefix + std::string(key); }

private:
    const nlohmann::json& m_object;
    std::string m_code;
    std::string m_prefix;
};

/// `error` with `prefix` put before its field ("changes[3]." + "key").
domain::Error prefixed(domain::Error error, const std::string& prefix);

/// "name[index]." — the prefix of the members of array element `index`.
std::string elementPrefix(std::string_view name, std::size_t index);

/// The protocol member of a message: Invalid "protocol_unsupported" (field "protocol") when
/// it is not kProtocolVersion, `code` when missing or not an integer.
domain::Result<void> checkProtocol(const nlohmann::json& message, const std::string& code);

} // namespace tosserp::sync::detail
