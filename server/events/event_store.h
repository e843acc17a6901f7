#pragma once

#include "server/db/database.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tosserp::events {

/// Who caused a change and which request it belongs to; copied onto every event.
struct EventContext {
    std::string actor = "system";
    std::string correlationId;
    std::string causationId;
};

/// One committed domain event: the audit trail, the outbox and the source for replay.
struct EventRecord {
    std::int64_t position = 0;
    std::string eventId;
    std::string streamId;
    std::int64_t streamVersion = 0;
    std::string type;
    nlohmann::json payload;
    std::string actor;
    std::string correlationId;
    std::string causationId;
    std::int64_t occurredAtMs = 0;
};

/// A filter over a domain's events; `afterPosition` is the keyset cursor.
struct EventFilter {
    std::optional<std::string> streamId;
    std::optional<std::string> type;
    std::optional<std::string> actor;
    std::optional<std::int64_t> fromMs;
    std::optional<std::int64_t> toMs;
    std::int64_t afterPosition = 0;
    int limit = 100;
};

/// The `events` table every domain database holds, written in the same transaction as the
/// change it records. Global position is the table's monotonically increasing row id; stream
/// versions start at 1 and are unique per stream.
class EventStore {
public:
    /// The DDL of the events table (part of each domain's first migration).
    static const char* schema();

    /// Appends one event inside the caller's write transaction and returns it.
    static EventRecord append(db::Connection& connection, const std::string& streamId, std::string_view type,
        const nlohmann::json& payload, const EventContext& context);

    /// Events matching `filter`, oldest first, at most `filter.limit`.
    static std::vector<EventRecord> list(db::Connection& connection, const EventFilter& filter);

    /// The highest position written so far (0 when empty).
    static std::int64_t lastPosition(db::Connection& connection);
    /// The id of the event at `position` ("" when there is none).
    static std::string eventIdAt(db::Connection& connection, std::int64_t position);

    static nlohmann::json toJson(const EventRecord& record);
    /// The record toJson() wrote; throws (nlohmann::json::exception, std::invalid_argument) on
    /// anything else.
    static EventRecord fromJson(const nlohmann::json& json);
};

} // namespace tosserp::events
