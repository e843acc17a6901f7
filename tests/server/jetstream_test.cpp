// Events across processes through NATS JetStream, with a real nats-server: the relay stores each
// committed event once however often it is restarted, consumers apply events in their domain's
// order whatever order the broker redelivers them in, and the order saga loses nothing when
// nats-server is killed in the middle of it.
#include "process.h"
#include "server/core/metrics.h"
#include "server/events/dispatcher.h"
#include "server/events/jetstream.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <nats/nats.h>

#include <atomic>
#include <mutex>
#include <thread>

using nlohmann::json;
using tosserp::events::Checkpoints;
using tosserp::events::EventContext;
using tosserp::events::EventDispatcher;
using tosserp::events::EventRecord;
using tosserp::events::EventRelay;
using tosserp::events::EventStore;
using tosserp::events::JetStream;
using tosserp::test::eventually;
using tosserp::test::NatsServerProcess;
using tosserp::test::TempDir;
using tosserp::test::TestServer;

namespace {

/// A domain database holding only events and checkpoints.
std::unique_ptr<tosserp::db::Database> eventDatabase(const TempDir& dir, const std::string& name)
{
    auto database = std::make_unique<tosserp::db::Database>((dir.path() / (name + ".db")).string());
    database->migrate({ { 1, "events", std::string(EventStore::schema()) + Checkpoints::schema() } });
    return database;
}

std::vector<EventRecord> append(tosserp::db::Database& database, int count, const std::string& type = "ThingDone")
{
    return database.write([&](tosserp::db::Connection& c) {
        std::vector<EventRecord> appended;
        for (int i = 0; i < count; ++i) {
            appended.push_back(EventStore::append(c, "thing-" + std::to_string(i), type, { { "n", i } },
                EventContext { "tester", "4bf92f3577b34da6a3ce929d0e0e4736", "" }));
        }
        return appended;
    });
}

/// What an operator does with the nats tool: removes a stream and everything in it.
void deleteStream(const std::string& url, const std::string& name)
{
    natsConnection* connection = nullptr;
    ASSERT_EQ(natsConnection_ConnectTo(&connection, url.c_str()), NATS_OK);
    jsCtx* context = nullptr;
    ASSERT_EQ(natsConnection_JetStream(&context, connection, nullptr), NATS_OK);
    EXPECT_EQ(js_DeleteStream(context, name.c_str(), nullptr, nullptr), NATS_OK);
    jsCtx_Destroy(context);
    natsConnection_Destroy(connection);
}

/// How often the relay of `domain` could not publish (its metric in this process).
double relayFailures(const std::string& domain)
{
    const auto text = tosserp::metrics().render();
    const std::string line = "tosserp_relay_failures_total{domain=\"" + domain + "\"} ";
    const auto at = text.find(line);
    return at == std::string::npos ? 0.0 : std::stod(text.substr(at + line.size()));
}

std::int64_t eventCount(tosserp::db::Database& database)
{
    return tosserp::test::scalar(database, "SELECT count(*) FROM events");
}

/// The value of a metric line such as `tosserp_consumer_lag_events{consumer="x"}` (-1 if absent).
double metricValue(const std::string& series)
{
    const auto text = tosserp::metrics().render();
    const auto at = text.find("\n" + series + " ");
    return at == std::string::npos ? -1 : std::stod(text.substr(at + series.size() + 2));
}

} // namespace

TEST(JetStreamEvents, AnEventTravelsAsJsonUnchanged)
{
    EventRecord record;
    record.position = 42;
    record.eventId = "0b6f1d2c-6d3e-4c55-9d1e-0d1f0f7f2a11";
    record.streamId = "order-7";
    record.streamVersion = 3;
    record.type = "OrderPaid";
    record.payload = { { "order_id", 7 }, { "gross", { { "amount", "23.78" }, { "currency", "EUR" } } } };
    record.actor = "saga";
    record.correlationId = "4bf92f3577b34da6a3ce929d0e0e4736";
    record.causationId = "a1";
    record.occurredAtMs = 1795650000123;
    const auto back = EventStore::fromJson(EventStore::toJson(record));
    EXPECT_EQ(EventStore::toJson(back), EventStore::toJson(record));
    EXPECT_EQ(back.occurredAtMs, record.occurredAtMs);
    EXPECT_THROW(EventStore::fromJson({ { "position", "not a number" } }), std::exception);
}

