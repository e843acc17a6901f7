#pragma once

#include <string>
#include <string_view>

namespace tosserp::domain {

/// What kind of failure an Error is; the server maps each kind to one HTTP status.
enum class ErrorKind {
    Invalid, ///< the input is malformed or out of range (400/422 on the wire)
    NotFound, ///< a referenced entity does not exist
    Conflict, ///< the request clashes with current state (duplicate, cycle, wrong state)
    PreconditionFailed, ///< an expected version did not match
    Forbidden, ///< the caller may not do this
    Unprocessable, ///< a business rule refuses a well-formed request (e.g. insufficient stock)
};

/// Stable snake_case name of a kind ("invalid", "not_found", ...).
std::string_view errorKindName(ErrorKind kind);

/// An expected failure, returned as a value. `code` is a stable snake_case identifier
/// for programs, `message` an English sentence for people, `field` the offending JSON
/// field (e.g. "price.currency") or empty when the error is not about one field.
struct Error {
    ErrorKind kind = ErrorKind::Invalid;
    std::string code;
    std::string message;
    std::string field;

    friend bool operator==(const Error&, const Error&) = default;
};

/// Builds an Invalid error.
Error invalid(std::string code, std::string message, std::string field = {});
/// Builds a NotFound error.
Error notFound(std::string code, std::string message);
/// Builds a Conflict error.
Error conflict(std::string code, std::string message, std::string field = {});
/// Builds an Unprocessable error (a business rule refused the request).
Error unprocessable(std::string code, std::string message, std::string field = {});
/// Builds a PreconditionFailed error (e.g. stale version).
Error preconditionFailed(std::string code, std::string message);
/// Builds a Forbidden error.
Error forbidden(std::string code, std::string message);

/// Returns `error` with its field replaced; used when a value object error is reported
/// against the JSON field that held the value.
Error withField(Error error, std::string field);

} // namespace tosserp::domain
