#pragma once

#include "domain/error.h"
#include "server/http/request.h"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::http {

/// One offending field of a request: `field` is a JSON path such as "price.amount" or
/// "movements[3].quantity"; `code` is stable; `message` is for people.
struct FieldError {
    std::string field;
    std::string code;
    std::string message;
};

/// The one exception type handlers throw for an expected refusal. The server turns it into
/// an `application/problem+json` response (RFC 9457) with a stable `code` and, where fields
/// are at fault, an `errors` list.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, std::string code, std::string detail, std::vector<FieldError> errors = {});

    int status() const { return m_status; }
    const std::string& code() const { return m_code; }
    const std::string& detail() const { return m_detail; }
    const std::vector<FieldError>& errors() const { return m_errors; }
    std::vector<std::pair<std::string, std::string>> headers;
    /// Extra members of the problem document (e.g. the sync client's next "action").
    nlohmann::json extensions = nlohmann::json::object();

private:
    int m_status;
    std::string m_code;
    std::string m_detail;
    std::vector<FieldError> m_errors;
};

/// The one table from domain error kinds to HTTP statuses.
int statusFor(domain::ErrorKind kind);

/// An ApiError for a refusal of the domain layer (status from `statusFor`).
ApiError fromDomain(const domain::Error& error);

/// The problem+json response for `error`; `instance` is the request id.
Response problemResponse(const ApiError& error, const std::string& requestId);

/// The standard title of an HTTP status ("Not Found").
std::string statusTitle(int status);

/// 401 invalid_token for a bearer token that is not valid, saying `why`, with its
/// WWW-Authenticate challenge (the Users service and the gateway answer alike).
ApiError invalidToken(std::string_view why);

} // namespace tosserp::http
