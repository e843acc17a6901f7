#pragma once

#include "process.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tosserp::test {

/// GET `path` as JSON (expects 200).
nlohmann::json getJson(const ServerProcess& server, const std::string& path);
/// Every item of a paginated list.
std::vector<nlohmann::json> allItems(const ServerProcess& server, const std::string& path);

/// After kills at random moments of the order saga: waits (up to five minutes) until no order
/// is still on its way, then checks through `server` (a server, or a split deployment's
/// gateway) that every `placed` order is there and final, payments and reservations match the
/// orders, each payment's ledger balances, each saga step was recorded once per order, the
/// `stocked` units are all on hand, and (with `natsUrl`) every committed event is in its
/// domain's stream once. Returns how many orders ended in each state.
std::map<std::string, int> checkSagaSettled(const ServerProcess& server, const std::set<std::int64_t>& placed,
    std::int64_t stocked, const std::string& natsUrl);

} // namespace tosserp::test
