#pragma once

#include "server/core/background.h"
#include "server/db/database.h"
#include "server/events/event_store.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

// The C client's handles, kept out of every includer.
struct __natsConnection;
struct __jsCtx;
struct __natsSubscription;
struct __natsMsg;

namespace tosserp::events {

/// Why a NATS or JetStream call failed (the server is away, a stream is missing, a timeout).
class JetStreamError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One event as it travels through JetStream: the event, and the position of the event committed
/// before it in the same domain (0 for the first), so a consumer can tell a gap from a duplicate
/// however the broker orders redeliveries.
struct StreamedEvent {
    EventRecord event;
    std::int64_t previous = 0;
};

/// The newest event a domain's stream holds (position 0 and no id when it is empty), and its
/// sequence number in the stream (0: not known, nothing is checked against it).
struct StreamEnd {
    std::int64_t position = 0;
    std::string eventId;
    std::uint64_t sequence = 0;
};

/// The stream of a domain's events ("TOSSERP_STOCK" for "stock") and its subjects
/// ("tosserp.stock.<EventType>").
std::string streamName(const std::string& domain);
std::string streamSubject(const std::string& domain, const std::string& type);

/// A connection to NATS with JetStream: one stream per domain, file-backed, every event once
/// (its id is the message id, so a republish inside the duplicate window is dropped by the
/// broker). The connection reconnects by itself for ever; calls made while the server is away
/// fail with JetStreamError and are retried by their callers.
class JetStream {
public:
    /// Connects to `urls` (nats://host:port, comma separated for a cluster). A server that is
    /// not there yet is retried in the background; the first calls fail until it is.
    explicit JetStream(const std::string& urls);
    ~JetStream();
    JetStream(const JetStream&) = delete;
    JetStream& operator=(const JetStream&) = delete;

    /// Creates the domain's stream when it does not exist (the calls below do it first).
    void ensureStream(const std::string& domain);
    /// The newest event in the domain's stream.
    StreamEnd end(const std::string& domain);
    /// The source position of the newest event in the domain's stream (0 when empty).
    std::int64_t lastPublished(const std::string& domain) { return end(domain).position; }
    /// How many events the domain's stream holds.
    std::int64_t storedEvents(const std::string& domain);
    /// Publishes `events` (in position order, the first one following `after`) and returns
    /// once the broker has stored every one; throws when any was not acknowledged (publishing
    /// the same events again is then safe). With `after.sequence` known, the broker stores each
    /// event only if the stream still ends where it should (the expected last sequence): a
    /// broker that lost what it had acknowledged (killed before writing it out) refuses, and
    /// the caller starts again from the stream's real end instead of leaving a hole. Returns the
    /// new end (its sequence 0 when `after.sequence` was not known).
    StreamEnd publish(const std::string& domain, const std::vector<EventRecord>& events, StreamEnd after);

    /// A durable pull consumer of one domain's stream; explicit acknowledgement.
    class Consumer {
    public:
        ~Consumer();
        Consumer(const Consumer&) = delete;
        Consumer& operator=(const Consumer&) = delete;

        struct Delivery {
            StreamedEvent streamed;
            __natsMsg* message = nullptr; ///< owned by the batch
        };
        /// Up to `max` events, waiting at most `wait` for the first; empty when none came.
        /// `pending` is set to how many more the broker holds for this consumer.
        std::vector<Delivery> fetch(int max, std::chrono::milliseconds wait, std::int64_t& pending);
        /// Done with this delivery: the broker forgets it.
        void ack(const Delivery& delivery);
        /// Not now: the broker delivers it again after `delay`.
        void retryLater(const Delivery& delivery, std::chrono::milliseconds delay);
        /// Still being worked on: the broker waits another kAckWait before delivering it again.
        void stillWorking(const Delivery& delivery);
        /// How long the broker waits for an acknowledgement before it delivers an event again
        /// (to this process or, after a crash, to the next one).
        static constexpr std::chrono::milliseconds kAckWait { 2000 };
        /// Frees the messages of the last fetch (acknowledged or not).
        void release();

    private:
        friend class JetStream;
        Consumer() = default;
        __natsSubscription* m_subscription = nullptr;
        std::vector<__natsMsg*> m_messages;
    };
    /// The durable consumer `name` of `domain`'s stream, created when missing; it resumes
    /// after the last acknowledged event. At most `window` events are out unacknowledged.
    std::unique_ptr<Consumer> consumer(const std::string& domain, const std::string& name, int window);

private:
    struct StreamState {
        std::int64_t messages = 0;
        std::uint64_t lastSequence = 0;
    };
    StreamState state(const std::string& domain);
    __natsConnection* m_connection = nullptr;
    __jsCtx* m_context = nullptr;
    std::mutex m_publishing; ///< one batch at a time: the failure count belongs to it
    std::atomic<int> m_failedAcks { 0 };
    std::mutex m_streamsMutex;
    std::set<std::string> m_streams; ///< known to exist
    struct Callbacks;
    struct ForgetOnFailure;
};

/// Copies each domain's committed events, in order, from its database to its JetStream stream.
/// One thread per domain, woken by the database's commits and every half second; what it has
/// published is what the stream holds, so a relay that dies resumes where the stream ends.
class EventRelay {
public:
    struct Source {
        std::string domain;
        db::Database* database = nullptr;
    };
    EventRelay(JetStream& stream, std::vector<Source> sources);
    ~EventRelay();
    EventRelay(const EventRelay&) = delete;
    EventRelay& operator=(const EventRelay&) = delete;

    void start();
    /// Finishes the batch in hand and stops; idempotent.
    void stop();
    /// A source committed: publish without waiting for the next poll.
    void notify();

private:
    struct Lane;
    /// Publishes the next batch of the lane's events; returns whether more are waiting.
    bool publishNext(Lane& lane);
    void failed(Lane& lane, const std::exception& error, std::chrono::milliseconds pause);
    JetStream& m_stream;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    BackgroundLoops m_loops; ///< last: its threads end before the lanes go
};

} // namespace tosserp::events
