#pragma once

#include "server/db/database.h"

#include <memory>
#include <string>

namespace tosserp::db {

/// Opens a connection to the PostgreSQL database `conninfo` names (a `postgresql://` URI or
/// `key=value` pairs, as libpq takes them). A reader (`readOnly`) refuses writes. A connection
/// that breaks (the server restarted, the network dropped) is opened again on its next use;
/// the statement that found it broken fails with a transient DbError. Throws DbError (transient)
/// when the server cannot be reached.
std::unique_ptr<Connection> openPostgres(const std::string& conninfo, bool readOnly);

} // namespace tosserp::db
