#pragma once

#include "domain/location.h"
#include "domain/result.h"
#include "domain/warehouse.h"
#include "server/db/database.h"
#include "server/events/event_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tosserp::stock {

/// Warehouses and their locations. A new warehouse gets an internal location "STOCK" so it
/// can receive goods at once. Every change runs in one write transaction with its event.
/// Thread-safe.
class WarehouseService {
public:
    explicit WarehouseService(db::Database& database);

    /// Refuses a code already in use ("duplicate_warehouse_code", Conflict).
    domain::Result<domain::Warehouse> createWarehouse(
        std::string_view code, std::string_view name, const events::EventContext& context);
    domain::Result<domain::Warehouse> updateWarehouse(std::int64_t id, const std::optional<std::string>& name,
        std::optional<bool> active, std::optional<std::int64_t> expectedVersion, const events::EventContext& context);
    domain::Result<domain::Warehouse> warehouse(std::int64_t id) const;
    std::vector<domain::Warehouse> warehouses() const;

    /// Only internal and transit locations can be created; the virtual supplier, customer
    /// and adjustment locations exist once per database.
    domain::Result<domain::Location> createLocation(std::optional<std::int64_t> warehouseId, std::string_view code,
        std::string_view name, std::string_view kind, const events::EventContext& context);
    domain::Result<domain::Location> updateLocation(std::int64_t id, const std::optional<std::string>& name,
        std::optional<bool> active, const events::EventContext& context);
    domain::Result<domain::Location> location(std::int64_t id) const;
    /// All locations, or those of one warehouse.
    std::vector<domain::Location> locations(std::optional<std::int64_t> warehouseId) const;

private:
    db::Database& m_db;
};

/// Loads a location inside an open transaction.
std::optional<domain::Location> loadLocation(db::Connection& connection, std::int64_t id);
/// The locations `first` and `second` that exist, read in one statement.
std::vector<domain::Location> loadLocations(db::Connection& connection, std::int64_t first, std::int64_t second);
/// Loads a warehouse inside an open transaction.
std::optional<domain::Warehouse> loadWarehouse(db::Connection& connection, std::int64_t id);

} // namespace tosserp::stock
