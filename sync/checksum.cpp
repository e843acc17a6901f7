#include "sync/checksum.h"

#include "sync/cursor.h"
#include "sync/json_fields.h"

#include <cmath>
#include <limits>

namespace tosserp::sync {

namespace {

constexpr double kMaxUnits = 9e12;

} // namespace

std::int64_t rowHash(std::int64_t a, std::int64_t b)
{
    // Each term is below 1000003 * 104729 ≈ 1.05e11 in magnitude: no overflow.
    return ((a % kHashKeyModulus) * kHashFactorA + (b % kHashKeyModulus) * kHashFactorB) % kHashModulus;
}

std::int64_t rowHash3(std::int64_t a, std::int64_t b, std::int64_t c)
{
    const std::int64_t third = ((c % kHashModulus) + kHashModulus) % kHashModulus;
    return ((a % kHashKeyModulus) * kHashFactorA + (b % kHashKeyModulus) * kHashFactorB + third) % kHashModulus;
}

domain::Result<std::int64_t> quantityMilli(const nlohmann::json& quantity)
{
    if (quantity.is_number_integer()) {
        if (quantity.is_number_unsigned()) {
            const auto units = quantity.get<std::uint64_t>();
            if (static_cast<double>(units) > kMaxUnits)
                return domain::invalid("invalid_row", "The quantity is too large.", "quantity");
            return static_cast<std::int64_t>(units) * 1000;
        }
        const auto units = quantity.get<std::int64_t>();
        if (std::abs(static_cast<double>(units)) > kMaxUnits)
            return domain::invalid("invalid_row", "The quantity is too large.", "quantity");
        return units * 1000;
    }
    if (!quantity.is_number_float())
        return domain::invalid("invalid_row", "The quantity must be a number.", "quantity");
    const double units = quantity.get<double>();
    if (!std::isfinite(units) || std::abs(units) > kMaxUnits)
        return domain::invalid("invalid_row", "The quantity is not a finite number within range.", "quantity");
    return static_cast<std::int64_t>(std::llround(units * 1000.0));
}

domain::Result<std::int64_t> rowHashOf(std::string_view table, const nlohmann::json& row)
{
    if (!isSnapshotTable(table))
        return domain::invalid("unknown_table", "The table '" + std::string(table) + "' is not synced.", "table");
    if (!row.is_object())
        return domain::invalid("invalid_row", "A row must be a JSON object.");
    const detail::FieldReader reader(row, "invalid_row");
    constexpr auto kAny = std::numeric_limits<std::int64_t>::min();

    if (table == "stock_levels" || table == "reorder_points") {
        const bool stock = table == "stock_levels";
        auto productId = reader.integer("product_id", kAny);
        if (!productId)
            return productId.error();
        auto placeId = reader.integer(stock ? "location_id" : "warehouse_id", kAny);
        if (!placeId)
            return placeId.error();
        const char* quantityKey = stock ? "quantity" : "min_quantity";
        const auto* quantity = reader.find(quantityKey);
        if (!quantity)
            return reader.error(quantityKey, "is missing");
        auto milli = quantityMilli(*quantity);
        if (!milli)
            return domain::withField(milli.error(), quantityKey);
        return rowHash3(productId.value(), placeId.value(), milli.value());
    }

    auto id = reader.integer("id", kAny);
    if (!id)
        return id.error();
    if (table == "locations") {
        auto active = reader.boolean("active");
        if (!active)
            return active.error();
        return rowHash(id.value(), active.value() ? 2 : 1);
    }
    auto version = reader.integer("version", kAny);
    if (!version)
        return version.error();
    return rowHash(id.value(), version.value());
}

domain::Result<ChecksumReport> ChecksumReport::fromJson(const nlohmann::json& json)
{
    if (!json.is_object())
        return domain::invalid("invalid_checksum", "A checksum report must be a JSON object.");
    const detail::FieldReader reader(json, "invalid_checksum");
    auto position = reader.integer("position", 0);
    if (!position)
        return position.error();
    const auto* tables = reader.find("tables");
    if (!tables)
        return reader.error("tables", "is missing");
    if (!tables->is_object())
        return reader.error("tables", "must be an object");

    ChecksumReport report;
    report.position = position.value();
    for (const auto& [name, value] : tables->items()) {
        const std::string prefix = "tables." + name + ".";
        if (!isSnapshotTable(name)) {
            return domain::invalid(
                "unknown_table", "The checksum names table '" + name + "', which is not synced.", "tables." + name);
        }
        if (!value.is_object())
            return domain::invalid("invalid_checksum", "tables." + name + " must be an object.", "tables." + name);
        const detail::FieldReader tableReader(value, "invalid_checksum", prefix);
        auto count = tableReader.integer("count", 0);
        if (!count)
            return count.error();
        auto sum = tableReader.integer("sum", std::numeric_limits<std::int64_t>::min());
        if (!sum)
            return sum.error();
        report.tables[name] = TableChecksum { count.value(), sum.value() };
    }
    return report;
}

nlohmann::json toJson(const ChecksumReport& report)
{
    auto tables = nlohmann::json::object();
    for (const auto& [name, checksum] : report.tables)
        tables[name] = { { "count", checksum.count }, { "sum", checksum.sum } };
    return { { "position", report.position }, { "tables", std::move(tables) } };
}

std::vector<std::string> mismatchedTables(
    const std::map<std::string, TableChecksum>& expected, const std::map<std::string, TableChecksum>& actual)
{
    const auto lookup = [](const std::map<std::string, TableChecksum>& tables, const std::string& name) {
        const auto it = tables.find(name);
        return it == tables.end() ? TableChecksum {} : it->second;
    };
    std::vector<std::string> out;
    for (const auto& name : snapshotTables()) {
        if (lookup(expected, name) != lookup(actual, name))
            out.push_back(name);
    }
    return out;
}

} // namespace tosserp::sync
