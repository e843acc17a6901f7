#pragma once

#include "domain/security.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tosserp::http {

/// An HTTP request as the handlers see it: already read in full (within the body limit),
/// with decoded query parameters and the path parameters of the matched route.
struct Request {
    std::string method;
    std::string path;
    std::multimap<std::string, std::string> query;
    std::map<std::string, std::string> headers; // names lower-cased
    std::map<std::string, std::string> params;
    std::string body;
    std::string requestId;
    /// W3C Trace Context: the trace this request belongs to (the caller's `traceparent`, or a
    /// new one), the span this server gives it, and the caller's span ("" when none).
    std::string traceId;
    std::string spanId;
    std::string parentSpanId;
    std::string traceFlags = "01";
    std::string clientAddress;
    /// Who is calling, set by the front door before the handler runs (absent on public routes
    /// called without credentials).
    std::shared_ptr<const domain::Principal> principal;

    std::optional<std::string> header(std::string_view name) const;
    std::optional<std::string> queryParam(std::string_view name) const;
    const std::string& param(const std::string& name) const;
};

/// What a handler answers. `headers` are added to the response as given.
struct Response {
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    static Response json(int status, const nlohmann::json& body);
    static Response noContent();
    Response& withHeader(std::string name, std::string value);
};

/// Splits a raw query string into decoded name/value pairs. Malformed percent-escapes are
/// kept literally.
std::multimap<std::string, std::string> parseQuery(std::string_view rawQuery);
std::string percentDecode(std::string_view text);
/// The tokens of a comma-separated header value (Connection, …), trimmed and lower-cased;
/// empty ones left out.
std::vector<std::string> headerTokens(std::string_view value);

} // namespace tosserp::http
