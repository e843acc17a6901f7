#include "sync/json_fields.h"

#include "sync/protocol.h"

#include <limits>
#include <utility>

namespace tosserp::sync::detail {

const nlohmann::json* FieldReader::find(std::string_view key) const
{
    if (!m_object.is_object())
        return nullptr;
    const auto it = m_object.find(key);
    return it == m_object.end() ? nullptr : &*it;
}

domain::Result<std::string> FieldReader::string(std::string_view key, bool allowEmpty) const
{
    const auto* value = find(key);
    if (!value)
        return error(key, "is missing");
    if (!value->is_string())
        return error(key, "must be a string");
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty() && !allowEmpty)
        return error(key, "must not be empty");
    return text;
}

domain::Result<std::string> FieldReader::optionalString(std::string_view key) const
{
    const auto* value = find(key);
    if (!value || value->is_null())
        return std::string();
    if (!value->is_string())
        return error(key, "must be a string when present");
    return value->get<std::string>();
}

domain::Result<std::int64_t> FieldReader::integer(std::string_view key, std::int64_t minimum) const
{
    const auto* value = find(key);
    if (!value)
        return error(key, "is missing");
    // A float (even 3.0) is refused: integers on this wire are written as integers.
    if (!value->is_number_integer())
        return error(key, "must be an integer");
    std::int64_t number = 0;
    if (value->is_number_unsigned()) {
        const auto raw = value->get<std::uint64_t>();
        if (raw > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return error(key, "is too large");
        number = static_cast<std::int64_t>(raw);
    } else {
        number = value->get<std::int64_t>();
    }
    if (number < minimum)
        return error(key, "must be at least " + std::to_string(minimum));
    return number;
}

domain::Result<bool> FieldReader::boolean(std::string_view key) const
{
    const auto* value = find(key);
    if (!value)
        return error(key, "is missing");
    if (!value->is_boolean())
        return error(key, "must be true or false");
    return value->get<bool>();
}

domain::Error FieldReader::error(std::string_view key, std::string message) const
{
    const auto field = path(key);
    return domain::invalid(m_code, field + " " + message + ".", field);
}

domain::Error prefixed(domain::Error error, const std::string& prefix)
{
    error.field = error.field.empty() ? prefix.substr(0, prefix.size() - 1) : prefix + error.field;
    return error;
}

std::string elementPrefix(std::string_view name, std::size_t index)
{
    return std::string(name) + "[" + std::to_string(index) + "].";
}

domain::Result<void> checkProtocol(const nlohmann::json& message, const std::string& code)
{
    const FieldReader reader(message, code);
    auto protocol = reader.integer("protocol", std::numeric_limits<std::int64_t>::min());
    if (!protocol)
        return protocol.error();
    if (protocol.value() != kProtocolVersion) {
        return domain::invalid("protocol_unsupported",
            "The message speaks sync protocol " + std::to_string(protocol.value()) + "; this build speaks "
                + std::to_string(kProtocolVersion) + ".",
            "protocol");
    }
    return {};
}

} // namespace tosserp::sync::detail
