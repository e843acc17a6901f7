#pragma once

#include "domain/result.h"
#include "domain/security.h"
#include "server/db/database.h"
#include "server/stock/catalog_service.h"
#include "server/stock/inventory_service.h"
#include "sync/change.h"
#include "sync/command.h"
#include "sync/cursor.h"

#include <optional>
#include <string>
#include <vector>

namespace tosserp::syncserver {

/// The server side of replica sync for the Stock domain (see sync/PROTOCOL.md): pages of row
/// changes after a cursor — a snapshot for a fresh replica, then the tail of the event log —
/// scoped to what the caller may read; commands pushed by replicas, applied once each, in
/// order, with the same checks as the REST API; and checksums a replica compares itself
/// with. Thread-safe.
class SyncService {
public:
    SyncService(db::Database& stock, stock::CatalogService& catalog, stock::InventoryService& inventory);

    const std::string& serverId() const { return m_serverId; }

    /// The page after `cursor` (nullopt: start a snapshot). Refuses a cursor of another
    /// server or from the future (Conflict, the client re-syncs).
    domain::Result<sync::ChangePage> changes(
        const std::optional<sync::Cursor>& cursor, int limit, const domain::Principal& who) const;

    /// Applies each command in order; one answer per command.
    std::vector<sync::CommandResult> push(
        const std::vector<sync::Command>& commands, const domain::Principal& who, const events::EventContext& context);

    /// Per-table row counts and hash sums of what `who`'s replica should hold.
    nlohmann::json checksum(const domain::Principal& who) const;

private:
    sync::CommandResult apply(
        const sync::Command& command, const domain::Principal& who, const events::EventContext& context);
    sync::CommandResult updateProduct(const sync::Command& command, const events::EventContext& context);

    db::Database& m_db;
    stock::CatalogService& m_catalog;
    stock::InventoryService& m_inventory;
    std::string m_serverId;
};

} // namespace tosserp::syncserver
