#pragma once

#include "server/db/database.h"

#include <string>
#include <string_view>

namespace tosserp::db {

// The one place that knows how SQLite's SQL and PostgreSQL's differ. The services write SQL
// both accept where they can; what remains is translated here, so no other file needs to know
// which database it talks to.

/// One statement as `dialect` takes it. For PostgreSQL: `?` and `?N` placeholders become `$N`,
/// LIKE becomes ILIKE (SQLite's LIKE ignores case), SQLite's two-argument max()/min() become
/// GREATEST()/LEAST(), `INSERT OR IGNORE INTO …`
/// becomes `INSERT INTO … ON CONFLICT DO NOTHING`, `(?N IS NULL OR expr)` becomes
/// `(expr OR $N IS NULL)` (so the parameter's type comes from `expr`), and a list of ids passed
/// as a JSON array, `SELECT value FROM json_each(?N)`, reads it with json_array_elements_text. Text in quotes is left
/// alone. For SQLite: `sql` unchanged.
std::string statementFor(Dialect dialect, std::string_view sql);

/// A schema script (CREATE TABLE, CREATE INDEX) as `dialect` takes it. For PostgreSQL: an
/// `INTEGER PRIMARY KEY` (AUTOINCREMENT or not) becomes a BIGINT identity, INTEGER BIGINT,
/// REAL DOUBLE PRECISION, BLOB BYTEA; `WITHOUT ROWID` goes. For SQLite: `sql` unchanged.
std::string schemaFor(Dialect dialect, std::string_view sql);

/// A script that moves every identity past the largest key its table holds and past every
/// key it handed out before, so keys of deleted rows are never given again ("" for SQLite,
/// whose integer keys always continue after the largest). Run after a migration inserted rows
/// with keys of their own, so the next row given a key does not collide with them.
std::string identitiesCatchUp(Dialect dialect);

} // namespace tosserp::db
