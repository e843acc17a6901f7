#include "server/events/event_store.h"

#include "server/core/ids.h"

namespace tosserp::events {

const char* EventStore::schema()
{
    return R"sql(
CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    stream_version INTEGER NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    actor TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    causation_id TEXT NOT NULL DEFAULT '',
    occurred_at INTEGER NOT NULL,
    UNIQUE (stream_id, stream_version)
);
CREATE INDEX events_type ON events (type, position);
CREATE INDEX events_occurred ON events (occurred_at);
)sql";
}

EventRecord EventStore::append(db::Connection& connection, const std::string& streamId, std::string_view type,
    const nlohmann::json& payload, const EventContext& context)
{
    EventRecord record;
    record.eventId = newUuid();
    record.streamId = streamId;
    record.type = std::string(type);
    record.payload = payload;
    record.actor = context.actor;
    record.correlationId = context.correlationId.empty() ? record.eventId : context.correlationId;
    record.causationId = context.causationId;
    record.occurredAtMs = nowMs();
    // The stream's next version is found by the INSERT itself: one statement, one round trip.
    auto& insert = connection.prepare(
        "INSERT INTO events (event_id, stream_id, stream_version, type, payload, actor, correlation_id, causation_id, "
        "occurred_at) VALUES (?1, ?2, (SELECT COALESCE(MAX(stream_version), 0) + 1 FROM events WHERE stream_id = ?2), "
        "?3, ?4, ?5, ?6, ?7, ?8) RETURNING position, stream_version");
    insert.bindAll({ record.eventId, record.streamId, record.type, payload.dump(), record.actor, record.correlationId,
        record.causationId, record.occurredAtMs });
    if (!insert.step()) {
        insert.reset();
        throw db::DbError("the event was not stored", 0, false);
    }
    record.position = insert.integer(0);
    record.streamVersion = insert.integer(1);
    insert.reset();
    return record;
}

std::vector<EventRecord> EventStore::list(db::Connection& connection, const EventFilter& filter)
{
    // One statement with optional predicates keeps the prepared-statement cache small.
    auto& q = connection.prepare(
        "SELECT position, event_id, stream_id, stream_version, type, payload, actor, correlation_id, causation_id, "
        "occurred_at FROM events WHERE position > ?1 AND (?2 IS NULL OR stream_id = ?2) AND (?3 IS NULL OR type = ?3) "
        "AND (?4 IS NULL OR actor = ?4) AND (?5 IS NULL OR occurred_at >= ?5) AND (?6 IS NULL OR occurred_at < ?6) "
        "ORDER BY position LIMIT ?7");
    auto opt = [](const auto& o) -> db::Value {
        if (!o) {
            return nullptr;
        }
        return *o;
    };
    q.bindAll({ filter.afterPosition, opt(filter.streamId), opt(filter.type), opt(filter.actor), opt(filter.fromMs),
        opt(filter.toMs), std::int64_t { filter.limit } });
    std::vector<EventRecord> out;
    while (q.step()) {
        EventRecord r;
        r.position = q.integer(0);
        r.eventId = q.text(1);
        r.streamId = q.text(2);
        r.streamVersion = q.integer(3);
        r.type = q.text(4);
        r.payload = nlohmann::json::parse(q.text(5), nullptr, false);
        r.actor = q.text(6);
        r.correlationId = q.text(7);
        r.causationId = q.text(8);
        r.occurredAtMs = q.integer(9);
        out.push_back(std::move(r));
    }
    q.reset();
    return out;
}

std::string EventStore::eventIdAt(db::Connection& connection, std::int64_t position)
{
    auto& q = connection.prepare("SELECT event_id FROM events WHERE position = ?");
    q.bind(1, position);
    const auto id = q.step() ? q.text(0) : std::string();
    q.reset();
    return id;
}

std::int64_t EventStore::lastPosition(db::Connection& connection)
{
    auto& q = connection.prepare("SELECT COALESCE(MAX(position), 0) FROM events");
    q.step();
    const auto value = q.integer(0);
    q.reset();
    return value;
}

nlohmann::json EventStore::toJson(const EventRecord& r)
{
    return {
        { "position", r.position },
        { "id", r.eventId },
        { "stream_id", r.streamId },
        { "stream_version", r.streamVersion },
        { "type", r.type },
        { "payload", r.payload },
        { "actor", r.actor },
        { "correlation_id", r.correlationId },
        { "causation_id", r.causationId },
        { "occurred_at", isoTime(r.occurredAtMs) },
    };
}

EventRecord EventStore::fromJson(const nlohmann::json& json)
{
    EventRecord r;
    r.position = json.at("position").get<std::int64_t>();
    r.eventId = json.at("id").get<std::string>();
    r.streamId = json.at("stream_id").get<std::string>();
    r.streamVersion = json.at("stream_version").get<std::int64_t>();
    r.type = json.at("type").get<std::string>();
    r.payload = json.at("payload");
    r.actor = json.at("actor").get<std::string>();
    r.correlationId = json.at("correlation_id").get<std::string>();
    r.causationId = json.at("causation_id").get<std::string>();
    if (!parseIsoTime(json.at("occurred_at").get<std::string>(), r.occurredAtMs)) {
        throw std::invalid_argument("occurred_at is not a UTC time");
    }
    return r;
}

} // namespace tosserp::events
