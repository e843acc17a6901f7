#include "server/http/api.h"

#include "server/core/ids.h"
#include "server/core/page.h"

#include <openssl/evp.h>

#include <charconv>

namespace tosserp::http {

namespace {

std::optional<std::int64_t> positive(std::string_view text)
{
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

} // namespace

std::int64_t pathId(const Request& request, const std::string& name)
{
    const auto value = positive(request.param(name));
    if (!value) {
        throw ApiError(400, "invalid_id", "The id in the address must be a positive whole number.",
            { { name, "invalid_id", "Expected a positive integer." } });
    }
    return *value;
}

std::optional<std::int64_t> queryId(const Request& request, const std::string& name)
{
    const auto text = request.queryParam(name);
    if (!text) {
        return std::nullopt;
    }
    const auto value = positive(*text);
    if (!value) {
        throw ApiError(400, "invalid_query", "The query parameter " + name + " must be a positive whole number.",
            { { name, "invalid_type", "Expected a positive integer." } });
    }
    return value;
}

std::int64_t queryTime(const Request& request, const std::string& name)
{
    const auto text = request.queryParam(name);
    std::int64_t ms = 0;
    if (!text || !parseIsoTime(*text, ms)) {
        throw ApiError(400, "invalid_query",
            "The query parameter " + name + " must be a time such as 2026-11-25T00:00:00Z.",
            { { name, text ? "invalid_value" : "required", "Expected an ISO 8601 UTC time." } });
    }
    return ms;
}

Response countsResponse(std::int64_t sinceMs, const std::string& key, const std::map<std::string, std::int64_t>& counts)
{
    auto byName = nlohmann::json::object();
    std::int64_t total = 0;
    for (const auto& [name, count] : counts) {
        byName[name] = count;
        total += count;
    }
    return Response::json(200, { { "since", isoTime(sinceMs) }, { "total", total }, { key, std::move(byName) } });
}

std::optional<bool> queryBool(const Request& request, const std::string& name)
{
    const auto text = request.queryParam(name);
    if (!text) {
        return std::nullopt;
    }
    if (*text == "true") {
        return true;
    }
    if (*text == "false") {
        return false;
    }
    throw ApiError(400, "invalid_query", "The query parameter " + name + " must be true or false.",
        { { name, "invalid_type", "Expected true or false." } });
}

int pageLimit(const Request& request, int fallback, int max)
{
    const auto text = request.queryParam("limit");
    if (!text) {
        return fallback;
    }
    const auto value = positive(*text);
    if (!value || *value > max) {
        throw ApiError(400, "invalid_limit", "limit must be between 1 and " + std::to_string(max) + ".",
            { { "limit", "out_of_range", "Expected 1 to " + std::to_string(max) + "." } });
    }
    return static_cast<int>(*value);
}

std::int64_t cursorKey(const Request& request)
{
    const auto text = request.queryParam("cursor");
    if (!text) {
        return 0;
    }
    const auto key = decodeCursor(*text);
    if (!key) {
        throw ApiError(400, "invalid_cursor", "The cursor is not one this list handed out.",
            { { "cursor", "invalid_cursor", "Use next_cursor from the previous page." } });
    }
    return *key;
}

std::pair<std::int64_t, std::int64_t> cursorPair(const Request& request)
{
    const auto text = request.queryParam("cursor");
    if (!text) {
        return { 0, 0 };
    }
    const auto key = decodeCursorPair(*text);
    if (!key) {
        throw ApiError(400, "invalid_cursor", "The cursor is not one this list handed out.",
            { { "cursor", "invalid_cursor", "Use next_cursor from the previous page." } });
    }
    return *key;
}

std::optional<std::int64_t> ifMatchVersion(const Request& request)
{
    auto text = request.header("if-match");
    if (!text || *text == "*") {
        return std::nullopt;
    }
    std::string_view value = *text;
    if (value.rfind("W/", 0) == 0) {
        value.remove_prefix(2);
    }
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    const auto version = positive(value);
    if (!version) {
        throw ApiError(400, "invalid_if_match", "If-Match must carry an ETag this server handed out.");
    }
    return version;
}

std::string etag(std::int64_t version)
{
    return "\"" + std::to_string(version) + "\"";
}

events::EventContext eventContext(const Request& request)
{
    events::EventContext context;
    context.actor = request.principal ? request.principal->subject : "anonymous";
    // The request's trace ties together everything it causes, across the domains' events.
    context.correlationId = request.traceId.empty() ? request.requestId : request.traceId;
    return context;
}

void unwrap(const domain::Result<void>& result)
{
    if (!result.ok()) {
        throw fromDomain(result.error());
    }
}

nlohmann::json pageJson(nlohmann::json items, const std::optional<std::string>& nextCursor)
{
    return { { "items", std::move(items) },
        { "next_cursor", nextCursor ? nlohmann::json(*nextCursor) : nlohmann::json() } };
}

std::string sha256Hex(std::string_view text)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xf];
    }
    return out;
}

std::optional<IdempotencyKey> idempotencyKey(const Request& request)
{
    const auto header = request.header("idempotency-key");
    if (!header) {
        return std::nullopt;
    }
    if (header->empty() || header->size() > 200) {
        throw ApiError(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 200 characters.");
    }
    const auto caller = request.principal ? request.principal->subject : std::string("anonymous");
    // The same key on another route or resource is another request, not a repeat.
    return IdempotencyKey { caller + ":" + *header,
        sha256Hex(request.method + " " + request.path + "\n" + request.body) };
}

} // namespace tosserp::http
