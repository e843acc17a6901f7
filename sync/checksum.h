#pragma once

// Replica checksums (GET /api/v1/sync/checksum). The server sums an integer hash of every
// row in the caller's scope, per table; the replica computes the same over its rows; a
// replica whose counts or sums differ drops its data and pulls a fresh snapshot. The hash
// is plain integer arithmetic so SQL (SQLite, PostgreSQL bigint) computes it too; the
// formulas below are the definition, repeated in sync/PROTOCOL.md. `%` truncates toward
// zero, as in C++, SQLite and PostgreSQL.

#include "domain/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::sync {

inline constexpr std::int64_t kHashModulus = 1000000007;
inline constexpr std::int64_t kHashKeyModulus = 1000003;
inline constexpr std::int64_t kHashFactorA = 7919;
inline constexpr std::int64_t kHashFactorB = 104729;

/// ((a % 1000003) * 7919 + (b % 1000003) * 104729) % 1000000007 — for products,
/// categories and warehouses (a = id, b = version) and locations (a = id,
/// b = active ? 2 : 1). In [0, 1000000007) for a, b >= 0; never overflows for any int64.
std::int64_t rowHash(std::int64_t a, std::int64_t b);

/// ((a % 1000003) * 7919 + (b % 1000003) * 104729
///   + ((c % 1000000007) + 1000000007) % 1000000007) % 1000000007 — for stock_levels
/// (product_id, location_id, quantity_milli) and reorder_points (product_id, warehouse_id,
/// min_milli). `c` may be negative; never overflows for any int64.
std::int64_t rowHash3(std::int64_t a, std::int64_t b, std::int64_t c);

/// A quantity of a row (a JSON number of units, as domain::quantityToJson writes it) in
/// thousandths, rounded to the nearest; Invalid "invalid_row" for a non-number or a
/// magnitude beyond 9e12 units.
domain::Result<std::int64_t> quantityMilli(const nlohmann::json& quantity);

/// The hash of `row` (REST API shape) of `table`: Invalid "unknown_table" (field "table"),
/// or "invalid_row" (field names the member) when a member the hash needs is missing or
/// of the wrong type.
domain::Result<std::int64_t> rowHashOf(std::string_view table, const nlohmann::json& row);

/// Row count and hash sum of one table. The sum of fewer than 9e9 hashes fits an int64.
struct TableChecksum {
    std::int64_t count = 0;
    std::int64_t sum = 0;

    /// Counts one row with hash `hash`.
    void add(std::int64_t hash)
    {
        ++count;
        sum += hash;
    }

    friend bool operator==(const TableChecksum&, const TableChecksum&) = default;
};

/// The answer to GET /api/v1/sync/checksum: {"position": P, "tables": {"products":
/// {"count": N, "sum": S}, …}} — what a replica whose cursor is at event P should hold.
struct ChecksumReport {
    std::int64_t position = 0;
    std::map<std::string, TableChecksum> tables;

    /// Reads a report. Invalid "invalid_checksum" (field names the member) when a member is
    /// missing or of the wrong type, or a count is negative; "unknown_table" (field
    /// "tables.<name>") for a table that is not a snapshot table.
    static domain::Result<ChecksumReport> fromJson(const nlohmann::json& json);

    friend bool operator==(const ChecksumReport&, const ChecksumReport&) = default;
};

nlohmann::json toJson(const ChecksumReport& report);

/// The snapshot tables whose checksums differ between `expected` (the server's) and
/// `actual` (the replica's), a table absent from one side counting as {0, 0}; in snapshot
/// order. Empty when the replica matches.
std::vector<std::string> mismatchedTables(
    const std::map<std::string, TableChecksum>& expected, const std::map<std::string, TableChecksum>& actual);

} // namespace tosserp::sync
