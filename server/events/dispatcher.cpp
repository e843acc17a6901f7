#include "server/events/dispatcher.h"

#include "server/core/log.h"
#include "server/core/metrics.h"

#include <algorithm>

namespace tosserp::events {

namespace {

constexpr int kBatch = 200;
constexpr auto kIdlePoll = std::chrono::milliseconds(500);
constexpr auto kFirstPause = std::chrono::milliseconds(100);
constexpr auto kLongestPause = std::chrono::milliseconds(30000);

} // namespace

EventContext causedBy(const EventRecord& cause)
{
    return EventContext { "saga", cause.correlationId, cause.eventId };
}

const char* Checkpoints::schema()
{
    return "CREATE TABLE consumer_checkpoints (consumer TEXT PRIMARY KEY, position INTEGER NOT NULL);";
}

std::int64_t Checkpoints::get(db::Connection& connection, const std::string& consumer)
{
    auto& q = connection.prepare("SELECT position FROM consumer_checkpoints WHERE consumer = ?");
    q.bind(1, consumer);
    const std::int64_t position = q.step() ? q.integer(0) : 0;
    q.reset();
    return position;
}

void Checkpoints::advance(db::Connection& connection, const std::string& consumer, std::int64_t position)
{
    connection
        .prepare("INSERT INTO consumer_checkpoints (consumer, position) VALUES (?, ?) ON CONFLICT (consumer) DO "
                 "UPDATE SET position = max(consumer_checkpoints.position, excluded.position)")
        .bindAll({ consumer, position })
        .run();
}

bool Checkpoints::applyOnce(db::Database& target, const std::string& consumer, const EventRecord& event,
    const std::function<void(db::Connection&)>& effect)
{
    return target.write([&](db::Connection& c) {
        if (get(c, consumer) >= event.position) {
            return false;
        }
        effect(c);
        advance(c, consumer, event.position);
        return true;
    });
}

EventDispatcher::EventDispatcher()
    : m_loops({ kIdlePoll, kFirstPause, kLongestPause })
{ }

EventDispatcher::~EventDispatcher()
{
    stop();
}

void EventDispatcher::subscribe(Subscription subscription)
{
    auto worker = std::make_unique<Worker>();
    worker->subscription = std::move(subscription);
    m_workers.push_back(std::move(worker));
}

void EventDispatcher::start()
{
    std::lock_guard lock(m_mutex);
    if (m_started) {
        return;
    }
    m_started = true;
    for (auto& worker : m_workers) {
        const auto& name = worker->subscription.name;
        worker->failures = &metrics().counter("tosserp_consumer_failures_total",
            "Event deliveries that failed and will be retried, per consumer", { { "consumer", name } });
        worker->lag = &metrics().gauge("tosserp_consumer_lag_events",
            "Events of the source domain this consumer has not handled yet (through JetStream: those its stream "
            "holds for it, delivered or not)",
            { { "consumer", name } });
        m_loops.add(
            [this, w = worker.get()] {
                const bool more = step(*w);
                measureLag(*w);
                return more;
            },
            [this, w = worker.get()](const std::exception& e, std::chrono::milliseconds pause) {
                w->failures->Increment();
                w->consumer.reset(); // subscribe again: the broker may have been away
                log::warn("event consumer failed; retrying",
                    { { "consumer", w->subscription.name }, { "error", e.what() }, { "retry_ms", pause.count() } });
                measureLag(*w);
            });
    }
    m_loops.start();
}

void EventDispatcher::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_progress.notify_all();
    m_loops.stop();
}

void EventDispatcher::notify()
{
    m_loops.wake();
}

bool EventDispatcher::drain(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    const auto lastPositions = [&] {
        std::vector<std::int64_t> positions;
        for (const auto& worker : m_workers) {
            // A source in another process (a split deployment) has no position to wait for here.
            positions.push_back(worker->subscription.source == nullptr
                    ? 0
                    : worker->subscription.source->read([](db::Connection& c) { return EventStore::lastPosition(c); }));
        }
        return positions;
    };
    // Handling an event may append events that other subscriptions consume (a saga): wait
    // until a round ends with no event appended anywhere.
    auto targets = lastPositions();
    for (;;) {
        notify();
        {
            std::unique_lock lock(m_mutex);
            const bool reached = m_progress.wait_until(lock, deadline, [&] {
                for (std::size_t i = 0; i < m_workers.size(); ++i) {
                    if (m_workers[i]->handled.load() < targets[i]) {
                        return m_stopping;
                    }
                }
                return true;
            });
            if (!reached || m_stopping) {
                return false;
            }
        }
        auto now = lastPositions();
        if (now == targets) {
            return true;
        }
        targets = std::move(now);
    }
}

void EventDispatcher::reached(Worker& worker, std::int64_t position)
{
    worker.handled = position;
    {
        std::lock_guard lock(m_mutex);
    }
    m_progress.notify_all();
}

