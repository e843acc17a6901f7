#include "server/core/idempotency.h"

#include "server/core/ids.h"

namespace tosserp {

const char* idempotencyKeysSchema()
{
    return "CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, result TEXT NOT NULL, "
           "created_at INTEGER NOT NULL);";
}

domain::Result<std::optional<nlohmann::json>> recallIdempotent(db::Connection& c, const IdempotencyKey& key)
{
    auto& q = c.prepare("SELECT request_hash, result FROM idempotency_keys WHERE key = ?");
    q.bind(1, key.key);
    std::optional<std::pair<std::string, std::string>> seen;
    if (q.step()) {
        seen = std::pair { q.text(0), q.text(1) };
    }
    q.reset();
    if (!seen) {
        return std::optional<nlohmann::json>();
    }
    if (seen->first != key.requestHash) {
        return domain::unprocessable(
            "idempotency_key_reused", "This Idempotency-Key was used with a different request.");
    }
    return std::optional<nlohmann::json>(nlohmann::json::parse(seen->second));
}

void rememberIdempotent(db::Connection& c, const IdempotencyKey& key, const nlohmann::json& result)
{
    c.prepare("INSERT INTO idempotency_keys (key, request_hash, result, created_at) VALUES (?, ?, ?, ?)")
        .bindAll({ key.key, key.requestHash, result.dump(), nowMs() })
        .run();
}

} // namespace tosserp
