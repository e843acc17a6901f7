#pragma once

#include "sync/change.h"
#include "sync/command.h"

#include <QSqlDatabase>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tosserp::client {

/// Why opening or using a replica failed; `what()` says it for people.
class ReplicaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A command waiting in the outbox, or one the server refused.
struct OutboxEntry {
    std::int64_t seq = 0;
    std::string id;
    std::string type;
    nlohmann::json payload;
    std::string state; // pending, acked, rejected, conflict
    int attempts = 0;
    std::string lastError;
};

/// A field both this replica and the server changed: kept until a person picks one.
struct ConflictEntry {
    std::int64_t id = 0;
    std::string commandId;
    std::int64_t productId = 0;
    std::string field;
    nlohmann::json base, mine, theirs;
    std::string resolution; // empty while open, "mine" or "theirs"
};

/// Stock of one product at one location as this replica shows it: the server's figure plus
/// the effect of commands not yet confirmed.
struct LocalLevel {
    std::int64_t productId = 0;
    std::string sku;
    std::string name;
    std::int64_t locationId = 0;
    std::string locationCode;
    std::int64_t warehouseId = 0;
    std::int64_t serverMilli = 0;
    std::int64_t pendingMilli = 0;
    std::string unit;
};

/// Stock on hand (the server's figures plus pending work, internal locations only) summed
/// by the database for the dashboard: one group per warehouse and unit price, the products
/// with most units, and how many reorder points are not met.
struct StockFigures {
    struct ValueGroup {
        std::int64_t warehouseId = 0;
        std::string currency;
        std::string amount; ///< the unit price as the product row holds it
        std::int64_t milli = 0;
    };
    std::vector<ValueGroup> value;
    /// Product names and their units on hand (thousandths), most first.
    std::vector<std::pair<std::string, std::int64_t>> top;
    std::int64_t belowReorder = 0;
};

/// The local SQLite replica (through Qt Sql): the synced tables exactly as the server sent
/// them, the sync cursor, the outbox of commands with their optimistic effects, and the
/// conflicts. What a person sees is server truth plus local intent: pending effects are
/// added on read, so a new server state rebases them by itself. Every change is one
/// transaction; a killed process loses nothing it confirmed. Not thread-safe: one thread
/// owns a Replica.
class Replica {
public:
    /// Opens (creating and migrating) the replica file. Throws ReplicaError for a file that is
    /// not a replica, is corrupt, or was written by a newer version of TossErp.
    explicit Replica(const QString& path);
    ~Replica();
    Replica(const Replica&) = delete;
    Replica& operator=(const Replica&) = delete;

    std::string meta(const std::string& key) const;
    void setMeta(const std::string& key, const std::string& value);

    /// Applies a page and stores its next cursor in one transaction. With `complete` (the
    /// page that reached the end of the server's changes), acknowledged commands are
    /// forgotten in the same transaction: their effects are in the server's figures now.
    void applyPage(const sync::ChangePage& page, bool complete);
    /// Forgets everything synced (a re-sync from a snapshot follows); keeps the outbox.
    void resetSyncedData();

    /// Appends a command and its effect on stock levels in one transaction; returns its id.
    std::string enqueue(sync::CommandType type, const nlohmann::json& payload);
    std::vector<OutboxEntry> outbox(const std::vector<std::string>& states, int limit = 1000) const;
    /// Records the server's answers in one transaction.
    void recordResults(const std::vector<sync::CommandResult>& results);
    void markAttempt(const std::vector<std::string>& ids, const std::string& error);

    std::vector<ConflictEntry> conflicts(bool openOnly = true) const;
    /// Keeps the local value (a new edit against the server's current value is queued) or
    /// the server's (nothing is sent). Returns false for an unknown or closed conflict.
    bool resolveConflict(std::int64_t id, bool keepMine);

    /// The product row as synced, with pending local edits applied; nullopt when unknown.
    std::optional<nlohmann::json> product(std::int64_t id) const;
    std::optional<nlohmann::json> productBySku(const std::string& sku) const;
    std::optional<nlohmann::json> productByBarcode(const std::string& code) const;
    /// The product a person or a scanner named: by SKU, else by barcode (surrounding spaces ignored).
    std::optional<nlohmann::json> productByCode(const std::string& code) const;
    /// Products whose name, SKU or barcode contains `text` (full-text, trigram), at most `limit`.
    std::vector<nlohmann::json> search(
        const std::string& text, int limit, std::optional<std::int64_t> categoryId = std::nullopt) const;
    std::optional<nlohmann::json> location(std::int64_t id) const;
    std::vector<nlohmann::json> rows(const std::string& table, int limit = 100000) const;
    /// The first `limit` products (as synced) in `order` ("sku", "name" or "" for the order they
    /// were created), of one category when `categoryId` is set.
    std::vector<nlohmann::json> products(
        const std::string& order, std::optional<std::int64_t> categoryId, int limit) const;
    /// Calls `visit` with every product row as synced, in id order, reading them one at a time
    /// (for exports of any size).
    void forEachProduct(const std::function<void(const nlohmann::json&)>& visit) const;
    /// Levels as this replica shows them, by product and location, at most `limit` (the
    /// first ones: a merge of two ordered lists, so a limit reads only what it returns).
    std::vector<LocalLevel> levels(std::optional<std::int64_t> productId = std::nullopt, int limit = -1) const;
    /// What this replica shows on hand for one product at one location, in thousandths:
    /// the server's figure plus pending work.
    std::int64_t shownMilli(std::int64_t productId, std::int64_t locationId) const;
    std::int64_t count(const std::string& table) const;
    /// The dashboard's sums, computed in SQL (one pass over the levels for the value, one for
    /// the `top` products).
    StockFigures stockFigures(int top = 5) const;
    /// Commands queued and not yet answered by the server.
    std::int64_t pendingCommands() const;
    /// Conflicts waiting for a person's choice.
    std::int64_t openConflicts() const;
    /// Per-table count and hash sum, computed like the server's /sync/checksum.
    nlohmann::json checksum() const;
    /// The result of PRAGMA integrity_check ("ok" when sound).
    std::string integrityCheck() const;

    QSqlDatabase& database() { return m_db; }

private:
    void exec(const QString& sql) const;
    void applyChange(const sync::Change& change);
    /// The prepared statement for `sql`, kept for the replica's lifetime (applying a page runs
    /// the same few statements thousands of times).
    QSqlQuery& statement(const QString& sql);

    QString m_connection;
    QSqlDatabase m_db;
    std::map<QString, QSqlQuery> m_statements;
    /// True while a snapshot fills empty tables: every key arrives once, so nothing is deleted
    /// first, and the search and catalog indexes are built once at the end.
    bool m_deferIndex = false;
};

/// The replica schema version this build writes.
inline constexpr int kReplicaSchemaVersion = 1;
/// Creates or migrates the schema; throws ReplicaError for a newer one.
void migrateReplica(QSqlDatabase& db);
/// The catalog's secondary indexes (SKU, name, barcode), dropped while a snapshot fills an
/// empty replica and built again when it is complete.
void dropCatalogIndexes(QSqlDatabase& db);
void createCatalogIndexes(QSqlDatabase& db);

} // namespace tosserp::client
