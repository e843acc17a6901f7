#include "server/payments/payments_schema.h"

#include "server/core/idempotency.h"
#include "server/events/dispatcher.h"
#include "server/events/event_store.h"

namespace tosserp::payments {

namespace {

// One payment per order; the ledger is double entry and append-only (captures and refunds),
// so the provider's balance of a payment is always captured − refunded.
constexpr const char* kPayments = R"sql(
CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('pending', 'authorised', 'captured', 'partially_refunded', 'refunded', 'failed')),
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    captured_minor INTEGER NOT NULL DEFAULT 0,
    refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor <= captured_minor),
    provider_reference TEXT NOT NULL DEFAULT '',
    failure TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    payment_id INTEGER NOT NULL REFERENCES payments (id),
    kind TEXT NOT NULL CHECK (kind IN ('capture', 'refund')),
    debit TEXT NOT NULL,
    credit TEXT NOT NULL,
    amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ledger_payment ON ledger_entries (payment_id, id);
)sql";

} // namespace

const std::vector<db::Migration>& paymentsMigrations()
{
    static const std::vector<db::Migration> migrations = {
        { 1, "events table", events::EventStore::schema() },
        { 2, "payments and their ledger", kPayments },
        { 3, "consumer checkpoints and idempotency keys",
            std::string(events::Checkpoints::schema()) + idempotencyKeysSchema() },
    };
    return migrations;
}

} // namespace tosserp::payments
