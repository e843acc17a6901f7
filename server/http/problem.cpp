#include "server/http/problem.h"

namespace tosserp::http {

ApiError::ApiError(int status, std::string code, std::string detail, std::vector<FieldError> errors)
    : std::runtime_error(detail)
    , m_status(status)
    , m_code(std::move(code))
    , m_detail(std::move(detail))
    , m_errors(std::move(errors))
{ }

int statusFor(domain::ErrorKind kind)
{
    switch (kind) {
    case domain::ErrorKind::Invalid:
        return 422;
    case domain::ErrorKind::NotFound:
        return 404;
    case domain::ErrorKind::Conflict:
        return 409;
    case domain::ErrorKind::PreconditionFailed:
        return 412;
    case domain::ErrorKind::Forbidden:
        return 403;
    case domain::ErrorKind::Unprocessable:
        return 422;
    }
    return 500;
}

ApiError fromDomain(const domain::Error& error)
{
    std::vector<FieldError> fields;
    if (!error.field.empty()) {
        fields.push_back({ error.field, error.code, error.message });
    }
    return ApiError(statusFor(error.kind), error.code, error.message, std::move(fields));
}

std::string statusTitle(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

Response problemResponse(const ApiError& error, const std::string& requestId)
{
    nlohmann::json body = {
        { "type", "https://tosserp.dev/problems/" + error.code() },
        { "title", statusTitle(error.status()) },
        { "status", error.status() },
        { "code", error.code() },
        { "detail", error.detail() },
        { "instance", requestId },
    };
    if (!error.errors().empty()) {
        auto& list = body["errors"] = nlohmann::json::array();
        for (const auto& f : error.errors()) {
            list.push_back({ { "field", f.field }, { "code", f.code }, { "message", f.message } });
        }
    }
    for (const auto& [key, value] : error.extensions.items()) {
        body[key] = value;
    }
    Response r = Response::json(error.status(), body);
    r.contentType = "application/problem+json";
    r.headers = error.headers;
    return r;
}

ApiError invalidToken(std::string_view why)
{
    ApiError error(401, "invalid_token", "The access token is not valid: " + std::string(why) + ".");
    error.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"tosserp\", error=\"invalid_token\"");
    return error;
}

} // namespace tosserp::http