TEST(JetStreamEvents, TheRelayStoresEachEventOnceAndResumesWhereTheStreamEnds)
{
    NatsServerProcess nats;
    TempDir dir;
    const auto source = eventDatabase(dir, "things");
    append(*source, 250);
    JetStream stream(nats.url());
    {
        EventRelay relay(stream, { { "things", source.get() } });
        relay.start();
        ASSERT_TRUE(eventually([&] { return stream.lastPublished("things") == 250; }, std::chrono::seconds(10)));
    }
    EXPECT_EQ(stream.storedEvents("things"), 250);
    // A new relay (a restart) publishes only what came after, however the old one ended.
    append(*source, 30);
    {
        EventRelay relay(stream, { { "things", source.get() } });
        relay.start();
        ASSERT_TRUE(eventually([&] { return stream.lastPublished("things") == 280; }, std::chrono::seconds(10)));
    }
    EXPECT_EQ(stream.storedEvents("things"), 280);
    // Publishing events again (a lost acknowledgement) is dropped by the broker: same ids.
    const auto again = source->read([](tosserp::db::Connection& c) {
        tosserp::events::EventFilter filter;
        filter.afterPosition = 270;
        filter.limit = 10;
        return EventStore::list(c, filter);
    });
    stream.publish("things", again, { 270, "", 0 });
    EXPECT_EQ(stream.storedEvents("things"), 280);
    // A relay that believes the stream ends elsewhere (the broker lost what it had acknowledged)
    // is refused instead of leaving a hole: the stream ends with event 280, not 275.
    append(*source, 5);
    const auto next = source->read([](tosserp::db::Connection& c) {
        tosserp::events::EventFilter filter;
        filter.afterPosition = 280;
        return EventStore::list(c, filter);
    });
    EXPECT_THROW(stream.publish("things", next, { 275, again[4].eventId, 275 }), tosserp::events::JetStreamError);
    EXPECT_EQ(stream.storedEvents("things"), 280);
    stream.publish("things", next, stream.end("things"));
    EXPECT_EQ(stream.storedEvents("things"), 285);
    // A stream deleted by an operator is made again and filled from the domain's first event.
    deleteStream(nats.url(), "TOSSERP_THINGS");
    {
        EventRelay relay(stream, { { "things", source.get() } });
        relay.start();
        ASSERT_TRUE(eventually(
            [&] {
                try {
                    return stream.lastPublished("things") == 285;
                } catch (const tosserp::events::JetStreamError&) {
                    return false;
                }
            },
            std::chrono::seconds(10)));
    }
    EXPECT_EQ(stream.storedEvents("things"), 285);
    // Another data directory on the same broker (its own events, positions from 1): its relay
    // refuses the stream this database filled instead of skipping its first 285 events.
    TempDir otherDir;
    const auto other = eventDatabase(otherDir, "things");
    append(*other, 300);
    const auto failures = [] { return relayFailures("things"); };
    const auto before = failures();
    {
        EventRelay relay(stream, { { "things", other.get() } });
        relay.start();
        // It tried, and refused.
        EXPECT_TRUE(eventually([&] { return failures() > before; }, std::chrono::seconds(10)));
    }
    EXPECT_GT(failures(), before);
    EXPECT_EQ(stream.storedEvents("things"), 285);
}

TEST(JetStreamEvents, ARelayThatStartedOnANewStreamRefusesItOnceAnotherDataDirectoryPublishedThere)
{
    NatsServerProcess nats;
    JetStream stream(nats.url());
    TempDir dir;
    const auto source = eventDatabase(dir, "shared");
    append(*source, 10);
    EventRelay relay(stream, { { "shared", source.get() } });
    source->onCommit([&](tosserp::db::Connection&) { relay.notify(); });
    relay.start();
    ASSERT_TRUE(eventually([&] { return stream.storedEvents("shared") == 10; }, std::chrono::seconds(10)));
    // Another data directory's event reaches the same stream (a second server on the broker).
    TempDir otherDir;
    const auto other = eventDatabase(otherDir, "shared");
    stream.publish("shared", append(*other, 1), stream.end("shared"));
    ASSERT_EQ(stream.storedEvents("shared"), 11);
    // This relay's next events are refused, not added after the stranger's.
    const auto before = relayFailures("shared");
    append(*source, 5);
    EXPECT_TRUE(eventually([&] { return relayFailures("shared") > before; }, std::chrono::seconds(10)));
    EXPECT_EQ(stream.storedEvents("shared"), 11);
    relay.stop();
}

