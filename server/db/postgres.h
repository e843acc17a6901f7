#pragma once

#include "server/db/database.h"

#include <memory>
#include <string>
#include <vector>

namespace tosserp::db {

/// Opens a connection to the PostgreSQL database `conninfo` names (a `postgresql://` URI or
/// `key=value` pairs, as libpq takes them). A reader (`readOnly`) refuses writes. A connection
/// that breaks (the server restarted, the network dropped) is opened again on its next use;
/// the statement that found it broken fails with a transient DbError. Throws DbError (transient)
/// when the server cannot be reached.
std::unique_ptr<Connection> openPostgres(const std::string& conninfo, bool readOnly);

// Backups of a PostgreSQL database, through PostgreSQL's own pg_dump and pg_restore (found on
// PATH; Debian's postgresql-client). A password in the connection string reaches them through
// their environment (PGPASSWORD), never their command line, which other users can read. They
// never ask for a password. Each throws DbError with the program's own message on failure.

/// Whether `program` (pg_dump, pg_restore) is on PATH.
bool postgresProgramInstalled(const std::string& program);

/// The tables and views of every schema but the system's, as "schema.name", sorted: what a
/// database holds that a restore could clash with.
std::vector<std::string> postgresRelations(const std::string& conninfo);

/// Writes the database `conninfo` names into `file`, in pg_dump's custom format: one
/// consistent snapshot, taken while writers go on.
void dumpPostgres(const std::string& conninfo, const std::string& file);

/// Checks that `file` is a whole archive pg_restore reads, data included.
void checkPostgresDump(const std::string& file);

/// Restores the archive `file` into the database `conninfo` names, in one transaction: all
/// of it or nothing. Owners and privileges are not restored (the connecting role owns what it
/// creates).
void restorePostgres(const std::string& conninfo, const std::string& file);

} // namespace tosserp::db
