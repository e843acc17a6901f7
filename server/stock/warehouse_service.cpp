#include "server/stock/warehouse_service.h"

#include "domain/events.h"
#include "server/core/ids.h"
#include "server/stock/db_timer.h"
#include "server/stock/stock_events.h"

namespace tosserp::stock {

using domain::Result;

namespace {

domain::Location readLocation(const db::Statement& q)
{
    domain::Location l;
    l.id = q.integer(0);
    l.warehouseId = q.optionalInteger(1);
    l.code = q.text(2);
    l.name = q.text(3);
    l.kind = domain::parseLocationKind(q.text(4)).value_or(domain::LocationKind::Internal);
    l.active = q.integer(5) != 0;
    return l;
}

domain::Warehouse readWarehouse(const db::Statement& q)
{
    domain::Warehouse w;
    w.id = q.integer(0);
    w.code = q.text(1);
    w.name = q.text(2);
    w.active = q.integer(3) != 0;
    w.version = q.integer(4);
    return w;
}

constexpr const char* kLocationColumns = "SELECT id, warehouse_id, code, name, kind, active FROM locations ";
constexpr const char* kWarehouseColumns = "SELECT id, code, name, active, version FROM warehouses ";

domain::Error noWarehouse(std::int64_t id)
{
    return domain::notFound("warehouse_not_found", "There is no warehouse " + std::to_string(id) + ".");
}

domain::Error noLocation(std::int64_t id)
{
    return domain::notFound("location_not_found", "There is no location " + std::to_string(id) + ".");
}

/// Inserts a location and returns it with its id.
domain::Location insertLocation(db::Connection& c, domain::Location location)
{
    db::Value warehouse = nullptr;
    if (location.warehouseId) {
        warehouse = *location.warehouseId;
    }
    location.id = c.prepare("INSERT INTO locations (warehouse_id, code, name, kind, active, created_at) VALUES (?, ?, "
                            "?, ?, 1, ?) RETURNING id")
                      .bindAll({ warehouse, location.code, location.name,
                          std::string(domain::locationKindName(location.kind)), nowMs() })
                      .insertedKey();
    return location;
}

} // namespace

std::optional<domain::Location> loadLocation(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare(std::string(kLocationColumns) + "WHERE id = ?");
    q.bind(1, id);
    std::optional<domain::Location> result;
    if (q.step()) {
        result = readLocation(q);
    }
    q.reset();
    return result;
}

std::vector<domain::Location> loadLocations(db::Connection& c, std::int64_t first, std::int64_t second)
{
    auto& q = c.prepare(std::string(kLocationColumns) + "WHERE id IN (?1, ?2)");
    q.bindAll({ first, second });
    std::vector<domain::Location> found;
    while (q.step()) {
        found.push_back(readLocation(q));
    }
    q.reset();
    return found;
}

std::optional<domain::Warehouse> loadWarehouse(db::Connection& c, std::int64_t id)
{
    auto& q = c.prepare(std::string(kWarehouseColumns) + "WHERE id = ?");
    q.bind(1, id);
    std::optional<domain::Warehouse> result;
    if (q.step()) {
        result = readWarehouse(q);
    }
    q.reset();
    return result;
}

WarehouseService::WarehouseService(db::Database& database)
    : m_db(database)
{ }

Result<domain::Warehouse> WarehouseService::createWarehouse(
    std::string_view code, std::string_view name, const events::EventContext& context)
{
    auto created = domain::Warehouse::create(code, name);
    if (!created) {
        return created.error();
    }
    DbTimer timer("warehouse.create");
    return m_db.write([&](db::Connection& c) -> Result<domain::Warehouse> {
        auto warehouse = created.value();
        auto& taken = c.prepare("SELECT 1 FROM warehouses WHERE code = ?");
        taken.bind(1, warehouse.code);
        const bool exists = taken.step();
        taken.reset();
        if (exists) {
            return domain::conflict(
                "duplicate_warehouse_code", "Another warehouse already has the code " + warehouse.code + ".", "code");
        }
        warehouse.id = c.prepare("INSERT INTO warehouses (code, name, active, version, created_at) VALUES (?, ?, 1, 1, "
                                 "?) RETURNING id")
                           .bindAll({ warehouse.code, warehouse.name, nowMs() })
                           .insertedKey();
        appendEvent(c, domain::WarehouseCreated { warehouse }, context);
        auto stock = domain::Location::create(warehouse.id, "STOCK", "Stock", domain::LocationKind::Internal).value();
        appendEvent(c, domain::LocationCreated { insertLocation(c, stock) }, context);
        return warehouse;
    });
}

Result<domain::Warehouse> WarehouseService::updateWarehouse(std::int64_t id, const std::optional<std::string>& name,
    std::optional<bool> active, std::optional<std::int64_t> expectedVersion, const events::EventContext& context)
{
    DbTimer timer("warehouse.update");
    return m_db.write([&](db::Connection& c) -> Result<domain::Warehouse> {
        auto current = loadWarehouse(c, id);
        if (!current) {
            return noWarehouse(id);
        }
        if (expectedVersion && *expectedVersion != current->version) {
            return domain::preconditionFailed("version_mismatch", "The warehouse changed since it was read.");
        }
        auto updated = *current;
        std::vector<std::string> changed;
        if (name) {
            auto checked = domain::Warehouse::create(current->code, *name);
            if (!checked) {
                return checked.error();
            }
            if (checked.value().name != current->name) {
                updated.name = checked.value().name;
                changed.push_back("name");
            }
        }
        if (active && *active != current->active) {
            updated.active = *active;
            changed.push_back("active");
        }
        if (changed.empty()) {
            return updated;
        }
        updated.version = current->version + 1;
        c.prepare("UPDATE warehouses SET name = ?, active = ?, version = ? WHERE id = ?")
            .bindAll({ updated.name, std::int64_t { updated.active ? 1 : 0 }, updated.version, id })
            .run();
        appendEvent(c, domain::WarehouseUpdated { updated, changed }, context);
        return updated;
    });
}

Result<domain::Warehouse> WarehouseService::warehouse(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadWarehouse(c, id); });
    if (!found) {
        return noWarehouse(id);
    }
    return *found;
}