TEST(JetStreamEvents, TheRelayWaitsOutABrokerThatIsAwayAndLosesNothing)
{
    NatsServerProcess nats;
    TempDir dir;
    const auto source = eventDatabase(dir, "waits");
    // A cluster's addresses, one of them dead: the client finds the live one.
    JetStream stream("nats://127.0.0.1:1," + nats.url());
    EventRelay relay(stream, { { "waits", source.get() } });
    source->onCommit([&](tosserp::db::Connection&) { relay.notify(); });
    relay.start();
    append(*source, 100);
    ASSERT_TRUE(eventually([&] { return stream.lastPublished("waits") == 100; }, std::chrono::seconds(10)));
    nats.kill();
    append(*source, 100); // committed while the broker is away
    // /metrics says what waits meanwhile.
    EXPECT_TRUE(eventually(
        [] { return metricValue("tosserp_relay_lag_events{domain=\"waits\"}") == 100; }, std::chrono::seconds(10)))
        << metricValue("tosserp_relay_lag_events{domain=\"waits\"}");
    nats.start();
    append(*source, 100);
    ASSERT_TRUE(eventually(
        [&] {
            try {
                return stream.lastPublished("waits") == 300;
            } catch (const tosserp::events::JetStreamError&) {
                return false; // reconnecting
            }
        },
        std::chrono::seconds(20)));
    EXPECT_EQ(stream.storedEvents("waits"), 300);
}

TEST(JetStreamEvents, AConsumerAppliesEventsInTheirDomainsOrderWhateverOrderTheyArriveIn)
{
    NatsServerProcess nats;
    TempDir dir;
    const auto source = eventDatabase(dir, "things");
    const auto target = eventDatabase(dir, "target");
    const auto events = append(*source, 5);
    JetStream stream(nats.url());
    // Stored out of order: 3, 5, 4, 1, 2 (as redeliveries may come).
    for (const int index : { 2, 4, 3, 0, 1 }) {
        stream.publish("things", { events[index] }, { index == 0 ? 0 : events[index - 1].position, "", 0 });
    }
    std::mutex mutex;
    std::vector<std::int64_t> applied;
    EventDispatcher dispatcher;
    dispatcher.useJetStream(stream);
    dispatcher.subscribe(
        { "target.things", source.get(), "things", target.get(), { "ThingDone" }, [&](const EventRecord& event) {
             Checkpoints::applyOnce(*target, "target.things", event, [&](tosserp::db::Connection&) {
                 std::lock_guard lock(mutex);
                 applied.push_back(event.position);
             });
         } });
    dispatcher.start();
    ASSERT_TRUE(dispatcher.drain(std::chrono::seconds(20)));
    dispatcher.stop();
    std::lock_guard lock(mutex);
    EXPECT_EQ(applied, (std::vector<std::int64_t> { 1, 2, 3, 4, 5 }));
}

