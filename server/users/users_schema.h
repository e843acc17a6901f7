#pragma once

#include "server/db/database.h"

#include <vector>

namespace tosserp::users {

/// The Users domain's versioned migrations, applied in order at start.
const std::vector<db::Migration>& usersMigrations();

} // namespace tosserp::users
