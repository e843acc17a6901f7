#pragma once

#include "server/db/database.h"
#include "server/events/replay.h"

namespace tosserp::stock {

/// Rebuilds stock_levels (product × location) from the StockMoved events, compares it with
/// the live table and, unless `dryRun`, replaces the rows that differ. Runs in one write
/// transaction, so live writes wait and the comparison is exact.
events::ReplayReport replayStockLevels(db::Database& stock, bool dryRun);

} // namespace tosserp::stock
