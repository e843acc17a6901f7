#pragma once

#include "server/db/database.h"

#include <vector>

namespace tosserp::orders {

/// The Orders domain's versioned migrations, applied in order at start.
const std::vector<db::Migration>& ordersMigrations();

} // namespace tosserp::orders