/// A consumer that cannot apply its events shows its lag growing with every event committed
/// meanwhile and its failures counted, then falls back to 0 once it can; in process and
/// through JetStream.
void lagOfAStuckConsumer(const std::string& transport, NatsServerProcess* nats)
{
    TempDir dir;
    const auto source = eventDatabase(dir, "things");
    const auto target = eventDatabase(dir, "target");
    append(*source, 50);
    std::unique_ptr<JetStream> stream;
    std::unique_ptr<EventRelay> relay;
    const std::string name = "stuck-" + transport + ".things";
    EventDispatcher dispatcher;
    if (nats != nullptr) {
        stream = std::make_unique<JetStream>(nats->url());
        relay = std::make_unique<EventRelay>(*stream, std::vector<EventRelay::Source> { { "things", source.get() } });
        source->onCommit([&](tosserp::db::Connection&) { relay->notify(); });
        dispatcher.useJetStream(*stream);
        relay->start();
    } else {
        source->onCommit([&](tosserp::db::Connection&) { dispatcher.notify(); });
    }
    std::atomic<bool> broken { true };
    dispatcher.subscribe({ name, source.get(), "things", target.get(), { "ThingDone" }, [&](const EventRecord& event) {
                              if (broken) {
                                  throw std::runtime_error("the target cannot take it just now");
                              }
                              Checkpoints::applyOnce(*target, name, event, [](tosserp::db::Connection&) {});
                          } });
    dispatcher.start();
    const auto lag = "tosserp_consumer_lag_events{consumer=\"" + name + "\"}";
    const auto failures = "tosserp_consumer_failures_total{consumer=\"" + name + "\"}";
    EXPECT_TRUE(eventually([&] { return metricValue(lag) == 50; }, std::chrono::seconds(10))) << metricValue(lag);
    EXPECT_GT(metricValue(failures), 0);
    append(*source, 25);
    EXPECT_TRUE(eventually([&] { return metricValue(lag) == 75; }, std::chrono::seconds(10))) << metricValue(lag);
    broken = false;
    EXPECT_TRUE(dispatcher.drain(std::chrono::seconds(40)));
    EXPECT_TRUE(eventually([&] { return metricValue(lag) == 0; }, std::chrono::seconds(10))) << metricValue(lag);
    dispatcher.stop();
}

TEST(JetStreamEvents, AStuckConsumersLagGrowsInProcessAndFallsBackWhenItRecovers)
{
    lagOfAStuckConsumer("local", nullptr);
}

TEST(JetStreamEvents, AStuckConsumersLagGrowsThroughJetStreamAndFallsBackWhenItRecovers)
{
    NatsServerProcess nats;
    lagOfAStuckConsumer("nats", &nats);
}

TEST(JetStreamEvents, TheSagaRunsThroughTheStreamsAndSurvivesNatsServerBeingKilled)
{
    NatsServerProcess nats;
    tosserp::ServerConfig config;
    config.natsUrl = nats.url();
    TestServer server(config);
    const auto [warehouse, shelf] = server.makeWarehouse("MAIN");
    const auto product = server.makeProduct("TEA-1");
    server.receive(product, shelf, 1000);
    const auto customer = server.post("/api/v1/customers", { { "name", "Ada" } }).json()["id"].get<std::int64_t>();
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(20)));
    std::vector<std::int64_t> placed;
    const auto order = [&] {
        const auto draft = server.post("/api/v1/orders",
            { { "customer_id", customer }, { "warehouse_id", warehouse }, { "tax_rate", 1900 },
                { "lines", { { { "product_id", product }, { "quantity", 2 } } } } });
        ASSERT_EQ(draft.status, 201) << draft.body;
        const auto id = draft.json()["id"].get<std::int64_t>();
        ASSERT_EQ(server.post("/api/v1/orders/" + std::to_string(id) + "/place", json::object()).status, 200);
        placed.push_back(id);
    };
    for (int i = 0; i < 10; ++i) {
        order();
    }
    nats.kill(); // the shop goes on: orders are placed while the broker is away
    for (int i = 0; i < 10; ++i) {
        order();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    nats.start();
    for (int i = 0; i < 10; ++i) {
        order();
    }
    ASSERT_TRUE(server.runtime().dispatcher().drain(std::chrono::seconds(60)));
    for (const auto id : placed) {
        const auto state = server.get("/api/v1/orders/" + std::to_string(id)).json()["state"];
        EXPECT_EQ(state, "paid") << "order " << id;
    }
    const auto level = server.get("/api/v1/stock/levels?product_id=" + std::to_string(product)).json()["items"][0];
    EXPECT_EQ(level["reserved"], 2 * static_cast<int>(placed.size())); // each reservation once
    // Every committed event is in its stream exactly once.
    JetStream stream(nats.url());
    EXPECT_EQ(stream.storedEvents("stock"), eventCount(server.runtime().stockDatabase()));
    EXPECT_EQ(stream.storedEvents("orders"), eventCount(server.runtime().ordersDatabase()));
    EXPECT_EQ(stream.storedEvents("payments"), eventCount(server.runtime().paymentsDatabase()));
    // And /metrics says so.
    const auto metrics = server.get("/metrics").body;
    EXPECT_NE(metrics.find("tosserp_relay_lag_events{domain=\"orders\"} 0"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("tosserp_consumer_lag_events{consumer=\"stock.orders\"} 0"), std::string::npos);
}
