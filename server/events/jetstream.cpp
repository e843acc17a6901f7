#include "server/events/jetstream.h"

#include "server/core/log.h"
#include "server/core/metrics.h"

#include <nats/nats.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <optional>
#include <sstream>

namespace tosserp::events {

namespace {

constexpr int kRelayBatch = 1000;
constexpr auto kRelayPoll = std::chrono::milliseconds(500);
constexpr auto kFirstPause = std::chrono::milliseconds(100);
constexpr auto kLongestPause = std::chrono::milliseconds(5000);
constexpr std::int64_t kNanosPerMs = 1'000'000;
/// How long the broker remembers a message id: a republish after a relay restart or a lost
/// acknowledgement falls well inside it.
constexpr std::int64_t kDuplicateWindowMs = 10 * 60 * 1000;
constexpr std::int64_t kPublishWaitMs = 10 * 1000;

void check(natsStatus status, const std::string& what, jsErrCode code = static_cast<jsErrCode>(0))
{
    if (status == NATS_OK) {
        return;
    }
    std::string message = what + ": " + natsStatus_GetText(status);
    if (code != 0) {
        message += " (JetStream error " + std::to_string(static_cast<int>(code)) + ")";
    }
    if (const char* detail = nats_GetLastError(nullptr); detail != nullptr && *detail != '\0') {
        message += ": ";
        message += detail;
    }
    throw JetStreamError(message);
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

/// A durable name may not hold dots ("orders.stock" → "orders_stock").
std::string durableName(std::string name)
{
    std::replace(name.begin(), name.end(), '.', '_');
    return name;
}

StreamedEvent decode(const natsMsg* message)
{
    const auto* data = natsMsg_GetData(message);
    const auto json = nlohmann::json::parse(data, data + natsMsg_GetDataLength(message));
    return { EventStore::fromJson(json.at("event")), json.at("previous").get<std::int64_t>() };
}

} // namespace

std::string streamName(const std::string& domain)
{
    return "TOSSERP_" + upper(domain);
}

std::string streamSubject(const std::string& domain, const std::string& type)
{
    return "tosserp." + domain + "." + type;
}

struct JetStream::Callbacks {
    static void publishFailed(jsCtx*, jsPubAckErr* error, void* closure)
    {
        auto* self = static_cast<JetStream*>(closure);
        ++self->m_failedAcks;
        log::debug("JetStream refused a publish",
            { { "error", error->ErrText != nullptr ? error->ErrText : natsStatus_GetText(error->Err) } });
    }
};

JetStream::JetStream(const std::string& urls)
{
    natsOptions* options = nullptr;
    check(natsOptions_Create(&options), "NATS options");
    const std::unique_ptr<natsOptions, void (*)(natsOptions*)> owned(options, natsOptions_Destroy);
    // Several servers of a cluster, comma separated: the client picks one and fails over.
    std::vector<std::string> servers;
    std::stringstream list(urls);
    for (std::string url; std::getline(list, url, ',');) {
        servers.push_back(url);
    }
    std::vector<const char*> serverList;
    for (const auto& url : servers) {
        serverList.push_back(url.c_str());
    }
    check(natsOptions_SetServers(options, serverList.data(), static_cast<int>(serverList.size())),
        "NATS servers \"" + urls + "\"");
    check(natsOptions_SetMaxReconnect(options, -1), "NATS reconnect");
    check(natsOptions_SetReconnectWait(options, 250), "NATS reconnect wait");
    check(natsOptions_SetRetryOnFailedConnect(options, true, nullptr, nullptr), "NATS connect retry");
    // While the server is away, what is published waits in a buffer up to this size.
    check(natsOptions_SetReconnectBufSize(options, 64 * 1024 * 1024), "NATS reconnect buffer");
    const auto status = natsConnection_Connect(&m_connection, options);
    if (status != NATS_OK && status != NATS_NOT_YET_CONNECTED) {
        check(status, "connecting to NATS at " + urls);
    }
    jsOptions js;
    jsOptions_Init(&js);
    js.Wait = 5000;
    js.PublishAsync.MaxPending = 4096;
    js.PublishAsync.ErrHandler = &Callbacks::publishFailed;
    js.PublishAsync.ErrHandlerClosure = this;
    check(natsConnection_JetStream(&m_context, m_connection, &js), "JetStream context");
}

JetStream::~JetStream()
{
    if (m_context != nullptr) {
        jsCtx_Destroy(m_context);
    }
    if (m_connection != nullptr) {
        natsConnection_Destroy(m_connection);
    }
}

void JetStream::ensureStream(const std::string& domain)
{
    {
        // Not held across the calls to the broker: a broker that is away would hold every
        // relay and consumer here for seconds each.
        std::lock_guard lock(m_streamsMutex);
        if (m_streams.count(domain) != 0) {
            return;
        }
    }
    const auto name = streamName(domain);
    jsStreamInfo* info = nullptr;
    jsErrCode code = static_cast<jsErrCode>(0);
    auto status = js_GetStreamInfo(&info, m_context, name.c_str(), nullptr, &code);
    if (status == NATS_OK) {
        jsStreamInfo_Destroy(info);
        std::lock_guard lock(m_streamsMutex);
        m_streams.insert(domain);
        return;
    }
    if (status != NATS_NOT_FOUND) {
        check(status, "reading stream " + name, code);
    }
    const auto subjects = "tosserp." + domain + ".>";
    const char* subjectList[] = { subjects.c_str() };
    jsStreamConfig config;
    jsStreamConfig_Init(&config);
    config.Name = name.c_str();
    config.Subjects = subjectList;
    config.SubjectsLen = 1;
    config.Storage = js_FileStorage;
    config.Retention = js_LimitsPolicy;
    config.Duplicates = kDuplicateWindowMs * kNanosPerMs;
    status = js_AddStream(&info, m_context, &config, nullptr, &code);
    if (status == NATS_OK) {
        jsStreamInfo_Destroy(info);
        log::info("JetStream stream created", { { "stream", name }, { "subjects", subjects } });
    } else if (code != JSStreamNameExistErr) { // another process created it meanwhile
        check(status, "creating stream " + name, code);
    }
    std::lock_guard lock(m_streamsMutex);
    m_streams.insert(domain);
}

/// Forgets that a domain's stream exists when the call it guards fails: it may have been
/// deleted, and the next call creates it again.
struct JetStream::ForgetOnFailure {
    JetStream& stream;
    const std::string& domain;
    int exceptions = std::uncaught_exceptions();
    ~ForgetOnFailure()
    {
        if (std::uncaught_exceptions() > exceptions) {
            std::lock_guard lock(stream.m_streamsMutex);
            stream.m_streams.erase(domain);
        }
    }
};

JetStream::StreamState JetStream::state(const std::string& domain)
{
    const ForgetOnFailure guard { *this, domain };
    ensureStream(domain);
    const auto name = streamName(domain);
    jsStreamInfo* info = nullptr;
    jsErrCode code = static_cast<jsErrCode>(0);
    check(js_GetStreamInfo(&info, m_context, name.c_str(), nullptr, &code), "reading stream " + name, code);
    const StreamState state { static_cast<std::int64_t>(info->State.Msgs), info->State.LastSeq };
    jsStreamInfo_Destroy(info);
    return state;
}

std::int64_t JetStream::storedEvents(const std::string& domain)
{
    return state(domain).messages;
}

StreamEnd JetStream::end(const std::string& domain)
{
    const auto [messages, last] = state(domain);
    const auto name = streamName(domain);
    jsErrCode code = static_cast<jsErrCode>(0);
    if (messages == 0) {
        // Empty, but perhaps used before (purged): its sequence still guards the next publish.
        return { 0, "", last };
    }
    natsMsg* message = nullptr;
    check(js_GetMsg(&message, m_context, name.c_str(), last, nullptr, &code), "reading the end of " + name, code);
    const std::unique_ptr<natsMsg, void (*)(natsMsg*)> owned(message, natsMsg_Destroy);
    const auto newest = decode(message).event;
    return { newest.position, newest.eventId, last };
}

StreamEnd JetStream::publish(const std::string& domain, const std::vector<EventRecord>& events, StreamEnd after)
{
    const ForgetOnFailure guard { *this, domain };
    ensureStream(domain);
    std::lock_guard lock(m_publishing);
    m_failedAcks = 0;
    for (const auto& event : events) {
        const auto subject = streamSubject(domain, event.type);
        const auto data
            = nlohmann::json { { "event", EventStore::toJson(event) }, { "previous", after.position } }.dump();
        natsMsg* message = nullptr;
        check(natsMsg_Create(&message, subject.c_str(), nullptr, data.data(), static_cast<int>(data.size())),
            "building a message");
        jsPubOptions options;
        jsPubOptions_Init(&options);
        options.MsgId = event.eventId.c_str();
        // A sequence, not the last message id: the broker remembers ids only inside the
        // duplicate window, sequences for ever.
        options.ExpectLastSeq = after.sequence;
        const auto status = js_PublishMsgAsync(m_context, &message, &options);
        after = { event.position, event.eventId, after.sequence > 0 ? after.sequence + 1 : 0 };
        if (message != nullptr) { // not taken by the library
            natsMsg_Destroy(message);
        }
        check(status, "publishing to " + streamName(domain));
    }
    jsPubOptions wait;
    jsPubOptions_Init(&wait);
    wait.MaxWait = kPublishWaitMs;
    const auto status = js_PublishAsyncComplete(m_context, &wait);
    if (status != NATS_OK) {
        // Acknowledgements that did not come are given up; the caller publishes the batch again.
        natsMsgList pending { nullptr, 0 };
        if (js_PublishAsyncGetPendingList(&pending, m_context) == NATS_OK) {
            natsMsgList_Destroy(&pending);
        }
        check(status, "waiting for " + streamName(domain) + " to store the events");
    }
    if (m_failedAcks > 0) {
        throw JetStreamError(std::to_string(m_failedAcks.load()) + " of " + std::to_string(events.size())
            + " events were not stored by " + streamName(domain));
    }
    return after;
}

std::unique_ptr<JetStream::Consumer> JetStream::consumer(const std::string& domain, const std::string& name, int window)
{
    const ForgetOnFailure guard { *this, domain };
    ensureStream(domain);
    const auto stream = streamName(domain);
    const auto durable = durableName(name);
    const auto subjects = "tosserp." + domain + ".>";
    jsSubOptions options;
    jsSubOptions_Init(&options);
    options.Stream = stream.c_str();
    options.Config.Durable = durable.c_str();
    options.Config.AckPolicy = js_AckExplicit;
    options.Config.AckWait = Consumer::kAckWait.count() * kNanosPerMs;
    options.Config.DeliverPolicy = js_DeliverAll;
    // The broker hands out at most this many events before the oldest is acknowledged, so
    // redeliveries (in any order) stay among the oldest events and the next one to apply is
    // always among them.
    options.Config.MaxAckPending = window;
    std::unique_ptr<Consumer> consumer(new Consumer);
    jsErrCode code = static_cast<jsErrCode>(0);
    check(js_PullSubscribe(
              &consumer->m_subscription, m_context, subjects.c_str(), durable.c_str(), nullptr, &options, &code),
        "subscribing " + durable + " to " + stream, code);
    return consumer;
}

JetStream::Consumer::~Consumer()
{
    release();
    if (m_subscription != nullptr) {
        // The durable consumer stays on the broker; only this process's subscription ends.
        natsSubscription_Destroy(m_subscription);
    }
}

std::vector<JetStream::Consumer::Delivery> JetStream::Consumer::fetch(
    int max, std::chrono::milliseconds wait, std::int64_t& pending)
{
    release();
    pending = 0;
    natsMsgList list { nullptr, 0 };
    jsErrCode code = static_cast<jsErrCode>(0);
    const auto status = natsSubscription_Fetch(&list, m_subscription, max, wait.count(), &code);
    if (status == NATS_TIMEOUT) {
        return {};
    }
    check(status, "fetching events", code);
    std::vector<Delivery> deliveries;
    deliveries.reserve(static_cast<std::size_t>(list.Count));
    for (int i = 0; i < list.Count; ++i) {
        m_messages.push_back(list.Msgs[i]);
        list.Msgs[i] = nullptr;
    }
    natsMsgList_Destroy(&list);
    for (auto* message : m_messages) {
        try {
            deliveries.push_back({ decode(message), message });
        } catch (const std::exception& e) {
            // Not an event of ours: acknowledge it so it does not block the stream, and say so.
            log::error("not an event; dropped", { { "subject", natsMsg_GetSubject(message) }, { "error", e.what() } });
            natsMsg_Term(message, nullptr);
        }
    }
    if (!m_messages.empty()) {
        jsMsgMetaData* meta = nullptr;
        if (natsMsg_GetMetaData(&meta, m_messages.back()) == NATS_OK) {
            pending = static_cast<std::int64_t>(meta->NumPending);
            jsMsgMetaData_Destroy(meta);
        }
    }
    return deliveries;
}

void JetStream::Consumer::ack(const Delivery& delivery)
{
    check(natsMsg_Ack(delivery.message, nullptr), "acknowledging an event");
}

void JetStream::Consumer::retryLater(const Delivery& delivery, std::chrono::milliseconds delay)
{
    natsMsg_NakWithDelay(delivery.message, delay.count(), nullptr);
}

void JetStream::Consumer::stillWorking(const Delivery& delivery)
{
    natsMsg_InProgress(delivery.message, nullptr);
}

void JetStream::Consumer::release()
{
    for (auto* message : m_messages) {
        natsMsg_Destroy(message);
    }
    m_messages.clear();
}

struct EventRelay::Lane {
    Source source;
    prometheus::Gauge* lag = nullptr;
    prometheus::Counter* published = nullptr;
    prometheus::Counter* failures = nullptr;
    std::optional<StreamEnd> streamEnd; ///< what the stream holds; asked again after a failure
    std::int64_t publishedPosition = 0; ///< the last known, for the lag while the broker is away
    std::int64_t committed = 0; ///< the database's last position, as last read
    bool failing = false;

