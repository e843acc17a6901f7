#pragma once

#include "domain/result.h"
#include "sync/cursor.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tosserp::sync {

/// What a change does to the replica's row with its key.
enum class ChangeOp {
    Upsert, ///< insert the row, or replace the row with the same key (idempotent)
    Delete, ///< remove the row with the key; a no-op when it is absent (a tombstone)
};

/// "upsert" or "delete".
std::string_view changeOpName(ChangeOp op);
/// The op named `name`; nullopt for anything else.
std::optional<ChangeOp> parseChangeOp(std::string_view name);

/// The key of a row of table `table`: "42" (a positive id) for categories, warehouses,
/// locations and products; "productId:locationId" for stock_levels and
/// "productId:warehouseId" for reorder_points (two positive ids).
bool isValidKey(std::string_view table, std::string_view key);
/// The key of a row with id `id`: its decimal text.
std::string idKey(std::int64_t id);
/// The key of a two-part row: "first:second".
std::string pairKey(std::int64_t first, std::int64_t second);
/// The two ids of a valid two-part key; nullopt otherwise.
std::optional<std::pair<std::int64_t, std::int64_t>> parsePairKey(std::string_view key);

/// One row-level change in a pull. `row` is the REST API's JSON shape of the row
/// (domain::productToJson etc.) for an upsert, and null for a delete.
struct Change {
    std::string table;
    ChangeOp op = ChangeOp::Upsert;
    std::string key;
    nlohmann::json row;

    friend bool operator==(const Change&, const Change&) = default;
};

/// {"table", "op", "key", "row"} ("row" only for an upsert).
nlohmann::json toJson(const Change& change);

/// Reads a change. Invalid "unknown_table" (field "table") for a table that is not a
/// snapshot table; "invalid_change" (field "table", "op", "key" or "row") when a member is
/// missing or of the wrong type, the op is unknown, the key is not a key of the table, an
/// upsert's row is not an object, or a delete carries a row other than null.
domain::Result<Change> changeFromJson(const nlohmann::json& json);

/// One page of a pull: the answer to GET /api/v1/sync/changes.
///
/// `nextCursor` is what the client stores, in the same transaction as it applies
/// `changes`, and sends back for the next page; `phase` and `position` describe that next
/// cursor (so a client can show progress without reading the opaque cursor). `hasMore`
/// says the server already has more to send: always true in the snapshot phase (the page
/// that finishes the last table is a tail page), and in the tail when events after
/// `position` exist.
struct ChangePage {
    int protocol = 1;
    std::string serverId;
    std::vector<Change> changes;
    std::string nextCursor;
    bool hasMore = false;
    Phase phase = Phase::Snapshot;
    std::int64_t position = 0;

    /// Reads a page. Invalid "protocol_unsupported" (field "protocol") when the page speaks
    /// another protocol; "invalid_page" when a member is missing or of the wrong type, a
    /// snapshot page says it has no more, or it is not an object (field names the member,
    /// e.g. "next_cursor"); a bad change keeps its code with field "changes[i].member".
    static domain::Result<ChangePage> fromJson(const nlohmann::json& json);
    /// The same, moving the rows out of `json` instead of copying them.
    static domain::Result<ChangePage> fromJson(nlohmann::json&& json);

    friend bool operator==(const ChangePage&, const ChangePage&) = default;
};

/// {"protocol", "server_id", "changes", "next_cursor", "has_more", "phase", "position"}.
nlohmann::json toJson(const ChangePage& page);

/// The same document as toJson(page).dump(), written straight into one string: a snapshot
/// page of thousands of rows is not copied into a second tree first.
std::string dumpPage(const ChangePage& page);

/// Same as ChangePage::fromJson.
inline domain::Result<ChangePage> changePageFromJson(const nlohmann::json& json)
{
    return ChangePage::fromJson(json);
}

} // namespace tosserp::sync