std::vector<domain::Warehouse> WarehouseService::warehouses() const
{
    return m_db.read([&](db::Connection& c) {
        std::vector<domain::Warehouse> out;
        auto& q = c.prepare(std::string(kWarehouseColumns) + "ORDER BY id");
        while (q.step()) {
            out.push_back(readWarehouse(q));
        }
        q.reset();
        return out;
    });
}

Result<domain::Location> WarehouseService::createLocation(std::optional<std::int64_t> warehouseId,
    std::string_view code, std::string_view name, std::string_view kind, const events::EventContext& context)
{
    const auto parsedKind = domain::parseLocationKind(kind.empty() ? "internal" : kind);
    if (!parsedKind
        || (*parsedKind != domain::LocationKind::Internal && *parsedKind != domain::LocationKind::Transit)) {
        return domain::invalid("invalid_location_kind", "A new location is \"internal\" or \"transit\".", "kind");
    }
    auto created = domain::Location::create(warehouseId, code, name, *parsedKind);
    if (!created) {
        return created.error();
    }
    DbTimer timer("location.create");
    return m_db.write([&](db::Connection& c) -> Result<domain::Location> {
        const auto& location = created.value();
        if (!loadWarehouse(c, *location.warehouseId)) {
            return domain::unprocessable("warehouse_not_found",
                "There is no warehouse " + std::to_string(*location.warehouseId) + ".", "warehouse_id");
        }
        auto& taken = c.prepare("SELECT 1 FROM locations WHERE warehouse_id = ? AND code = ?");
        taken.bindAll({ *location.warehouseId, location.code });
        const bool exists = taken.step();
        taken.reset();
        if (exists) {
            return domain::conflict(
                "duplicate_location_code", "The warehouse already has a location " + location.code + ".", "code");
        }
        auto stored = insertLocation(c, location);
        appendEvent(c, domain::LocationCreated { stored }, context);
        return stored;
    });
}

Result<domain::Location> WarehouseService::updateLocation(std::int64_t id, const std::optional<std::string>& name,
    std::optional<bool> active, const events::EventContext& context)
{
    DbTimer timer("location.update");
    return m_db.write([&](db::Connection& c) -> Result<domain::Location> {
        auto current = loadLocation(c, id);
        if (!current) {
            return noLocation(id);
        }
        if (domain::isVirtual(current->kind) && current->kind != domain::LocationKind::Transit) {
            return domain::conflict("virtual_location", "The virtual locations cannot be changed.");
        }
        auto updated = *current;
        std::vector<std::string> changed;
        if (name) {
            auto checked = domain::Location::create(current->warehouseId, current->code, *name, current->kind);
            if (!checked) {
                return checked.error();
            }
            if (checked.value().name != current->name) {
                updated.name = checked.value().name;
                changed.push_back("name");
            }
        }
        if (active && *active != current->active) {
            updated.active = *active;
            changed.push_back("active");
        }
        if (changed.empty()) {
            return updated;
        }
        c.prepare("UPDATE locations SET name = ?, active = ? WHERE id = ?")
            .bindAll({ updated.name, std::int64_t { updated.active ? 1 : 0 }, id })
            .run();
        appendEvent(c, domain::LocationUpdated { updated, changed }, context);
        return updated;
    });
}

Result<domain::Location> WarehouseService::location(std::int64_t id) const
{
    auto found = m_db.read([&](db::Connection& c) { return loadLocation(c, id); });
    if (!found) {
        return noLocation(id);
    }
    return *found;
}

std::vector<domain::Location> WarehouseService::locations(std::optional<std::int64_t> warehouseId) const
{
    return m_db.read([&](db::Connection& c) {
        std::vector<domain::Location> out;
        db::Value filter = nullptr;
        if (warehouseId) {
            filter = *warehouseId;
        }
        auto& q = c.prepare(std::string(kLocationColumns) + "WHERE (?1 IS NULL OR warehouse_id = ?1) ORDER BY id");
        q.bind(1, filter);
        while (q.step()) {
            out.push_back(readLocation(q));
        }
        q.reset();
        return out;
    });
}

} // namespace tosserp::stock
