#include "server/http/json_body.h"

#include <cmath>
#include <set>

namespace tosserp::http {

namespace {

constexpr int kMaxDepth = 32;

std::string decimalText(const nlohmann::json& value)
{
    if (value.is_number_integer()) {
        return value.dump();
    }
    // A JSON decimal keeps its shortest round-trip text; the domain parses it exactly.
    return value.dump();
}

} // namespace

nlohmann::json parseJsonText(std::string_view text)
{
    if (text.empty()) {
        throw ApiError(400, "empty_body", "The request needs a JSON body.");
    }
    // Tracks the keys of each open object so a duplicate key is refused instead of the
    // last one silently winning.
    std::vector<std::set<std::string>> keys;
    bool duplicate = false;
    bool tooDeep = false;
    std::string duplicateKey;
    auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        if (depth > kMaxDepth) {
            tooDeep = true;
            return false;
        }
        if (event == E::object_start) {
            keys.emplace_back();
        } else if (event == E::object_end) {
            if (!keys.empty()) {
                keys.pop_back();
            }
        } else if (event == E::key && !keys.empty()) {
            const auto& key = parsed.get_ref<const std::string&>();
            if (!keys.back().insert(key).second) {
                duplicate = true;
                duplicateKey = key;
            }
        }
        return true;
    };
    nlohmann::json result;
    try {
        result = nlohmann::json::parse(text.begin(), text.end(), callback, true, false);
    } catch (const nlohmann::json::parse_error& e) {
        throw ApiError(400, "malformed_json", "The body is not valid JSON (at byte " + std::to_string(e.byte) + ").");
    }
    if (tooDeep) {
        throw ApiError(400, "json_too_deep", "The JSON body is nested too deeply.");
    }
    if (duplicate) {
        throw ApiError(400, "duplicate_key", "The JSON body repeats the key \"" + duplicateKey + "\".",
            { { duplicateKey, "duplicate_key", "This key appears more than once." } });
    }
    return result;
}

nlohmann::json parseJsonBody(const Request& request)
{
    const auto type = request.header("content-type").value_or("");
    const auto semicolon = type.find(';');
    std::string mediaType = type.substr(0, semicolon);
    while (!mediaType.empty() && mediaType.back() == ' ') {
        mediaType.pop_back();
    }
    for (auto& c : mediaType) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (mediaType != "application/json") {
        throw ApiError(415, "unsupported_media_type", "Send the body as application/json.");
    }
    return parseJsonText(request.body);
}

JsonReader::JsonReader(
    const nlohmann::json& object, std::initializer_list<std::string_view> allowed, std::string prefix)
    : m_object(object)
    , m_prefix(std::move(prefix))
    , m_isObject(object.is_object())
{
    if (!m_isObject) {
        addError(m_prefix.empty() ? "" : m_prefix, "invalid_type", "Expected a JSON object.");
        return;
    }
    for (const auto& [key, value] : object.items()) {
        (void)value;
        bool known = false;
        for (const auto name : allowed) {
            if (name == key) {
                known = true;
                break;
            }
        }
        if (!known) {
            addError(path(key), "unknown_field", "This field is not part of the request.");
        }
    }
}

std::string JsonReader::path(std::string_view key) const
{
    if (m_prefix.empty()) {
        return std::string(key);
    }
    return m_prefix + "." + std::string(key);
}

const nlohmann::json* JsonReader::find(std::string_view key) const
{
    if (!m_isObject) {
        return nullptr;
    }
    const auto it = m_object.find(std::string(key));
    return it == m_object.end() ? nullptr : &*it;
}

bool JsonReader::has(std::string_view key) const
{
    return find(key) != nullptr;
}

void JsonReader::addError(std::string field, std::string code, std::string message)
{
    m_errors.push_back({ std::move(field), std::move(code), std::move(message) });
}

void JsonReader::typeError(std::string_view key, std::string_view expected)
{
    addError(path(key), "invalid_type", "Expected " + std::string(expected) + ".");
}

