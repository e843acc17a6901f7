#include "server/users/users_schema.h"

#include "server/events/event_store.h"

namespace tosserp::users {

namespace {

// Secrets are never stored: passwords as Argon2id hashes (parameters inside), refresh
// tokens and API key secrets as SHA-256 digests of 256-bit random values.
constexpr const char* kUsers = R"sql(
CREATE TABLE roles (
    name TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    permissions TEXT NOT NULL,
    built_in INTEGER NOT NULL DEFAULT 0,
    warehouse_scoped INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT NOT NULL,
    password_changed_at INTEGER NOT NULL,
    failed_count INTEGER NOT NULL DEFAULT 0,
    failed_window_start INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL REFERENCES roles (name),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_warehouses (
    user_id INTEGER NOT NULL REFERENCES users (id),
    warehouse_id INTEGER NOT NULL,
    PRIMARY KEY (user_id, warehouse_id)
);

CREATE TABLE token_families (
    family_id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_reason TEXT
);
CREATE INDEX token_families_user ON token_families (user_id);
CREATE INDEX token_families_revoked ON token_families (revoked_at) WHERE revoked_at IS NOT NULL;

CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES token_families (family_id),
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    permissions TEXT NOT NULL,
    warehouses TEXT,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
);
)sql";

} // namespace

const std::vector<db::Migration>& usersMigrations()
{
    static const std::vector<db::Migration> migrations = {
        { 1, "events table", events::EventStore::schema() },
        { 2, "users, roles, tokens and API keys", kUsers },
    };
    return migrations;
}

} // namespace tosserp::users