bool EventDispatcher::stopping()
{
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

bool EventDispatcher::step(Worker& worker)
{
    if (m_stream != nullptr) {
        return stepFromStream(worker);
    }
    const auto& s = worker.subscription;
    const auto reached = [&](std::int64_t position) { this->reached(worker, position); };
    const auto after = s.target->read([&](db::Connection& c) { return Checkpoints::get(c, s.name); });
    reached(after);
    EventFilter filter;
    filter.afterPosition = after;
    filter.limit = kBatch;
    const auto batch = s.source->read([&](db::Connection& c) { return EventStore::list(c, filter); });
    std::int64_t skippedTo = 0;
    const auto advanceSkipped = [&] {
        if (skippedTo > 0) {
            s.target->write([&](db::Connection& c) { Checkpoints::advance(c, s.name, skippedTo); });
            reached(skippedTo);
            skippedTo = 0;
        }
    };
    for (const auto& event : batch) {
        if (std::find(s.types.begin(), s.types.end(), event.type) == s.types.end()) {
            skippedTo = event.position;
            continue;
        }
        advanceSkipped();
        // What the handler logs (and what it causes, through causedBy) belongs to the trace of
        // the request that started it all.
        const log::TraceScope trace(event.correlationId);
        s.handle(event);
        reached(event.position);
        if (stopping()) {
            return false;
        }
    }
    advanceSkipped();
    return static_cast<int>(batch.size()) == kBatch;
}

bool EventDispatcher::stepFromStream(Worker& worker)
{
    const auto& s = worker.subscription;
    if (!worker.consumer) {
        worker.consumer = m_stream->consumer(s.sourceDomain, s.name, kBatch);
    }
    auto& consumer = *worker.consumer;
    std::int64_t pending = 0;
    const auto batch = consumer.fetch(kBatch, kIdlePoll, pending);
    worker.lag->Set(static_cast<double>(pending));
    if (batch.empty()) {
        return !stopping();
    }
    auto checkpoint = s.target->read([&](db::Connection& c) { return Checkpoints::get(c, s.name); });
    reached(worker, checkpoint);
    // Deliveries whose effect (and checkpoint) is committed: acknowledged together once the
    // target's commits are on disk, so the broker never forgets an event whose checkpoint a
    // power cut could still take back, and a batch costs one sync rather than one per event.
    std::vector<const JetStream::Consumer::Delivery*> applied;
    const auto acknowledge = [&] {
        if (applied.empty()) {
            return;
        }
        s.target->syncToDisk();
        for (const auto* delivery : applied) {
            consumer.ack(*delivery);
        }
        applied.clear();
    };
    // Events of other types wait for one checkpoint write for all of them.
    std::vector<const JetStream::Consumer::Delivery*> skipped;
    const auto commitSkipped = [&] {
        if (skipped.empty()) {
            return;
        }
        s.target->write([&](db::Connection& c) { Checkpoints::advance(c, s.name, checkpoint); });
        applied.insert(applied.end(), skipped.begin(), skipped.end());
        skipped.clear();
        reached(worker, checkpoint);
    };
    // Redeliveries come in any order: apply what follows the checkpoint, pass over the batch
    // again while that moves it, and hand back what still waits for an earlier event.
    std::vector<bool> done(batch.size(), false);
    // Ends every step: what is not applied goes back to the broker, and counts in the lag
    // beside what the broker has not delivered yet.
    const auto retryTheRest = [&](std::chrono::milliseconds delay) {
        std::int64_t waiting = 0;
        for (std::size_t j = 0; j < batch.size(); ++j) {
            if (!done[j]) {
                consumer.retryLater(batch[j], delay);
                ++waiting;
            }
        }
        worker.lag->Set(static_cast<double>(pending + waiting));
    };
    // A slow batch (a payment provider that takes its time) tells the broker it is still at
    // work, so what waits is not delivered again meanwhile.
    auto keptAlive = std::chrono::steady_clock::now();
    const auto keepAlive = [&] {
        if (std::chrono::steady_clock::now() - keptAlive < JetStream::Consumer::kAckWait / 2) {
            return;
        }
        acknowledge();
        for (std::size_t j = 0; j < batch.size(); ++j) {
            if (!done[j]) {
                consumer.stillWorking(batch[j]);
            }
        }
        keptAlive = std::chrono::steady_clock::now();
    };
    for (bool moved = true; moved;) {
        moved = false;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            keepAlive();
            const auto& delivery = batch[i];
            const auto& event = delivery.streamed.event;
            if (done[i] || (event.position > checkpoint && delivery.streamed.previous > checkpoint)) {
                continue; // handled, or an earlier event of this domain is not applied yet
            }
            done[i] = true;
            moved = true;
            if (event.position <= checkpoint) {
                applied.push_back(&delivery); // applied before: a redelivery
                continue;
            }
            if (std::find(s.types.begin(), s.types.end(), event.type) == s.types.end()) {
                checkpoint = event.position;
                skipped.push_back(&delivery);
                continue;
            }
            commitSkipped();
            try {
                const log::TraceScope trace(event.correlationId);
                s.handle(event); // moves the checkpoint with its effect (Checkpoints::applyOnce)
            } catch (...) {
                done[i] = false;
                try {
                    acknowledge();
                } catch (const std::exception&) {
                    // Not acknowledged: delivered again after the broker's wait, and skipped then.
                }
                retryTheRest(kFirstPause);
                throw;
            }
            checkpoint = event.position;
            applied.push_back(&delivery);
            reached(worker, checkpoint);
            if (stopping()) {
                acknowledge();
                retryTheRest(std::chrono::milliseconds(0)); // for whoever consumes next
                return false;
            }
        }
    }
    commitSkipped();
    acknowledge();
    retryTheRest(kFirstPause);
    return true;
}

void EventDispatcher::measureLag(Worker& worker)
{
    // How far this consumer is behind its source, after every attempt: a consumer stuck on an
    // event it cannot handle shows a growing lag. (From JetStream: what the broker still holds
    // for it, set by the step.)
    if (m_stream != nullptr) {
        return;
    }
    try {
        const auto last
            = worker.subscription.source->read([](db::Connection& c) { return EventStore::lastPosition(c); });
        worker.lag->Set(static_cast<double>(std::max<std::int64_t>(0, last - worker.handled.load())));
    } catch (const std::exception&) {
        // The source cannot be read just now; the next attempt tries again.
    }
}

} // namespace tosserp::events
