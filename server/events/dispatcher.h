#pragma once

#include "server/core/background.h"
#include "server/db/database.h"
#include "server/events/event_store.h"
#include "server/events/jetstream.h"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tosserp::events {

/// What each consumer has applied, kept in the consumer's own database and written in the
/// same transaction as the effect: an event is applied effectively once, whatever crashes.
struct Checkpoints {
    /// The DDL of the consumer_checkpoints table (part of each consuming domain's migrations).
    static const char* schema();
    /// The last position `consumer` applied (0 when it has applied nothing).
    static std::int64_t get(db::Connection& connection, const std::string& consumer);
    static void advance(db::Connection& connection, const std::string& consumer, std::int64_t position);

    /// Runs `effect` in a write transaction of `target` and advances `consumer` to the
    /// event's position in the same transaction; does nothing when the checkpoint is already
    /// there (a redelivery). Returns whether the effect ran.
    static bool applyOnce(db::Database& target, const std::string& consumer, const EventRecord& event,
        const std::function<void(db::Connection&)>& effect);
};

/// The context of what a consumer does because of `cause`: actor "saga", the cause's
/// correlation id, the cause's event id as causation id.
EventContext causedBy(const EventRecord& cause);

/// One consumer of one domain's events, in position order. `handle` sees every event after
/// the checkpoint whose type is in `types` and must apply it through Checkpoints::applyOnce
/// on `target` (it may do slow work, such as a call to a payment provider, before that
/// transaction). Events of other types only move the checkpoint. A handler that throws is
/// retried, with a growing pause, from the same event.
struct Subscription {
    std::string name;
    db::Database* source = nullptr;
    /// The source's domain: the JetStream stream the events come from when the dispatcher
    /// uses one (see EventDispatcher::useJetStream).
    std::string sourceDomain;
    db::Database* target = nullptr;
    std::vector<std::string> types;
    std::function<void(const EventRecord&)> handle;
};

/// Delivers committed events to their subscriptions: one thread per subscription. In process
/// (the embedded default) each reads its source database, woken by its commits and every half
/// second. With JetStream each is a durable consumer of its source domain's stream; an event
/// is applied only once everything before it in its domain is (redeliveries may come in any
/// order), and acknowledged only after its checkpoint is committed.
class EventDispatcher {
public:
    EventDispatcher();
    ~EventDispatcher();
    EventDispatcher(const EventDispatcher&) = delete;
    EventDispatcher& operator=(const EventDispatcher&) = delete;

    /// Before start().
    void subscribe(Subscription subscription);
    /// Before start(): take the events from `stream` instead of the source databases.
    void useJetStream(JetStream& stream) { m_stream = &stream; }
    void start();
    /// Finishes the event in hand and stops; idempotent.
    void stop();
    /// Wakes the subscriptions (a source database committed).
    void notify();
    /// Waits until every subscription has handled every event committed before the call, or
    /// the timeout passes; returns whether it caught up. For tests, replay and shutdown.
    bool drain(std::chrono::milliseconds timeout);

private:
    struct Worker {
        Subscription subscription;
        std::atomic<std::int64_t> handled { 0 };
        prometheus::Gauge* lag = nullptr; ///< set by start()
        prometheus::Counter* failures = nullptr; ///< set by start()
        std::unique_ptr<JetStream::Consumer> consumer; ///< with JetStream, made by the first step
    };
    /// Handles the next batch; returns whether there may be more right away.
    bool step(Worker& worker);
    bool stepFromStream(Worker& worker);
    void measureLag(Worker& worker);
    void reached(Worker& worker, std::int64_t position);
    bool stopping();

    std::vector<std::unique_ptr<Worker>> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_progress; ///< a worker handled an event, or stop()
    bool m_stopping = false;
    bool m_started = false;
    JetStream* m_stream = nullptr;
    BackgroundLoops m_loops; ///< last: its threads end before the workers go
};

} // namespace tosserp::events
