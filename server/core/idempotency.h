#pragma once

#include "domain/result.h"
#include "server/db/database.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace tosserp {

/// A caller's Idempotency-Key (already qualified by who sent it) with a hash of the request
/// it came with.
struct IdempotencyKey {
    std::string key;
    std::string requestHash;
};

/// The DDL of a domain's idempotency_keys table.
const char* idempotencyKeysSchema();

/// What a write remembered for `key` in the caller's transaction (the domain's
/// idempotency_keys table): nullopt when the key is new; Unprocessable
/// "idempotency_key_reused" when the key came before with a different request.
domain::Result<std::optional<nlohmann::json>> recallIdempotent(db::Connection& c, const IdempotencyKey& key);
/// Stores `result` for `key` in the caller's transaction, with the write it belongs to.
void rememberIdempotent(db::Connection& c, const IdempotencyKey& key, const nlohmann::json& result);

} // namespace tosserp