std::string JsonReader::requiredString(std::string_view key)
{
    const auto* v = find(key);
    if (!v || v->is_null()) {
        if (m_isObject) {
            addError(path(key), "required", "This field is required.");
        }
        return {};
    }
    if (!v->is_string()) {
        typeError(key, "a string");
        return {};
    }
    return v->get<std::string>();
}

std::optional<std::string> JsonReader::optionalString(std::string_view key)
{
    const auto* v = find(key);
    if (!v) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        typeError(key, "a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::int64_t JsonReader::requiredInt(std::string_view key)
{
    const auto* v = find(key);
    if (!v || v->is_null()) {
        if (m_isObject) {
            addError(path(key), "required", "This field is required.");
        }
        return 0;
    }
    auto value = optionalInt(key);
    return value.value_or(0);
}

std::optional<std::int64_t> JsonReader::optionalInt(std::string_view key)
{
    const auto* v = find(key);
    if (!v) {
        return std::nullopt;
    }
    if (v->is_number_integer()) {
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
            typeError(key, "an integer in range");
            return std::nullopt;
        }
        return v->get<std::int64_t>();
    }
    typeError(key, "an integer");
    return std::nullopt;
}

std::optional<std::optional<std::int64_t>> JsonReader::optionalNullableInt(std::string_view key)
{
    const auto* v = find(key);
    if (!v) {
        return std::nullopt;
    }
    if (v->is_null()) {
        return std::optional<std::int64_t> {};
    }
    auto value = optionalInt(key);
    if (!value) {
        return std::nullopt;
    }
    return std::optional<std::int64_t> { *value };
}

std::optional<bool> JsonReader::optionalBool(std::string_view key)
{
    const auto* v = find(key);
    if (!v) {
        return std::nullopt;
    }
    if (!v->is_boolean()) {
        typeError(key, "true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<std::string> JsonReader::optionalDecimal(std::string_view key)
{
    const auto* v = find(key);
    if (!v) {
        return std::nullopt;
    }
    if (v->is_number()) {
        if (v->is_number_float() && !std::isfinite(v->get<double>())) {
            typeError(key, "a finite number");
            return std::nullopt;
        }
        return decimalText(*v);
    }
    if (v->is_string()) {
        return v->get<std::string>();
    }
    typeError(key, "a number or a decimal string");
    return std::nullopt;
}

std::string JsonReader::requiredDecimal(std::string_view key)
{
    const auto* v = find(key);
    if (!v || v->is_null()) {
        if (m_isObject) {
            addError(path(key), "required", "This field is required.");
        }
        return {};
    }
    return optionalDecimal(key).value_or("");
}

const nlohmann::json* JsonReader::optionalArray(std::string_view key)
{
    const auto* v = find(key);
    if (!v) {
        return nullptr;
    }
    if (!v->is_array()) {
        typeError(key, "an array");
        return nullptr;
    }
    return v;
}

const nlohmann::json* JsonReader::optionalObject(std::string_view key)
{
    const auto* v = find(key);
    if (!v) {
        return nullptr;
    }
    if (!v->is_object()) {
        typeError(key, "an object");
        return nullptr;
    }
    return v;
}

std::optional<std::vector<std::string>> JsonReader::optionalStringArray(std::string_view key)
{
    const auto* v = optionalArray(key);
    if (!v) {
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v->size(); ++i) {
        const auto& item = (*v)[i];
        if (!item.is_string()) {
            addError(path(key) + "[" + std::to_string(i) + "]", "invalid_type", "Expected a string.");
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::vector<FieldError> JsonReader::takeErrors()
{
    return std::move(m_errors);
}

void JsonReader::finish()
{
    throwIfErrors(takeErrors());
}

void throwIfErrors(std::vector<FieldError> errors)
{
    if (errors.empty()) {
        return;
    }
    std::string detail = errors.size() == 1 ? "The request has an invalid field: " + errors.front().field + "."
                                            : "The request has " + std::to_string(errors.size()) + " invalid fields.";
    throw ApiError(400, "invalid_request", detail, std::move(errors));
}

} // namespace tosserp::http
