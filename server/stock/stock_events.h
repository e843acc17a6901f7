#pragma once

#include "domain/events.h"
#include "server/db/database.h"
#include "server/events/event_store.h"

namespace tosserp::stock {

/// Appends a Stock domain event to the events table inside the caller's write transaction,
/// under the stream, type and payload the domain gives it.
inline void appendEvent(
    db::Connection& connection, const domain::StockEvent& event, const events::EventContext& context)
{
    events::EventStore::append(
        connection, domain::streamId(event), domain::eventType(event), domain::eventPayload(event), context);
}

} // namespace tosserp::stock