    void setLag() const { lag->Set(static_cast<double>(std::max<std::int64_t>(0, committed - publishedPosition))); }
};

EventRelay::EventRelay(JetStream& stream, std::vector<Source> sources)
    : m_stream(stream)
    , m_loops({ kRelayPoll, kFirstPause, kLongestPause })
{
    for (auto& source : sources) {
        auto lane = std::make_unique<Lane>();
        lane->source = std::move(source);
        lane->lag = &metrics().gauge("tosserp_relay_lag_events",
            "Events committed in the domain's database that are not yet stored in its JetStream stream",
            { { "domain", lane->source.domain } });
        lane->published = &metrics().counter("tosserp_relay_published_total",
            "Events the relay has stored in the domain's JetStream stream", { { "domain", lane->source.domain } });
        lane->failures = &metrics().counter("tosserp_relay_failures_total",
            "Times the relay could not publish the domain's events (broker away, stream refused) and waits to "
            "try again",
            { { "domain", lane->source.domain } });
        m_loops.add([this, l = lane.get()] { return publishNext(*l); },
            [this, l = lane.get()](const std::exception& e, std::chrono::milliseconds pause) { failed(*l, e, pause); });
        m_lanes.push_back(std::move(lane));
    }
}

EventRelay::~EventRelay()
{
    stop();
}

void EventRelay::start()
{
    m_loops.start();
}

void EventRelay::stop()
{
    m_loops.stop();
}

void EventRelay::notify()
{
    m_loops.wake();
}

bool EventRelay::publishNext(Lane& lane)
{
    const auto& domain = lane.source.domain;
    auto& database = *lane.source.database;
    // The stream's end is asked for once, and again after a failure (a stream filled meanwhile
    // from elsewhere makes the next publish fail: its expected last sequence no longer
    // matches) or after publishing into a new stream (sequence 0, which the broker does not
    // check, and whose next sequence is known only by asking).
    if (!lane.streamEnd) {
        const auto end = m_stream.end(domain);
        // The stream must end with one of this database's events: a stream filled from another
        // data directory (a second server on the same broker, a restore of an older backup)
        // would make the relay skip this database's events for good.
        if (end.position > 0) {
            const auto mine = database.read([&](db::Connection& c) { return EventStore::eventIdAt(c, end.position); });
            if (mine != end.eventId) {
                throw JetStreamError("stream " + streamName(domain) + " ends with event " + end.eventId
                    + " at position " + std::to_string(end.position)
                    + ", which this database does not hold: it was filled from another data directory. Give each "
                      "data directory its own nats-server (or account), or delete the stream if its history is not "
                      "needed");
            }
        }
        lane.streamEnd = end;
        lane.publishedPosition = end.position;
    }
    EventFilter filter;
    filter.afterPosition = lane.streamEnd->position;
    filter.limit = kRelayBatch;
    // The batch, and how far the database goes, with one connection.
    const auto batch = database.read([&](db::Connection& c) {
        auto events = EventStore::list(c, filter);
        lane.committed = EventStore::lastPosition(c);
        return events;
    });
    if (!batch.empty()) {
        // What waits is visible while the publish does: with the broker away it can take the
        // whole publish wait to fail.
        lane.setLag();
        // On disk before the broker has them: a power cut must not take back an event the
        // other domains may already have acted on.
        database.syncToDisk();
        const bool intoNewStream = lane.streamEnd->sequence == 0;
        lane.streamEnd = m_stream.publish(domain, batch, *lane.streamEnd);
        lane.publishedPosition = lane.streamEnd->position;
        lane.published->Increment(static_cast<double>(batch.size()));
        if (intoNewStream) {
            lane.streamEnd.reset();
        }
    }
    lane.setLag();
    if (lane.failing) {
        lane.failing = false;
        log::info("relay publishing again", { { "domain", domain }, { "published", lane.publishedPosition } });
    }
    return static_cast<int>(batch.size()) == kRelayBatch;
}

void EventRelay::failed(Lane& lane, const std::exception& error, std::chrono::milliseconds pause)
{
    lane.streamEnd.reset();
    lane.failing = true;
    lane.failures->Increment();
    log::warn("relay cannot publish; retrying",
        { { "domain", lane.source.domain }, { "error", error.what() }, { "retry_ms", pause.count() } });
    try {
        // Commits go on piling up while the broker is away.
        lane.committed = lane.source.database->read([](db::Connection& c) { return EventStore::lastPosition(c); });
        lane.setLag();
    } catch (const std::exception&) {
        // The database cannot be read either; the next attempt tries again.
    }
}

} // namespace tosserp::events
