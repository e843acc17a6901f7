#pragma once

#include "domain/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tosserp::sync {

/// Where a pull stands: copying the server's tables (a replica's first pulls), or following
/// the event log after the snapshot.
enum class Phase { Snapshot, Tail };

/// "snapshot" or "tail", as a ChangePage writes it.
std::string_view phaseName(Phase phase);
/// The phase named `name`; nullopt for anything else.
std::optional<Phase> parsePhase(std::string_view name);

/// The Stock tables a replica holds, in the fixed order a snapshot copies them:
/// categories, warehouses, locations, products, stock_levels, reorder_points.
const std::vector<std::string>& snapshotTables();
/// Whether `table` is one of snapshotTables().
bool isSnapshotTable(std::string_view table);
/// The table a snapshot copies after `table`; nullopt after the last one (the cursor then
/// switches to the tail) and for a name that is not a snapshot table.
std::optional<std::string> nextSnapshotTable(std::string_view table);

/// How far a replica has pulled. Opaque to clients (they store and send back the text of
/// encode()); the server reads it with decode(). On the wire it is the base64url (no
/// padding) of a compact JSON object {"v":1,"sid":…,"ph":"s"|"t","pos":…,"tb":…,"after":…}
/// — see sync/PROTOCOL.md.
///
/// Invariants (isConsistent):
///   - version == 1 (kProtocolVersion's cursor format);
///   - serverId is 1..64 characters of [A-Za-z0-9._-] (the server's UUID);
///   - position >= 0 (an event position; in the snapshot, the one captured when it began);
///   - Snapshot ⇒ table is a snapshot table and after >= 0 (the last key of `table` sent,
///     0 before its first row; for stock_levels and reorder_points the row index);
///   - Tail ⇒ table is empty and after == 0 (the tail resumes after event `position`).
struct Cursor {
    int version = 1;
    std::string serverId;
    Phase phase = Phase::Snapshot;
    std::int64_t position = 0;
    std::string table;
    std::int64_t after = 0;

    /// Whether every invariant above holds.
    bool isConsistent() const;

    /// The opaque text. Throws std::logic_error when !isConsistent() — making a broken
    /// cursor is a programming error, never an expected failure.
    std::string encode() const;

    /// Reads a cursor made by encode(). Invalid "invalid_cursor" (field "cursor") when the
    /// text is not canonical base64url, is longer than 512 characters, is not a JSON object,
    /// has a member missing, of the wrong type or unknown, or breaks an invariant (including
    /// a version other than 1). The server answers 400 with action resync.
    static domain::Result<Cursor> decode(std::string_view text);

    /// A fresh replica's cursor: the start of a snapshot of server `serverId` taken at event
    /// `position` (the first table, before its first row).
    static Cursor start(std::string serverId, std::int64_t position);

    /// The tail cursor after event `position` of server `serverId`.
    static Cursor tail(std::string serverId, std::int64_t position);

    /// For a snapshot cursor: the cursor once `table` is fully sent — the start of the next
    /// table, or the tail at `position` after the last table. A tail cursor is returned as is.
    Cursor afterTable() const;

    friend bool operator==(const Cursor&, const Cursor&) = default;
};

} // namespace tosserp::sync
