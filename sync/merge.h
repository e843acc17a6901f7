#pragma once

#include "sync/command.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace tosserp::sync {

/// What a per-field three-way merge decided: the fields to write, and the fields changed
/// on both sides to different values (kept for the user; never written).
struct MergeOutcome {
    nlohmann::json apply = nlohmann::json::object();
    std::vector<FieldConflict> conflicts;

    /// True when every field of `mine` already has its value on the server (a retried or
    /// duplicated edit, or both sides made the same change): nothing to write, nothing to
    /// report.
    bool alreadyApplied() const { return apply.empty() && conflicts.empty(); }
    bool hasConflicts() const { return !conflicts.empty(); }
};

/// Three-way merge of one record's fields (UpdateProduct). `base` is the record as the
/// client saw it when it made the edit, `mine` the client's new values, `theirs` the
/// server's current record; all three are JSON objects of field → value (anything else is
/// read as an empty object). For each field f of `mine`, in field-name order:
///   - theirs[f] == mine[f]                  → nothing to do (same change on both sides);
///   - theirs[f] == base[f], or neither base
///     nor theirs has f                      → apply mine[f] (only the client changed it);
///   - otherwise                             → conflict {f, base[f], mine[f], theirs[f]},
///                                             a side without f reported as null.
/// Fields that only `theirs` has, or that `mine` does not change, are never touched. So
/// edits of different fields merge; the same field changed on both sides is a conflict.
/// Values compare as JSON (1 == 1.0; "12.5" != "12.50"), so callers merge canonical values
/// (see productMergeFields).
MergeOutcome mergeFields(const nlohmann::json& base, const nlohmann::json& mine, const nlohmann::json& theirs);

/// The updatable fields of a product row in domain::productToJson's shape, in the shape an
/// UpdateProduct carries them: sku, name, description, category_id, unit, price as is;
/// barcodes as an array of their codes ([{"code": "X", …}] → ["X"]); active. Fields the row
/// lacks are left out; id and version are dropped. Use it for `theirs` (and for `base` when
/// a client makes an UpdateProduct from its replica row).
nlohmann::json productMergeFields(const nlohmann::json& productRow);

} // namespace tosserp::sync
