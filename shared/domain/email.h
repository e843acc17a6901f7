#pragma once

#include "domain/result.h"

#include <string>
#include <string_view>

namespace tosserp::domain {

/// A syntactically plausible e-mail address: at most 254 characters, one '@', a local
/// part of 1..64 characters without spaces or control characters, and a domain of at
/// least two dot-separated labels of [A-Za-z0-9-] (1..63 characters, no leading or
/// trailing '-'). The domain is stored lower-cased; the local part as given.
class Email {
public:
    /// Trims, then validates; Invalid "invalid_email" (field "email") otherwise.
    static Result<Email> parse(std::string_view text);

    const std::string& value() const { return m_value; }

    friend bool operator==(const Email& a, const Email& b) { return a.m_value == b.m_value; }

private:
    explicit Email(std::string value)
        : m_value(std::move(value))
    { }

    std::string m_value;
};

} // namespace tosserp::domain
