#include "domain/error.h"

#include <utility>

namespace tosserp::domain {

std::string_view errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid:
        return "invalid";
    case ErrorKind::NotFound:
        return "not_found";
    case ErrorKind::Conflict:
        return "conflict";
    case ErrorKind::PreconditionFailed:
        return "precondition_failed";
    case ErrorKind::Forbidden:
        return "forbidden";
    case ErrorKind::Unprocessable:
        return "unprocessable";
    }
    return "invalid";
}

Error invalid(std::string code, std::string message, std::string field)
{
    return Error { ErrorKind::Invalid, std::move(code), std::move(message), std::move(field) };
}

Error notFound(std::string code, std::string message)
{
    return Error { ErrorKind::NotFound, std::move(code), std::move(message), {} };
}

Error conflict(std::string code, std::string message, std::string field)
{
    return Error { ErrorKind::Conflict, std::move(code), std::move(message), std::move(field) };
}

Error unprocessable(std::string code, std::string message, std::string field)
{
    return Error { ErrorKind::Unprocessable, std::move(code), std::move(message), std::move(field) };
}

Error preconditionFailed(std::string code, std::string message)
{
    return Error { ErrorKind::PreconditionFailed, std::move(code), std::move(message), {} };
}

Error forbidden(std::string code, std::string message)
{
    return Error { ErrorKind::Forbidden, std::move(code), std::move(message), {} };
}

Error withField(Error error, std::string field)
{
    error.field = std::move(field);
    return error;
}

} // namespace tosserp::domain
