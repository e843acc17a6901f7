#pragma once

#include "server/db/database.h"

#include <vector>

namespace tosserp::payments {

/// The Payments domain's versioned migrations, applied in order at start.
const std::vector<db::Migration>& paymentsMigrations();

} // namespace tosserp::payments
