#pragma once

#include "domain/result.h"
#include "server/core/idempotency.h"
#include "server/events/event_store.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"
#include "server/http/request.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace tosserp::http {

/// Helpers shared by the REST handlers: reading path and query parameters strictly,
/// unwrapping domain results, versions in ETag/If-Match, and the event context of a request.

/// The positive integer path parameter `name`; 400 "invalid_id" otherwise.
std::int64_t pathId(const Request& request, const std::string& name = "id");

/// An optional positive integer query parameter; 400 "invalid_query" when malformed.
std::optional<std::int64_t> queryId(const Request& request, const std::string& name);
/// A required ISO 8601 UTC time in the query ("2026-11-25T00:00:00Z"), as milliseconds;
/// 400 invalid_query naming it when missing or not such a time.
std::int64_t queryTime(const Request& request, const std::string& name);
/// The answer of a summary route: {"since", "total", `key`: {name: count}}.
Response countsResponse(
    std::int64_t sinceMs, const std::string& key, const std::map<std::string, std::int64_t>& counts);
/// An optional boolean query parameter ("true"/"false"); 400 "invalid_query" otherwise.
std::optional<bool> queryBool(const Request& request, const std::string& name);

/// `limit` (1..max, default `fallback`); 400 "invalid_limit" otherwise.
int pageLimit(const Request& request, int fallback, int max);
/// The key inside `cursor` (0 when absent); 400 "invalid_cursor" when it is not ours.
std::int64_t cursorKey(const Request& request);
std::pair<std::int64_t, std::int64_t> cursorPair(const Request& request);

/// The version named by If-Match ("3", W/"3"); nullopt when absent or "*"; 400 when malformed.
std::optional<std::int64_t> ifMatchVersion(const Request& request);
/// The strong ETag of a version: "\"3\"".
std::string etag(std::int64_t version);

/// Who is asking and which request this is, for the events the request causes.
events::EventContext eventContext(const Request& request);

/// The value of `result`, or throws the ApiError of its refusal.
template <class T> T unwrap(domain::Result<T> result)
{
    if (!result.ok()) {
        throw fromDomain(result.error());
    }
    return std::move(result).value();
}
void unwrap(const domain::Result<void>& result);

/// {"items": [...], "next_cursor": "..." | null}.
nlohmann::json pageJson(nlohmann::json items, const std::optional<std::string>& nextCursor);

/// Lower-case hex SHA-256 of `text`.
std::string sha256Hex(std::string_view text);

/// The request's Idempotency-Key qualified by its caller, with a hash of the method, path and
/// body; nullopt
/// without the header; 400 "invalid_idempotency_key" when it is empty or over 200 characters.
std::optional<IdempotencyKey> idempotencyKey(const Request& request);

} // namespace tosserp::http
