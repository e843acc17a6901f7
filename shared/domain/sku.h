#pragma once

#include "domain/result.h"

#include <string>
#include <string_view>

namespace tosserp::domain {

/// A stock-keeping unit code: 1..64 characters from [A-Za-z0-9-_./], starting with a
/// letter or digit, surrounding whitespace removed. Case is kept as given.
class Sku {
public:
    static constexpr std::size_t kMaxLength = 64;

    /// Trims, then validates; Invalid "invalid_sku" (field "sku") otherwise.
    static Result<Sku> parse(std::string_view text);

    const std::string& value() const { return m_value; }

    friend bool operator==(const Sku& a, const Sku& b) { return a.m_value == b.m_value; }
    friend bool operator<(const Sku& a, const Sku& b) { return a.m_value < b.m_value; }

private:
    explicit Sku(std::string value)
        : m_value(std::move(value))
    { }

    std::string m_value;
};

} // namespace tosserp::domain
