#pragma once

#include "domain/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace tosserp::domain {

/// A physical site holding stock; its locations carry the balances.
struct Warehouse {
    static constexpr std::size_t kMaxCodeLength = 16;
    static constexpr std::size_t kMaxNameLength = 100;

    std::int64_t id = 0;
    std::string code;
    std::string name;
    bool active = true;
    std::int64_t version = 1;

    /// A new warehouse (id 0, version 1, active). The code is trimmed and upper-cased,
    /// then must be 1..16 characters of [A-Z0-9-] (Invalid "invalid_warehouse_code",
    /// field "code"); the name goes through validateName (field "name", ≤100).
    static Result<Warehouse> create(std::string_view code, std::string_view name);

    /// The code rule of create() on its own; returns the normalized code.
    static Result<std::string> normalizeCode(std::string_view code);

    friend bool operator==(const Warehouse&, const Warehouse&) = default;
};

} // namespace tosserp::domain
